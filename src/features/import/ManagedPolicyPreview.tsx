import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import type { ManagedPolicyEntry } from '../../catalog/types';
import type { JsonValue } from '../../policy/model';
import { serializeDocument } from '../../policy/serialize';
import { formatCount, formatDay, MANAGED_QUOTA } from './managedPolicyFilter';
import { PolicySummaryPreview } from './PolicySummaryPreview';
import type { ManagedPolicyState } from './useManagedPolicy';

export interface ManagedPolicyPreviewProps {
  readonly entry: ManagedPolicyEntry | undefined;
  readonly state: ManagedPolicyState;
}

/** The chosen managed policy: facts, summary per service and its document (read-only). */
export function ManagedPolicyPreview({ entry, state }: ManagedPolicyPreviewProps) {
  const document = state.status === 'ready' ? (state.policy.document as JsonValue) : undefined;
  const text = useMemo(() => (document === undefined ? '' : serializeDocument(document, { format: 'pretty' })), [document]);
  if (!entry) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', height: '100%', color: 'text.secondary' }}>
        <Typography variant="body2">Choose a policy to see what it allows.</Typography>
      </Box>
    );
  }
  const over = entry.size > MANAGED_QUOTA;
  return (
    <Box component="section" aria-label={`Preview of ${entry.name}`} sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%', gap: 1 }}>
      <Box>
        <Typography variant="h6" component="h3" sx={{ lineHeight: 1.3, wordBreak: 'break-all' }}>
          {entry.name}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 0.5, alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
          <Chip size="small" label={entry.version} />
          <Typography variant="body2" color="text.secondary">
            Updated {formatDay(entry.updated)} · {formatCount(entry.size)} characters
          </Typography>
          {over && <Chip size="small" color="warning" label={`Over ${formatCount(MANAGED_QUOTA)}`} />}
        </Stack>
        <Typography variant="caption" color="text.secondary" component="div" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
          {entry.arn}
        </Typography>
        {over && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            AWS can exceed the {formatCount(MANAGED_QUOTA)}-character quota for its own policies; a copy cannot. After
            importing, compact it or split it into several policies.
          </Typography>
        )}
      </Box>
      {state.status === 'loading' && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <CircularProgress size={16} />
          <Typography variant="body2">Loading the document…</Typography>
        </Stack>
      )}
      {state.status === 'failed' && <Alert severity="error">The policy could not be loaded: {state.error}</Alert>}
      {state.status === 'missing' && <Alert severity="error">The catalog has no document for {entry.name}.</Alert>}
      {document !== undefined && (
        <Box sx={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 5fr) minmax(0, 6fr)' }, gap: 2 }}>
          <Box component="section" aria-label="Summary" sx={{ overflow: 'auto', minHeight: 0 }}>
            <PolicySummaryPreview document={document} />
          </Box>
          <Box
            component="pre"
            role="region"
            aria-label="Policy document"
            tabIndex={0}
            sx={{
              m: 0,
              p: 1.5,
              overflow: 'auto',
              minHeight: 0,
              fontFamily: 'monospace',
              fontSize: 12.5,
              lineHeight: 1.45,
              bgcolor: 'action.hover',
              borderRadius: 1,
            }}
          >
            {text}
          </Box>
        </Box>
      )}
    </Box>
  );
}
