import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { Suspense, lazy, useState } from 'react';
import type { EditorState, PolicySetOrigin } from '../../editor/policyReducer';
import { useEditorSelector, useEditorStore } from '../../editor/useEditor';
import type { JsonValue } from '../../policy/model';
import { isNewerVersion } from '../import/managedPolicyFilter';
import { useManagedPolicy } from '../import/useManagedPolicy';
import LinearProgress from '@mui/material/LinearProgress';
import { KIND_LABEL } from './attachResults';

const UpdatePolicySetDialog = lazy(() =>
  import('./UpdatePolicySetDialog').then((m) => ({ default: m.UpdatePolicySetDialog })),
);

const selectOrigin = (state: EditorState) => state.origin;

/**
 * Shown while the draft is a policy set opened from the account: which set, what it was built
 * from, whether the catalog has a newer version of that AWS managed policy (Update the set), and
 * Save the draft to the set.
 */
export function PolicySetBar() {
  const store = useEditorStore();
  const origin = useEditorSelector(selectOrigin);
  const latest = useManagedPolicy(origin?.reference?.policyName);
  // The set and the draft as they were when the dialog opened: saving changes both.
  const [dialog, setDialog] = useState<{ mode: 'reference' | 'draft'; origin: PolicySetOrigin; document: JsonValue } | null>(null);
  if (!origin) return null;
  const policy = latest.status === 'ready' ? latest.policy : undefined;
  const newer =
    policy !== undefined &&
    origin.reference !== undefined &&
    isNewerVersion(policy.version, origin.reference.version);
  const built = origin.reference
    ? ` Built from ${origin.reference.policyName} ${origin.reference.version}${origin.excluded.length > 0 ? ` without ${origin.excluded.join(', ')}` : ''}${origin.retiredRemoved ? ", retired services' actions removed" : ''}.`
    : '';
  const targets = origin.attachedTo.map((t) => `${KIND_LABEL[t.kind]} ${t.name}`).join(', ');
  return (
    <>
      <Alert
        severity={newer ? 'warning' : 'info'}
        role="region"
        aria-label={`Policy set ${origin.name}`}
        sx={{ mb: 1 }}
        action={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            {newer && (
              <Button color="inherit" size="small" variant="outlined" onClick={() => setDialog({ mode: 'reference', origin, document: store.state.document })}>
                Update to {policy.version}…
              </Button>
            )}
            <Button color="inherit" size="small" onClick={() => setDialog({ mode: 'draft', origin, document: store.state.document })}>
              Save the draft to the set…
            </Button>
          </Stack>
        }
      >
        Policy set {origin.name}: {origin.parts.length} part{origin.parts.length === 1 ? '' : 's'} in the
        account
        {targets ? `, attached to ${targets}` : ''}.{built}
        {newer ? ` ${policy.name} ${policy.version} is available.` : ''}
      </Alert>
      {dialog && (
        <Suspense fallback={<LinearProgress aria-label="Loading the update dialog" />}>
          <UpdatePolicySetDialog
            origin={dialog.origin}
            mode={dialog.mode}
            draft={dialog.document}
            onClose={() => setDialog(null)}
          />
        </Suspense>
      )}
    </>
  );
}
