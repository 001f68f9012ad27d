import Box from '@mui/material/Box';
import Portal from '@mui/material/Portal';
import Typography from '@mui/material/Typography';
import { useAnalysis, useEditorState } from '../../editor/useEditor';
import { countBySeverity, SEVERITY_LABELS, SEVERITY_ORDER } from '../findings/severity';
import { KIND_LABELS } from '../../policy/iamLimits';
import { SummaryPanel } from '../summary/SummaryPanel';
import { useExportSettings } from './useExportSettings';
import { usePrinting } from './usePrinting';
import { useSuggestedPolicyName } from './useSuggestedPolicyName';

function ReviewBody() {
  const state = useEditorState();
  const { findings, size } = useAnalysis();
  const [settings] = useExportSettings();
  const suggested = useSuggestedPolicyName();
  const counts = countBySeverity(findings);
  const ordered = SEVERITY_ORDER.flatMap((severity) => findings.filter((f) => f.severity === severity));
  const countText =
    SEVERITY_ORDER.filter((s) => counts[s] > 0)
      .map((s) => `${counts[s]} ${counts[s] === 1 ? SEVERITY_LABELS[s].one : SEVERITY_LABELS[s].many}`)
      .join(', ') || 'none';
  const facts: [string, string][] = [
    ['Policy name', settings.name ?? suggested],
    ['Kind', KIND_LABELS[state.kind]],
    ['Size', `${size.size.toLocaleString('en-US')} of ${size.quota.toLocaleString('en-US')} characters`],
    ['Findings', countText],
    ['Printed', new Date().toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })],
  ];
  if (settings.description) facts.splice(1, 0, ['Description', settings.description]);
  return (
    <>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 700, mb: 1 }}>
        IAM policy review
      </Typography>
      <Box component="dl" className="print-facts">
        {facts.map(([term, value]) => (
          <Box key={term} sx={{ display: 'contents' }}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Box>
        ))}
      </Box>
      <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
        Summary
      </Typography>
      <SummaryPanel />
      {ordered.length > 0 && (
        <section aria-label="Findings">
          <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
            Findings
          </Typography>
          <ul>
            {ordered.map((f, i) => (
              <li key={`${f.pointer}-${f.code}-${i}`}>
                <strong>{SEVERITY_LABELS[f.severity].one}</strong>: {f.message}
                {f.pointer && <code> ({f.pointer})</code>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="print-json-title">
        <Typography variant="h6" component="h2" sx={{ mt: 2 }} id="print-json-title">
          Policy JSON
        </Typography>
        {!state.textValid && <Typography>The JSON below does not parse: it is printed as typed.</Typography>}
        <pre className="print-json">{state.text}</pre>
      </section>
    </>
  );
}

/**
 * The printable review: the policy's facts, its summary, its findings and its JSON as plain text.
 * Rendered into the body, outside the app, only while printing; print.css hides everything else.
 */
export function PrintReview() {
  const printing = usePrinting();
  if (!printing) return null;
  return (
    <Portal>
      <Box className="print-only" component="article" aria-label="Policy review">
        <ReviewBody />
      </Box>
    </Portal>
  );
}
