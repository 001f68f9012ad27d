import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import { useMemo } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import { useAnalysis, useEditorState } from '../../editor/useEditor';
import { leastPrivilegeFindings, type LeastPrivilegeFix } from '../../policy/leastPrivilege';
import type { Finding } from '../../policy/model';
import { FindingFix } from './FindingFix';
import { RetiredServicesFix } from './RetiredServicesFix';
import { SEVERITY_LABELS, SEVERITY_ORDER } from './severity';
import { useFindingsFilter } from './useFindingsFilter';

export interface FindingsPanelProps {
  /** called when the user picks a finding: jump to its block and JSON location */
  readonly onReveal: (finding: Finding) => void;
}

/** The core's findings grouped by severity; a count chip in the header shows one severity alone. */
export function FindingsPanel({ onReveal }: FindingsPanelProps) {
  const { findings, model } = useAnalysis();
  const { severity: only, clear } = useFindingsFilter();
  const { view } = useCatalog();
  const { kind } = useEditorState();
  // the fixes of the least-privilege findings, by code and pointer
  const fixes = useMemo(() => {
    const map = new Map<string, LeastPrivilegeFix>();
    for (const f of leastPrivilegeFindings(model, view, kind))
      if (f.fix) map.set(`${f.code} ${f.pointer}`, f.fix);
    return map;
  }, [model, view, kind]);
  if (findings.length === 0) {
    return (
      <Box sx={{ p: 2 }}>
        <Alert severity="success">No findings: the policy passes every check.</Alert>
      </Box>
    );
  }
  const shown = only === undefined ? findings : findings.filter((f) => f.severity === only);
  return (
    <Box sx={{ overflow: 'auto', height: '100%' }}>
      {only !== undefined && (
        <Alert
          severity="info"
          role="status"
          aria-label="Findings filter"
          sx={{ m: 1, py: 0, alignItems: 'center' }}
          action={
            <Button color="inherit" size="small" onClick={clear}>
              Show all {findings.length}
            </Button>
          }
        >
          {shown.length === 0
            ? `No ${SEVERITY_LABELS[only].many} now.`
            : `Showing the ${shown.length === 1 ? SEVERITY_LABELS[only].one : `${shown.length} ${SEVERITY_LABELS[only].many}`} only.`}
        </Alert>
      )}
      <RetiredServicesFix findings={findings} />
      <List dense aria-label="Findings">
        {SEVERITY_ORDER.map((severity) => {
          if (only !== undefined && severity !== only) return null;
          const group = findings.filter((f) => f.severity === severity);
          if (group.length === 0) return null;
          const label = SEVERITY_LABELS[severity];
          return (
            <li key={severity}>
              <ul style={{ padding: 0 }}>
                <ListSubheader sx={{ textTransform: 'capitalize' }}>
                  {group.length} {group.length === 1 ? label.one : label.many}
                </ListSubheader>
                {group.map((f, i) => {
                  const fix = fixes.get(`${f.code} ${f.pointer}`);
                  return (
                    <li key={`${f.code}-${f.pointer}-${i}`} style={{ listStyle: 'none' }}>
                      <ListItemButton component="div" onClick={() => onReveal(f)}>
                        <ListItemText
                          primary={f.message}
                          secondary={`${f.code}${f.range ? ` · line ${f.range.line}, column ${f.range.column}` : ''} · ${f.pointer || '/'}`}
                          slotProps={{ primary: { color: severity === 'error' ? 'error' : 'textPrimary' } }}
                        />
                      </ListItemButton>
                      {fix ? <FindingFix fix={fix} /> : null}
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </List>
    </Box>
  );
}
