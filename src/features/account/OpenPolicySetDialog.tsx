import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { call, toApiError, type ApiError } from '../../api/client';
import type { PolicySetInfo } from '../../api/contract';
import { useEditorDispatch } from '../../editor/useEditor';
import { parse } from '../../policy/parse';
import { accountKeys } from './accountQueries';
import { AccountTarget } from './AccountTarget';
import { ApiErrorAlert } from './ApiErrorAlert';
import { KIND_LABEL } from './attachResults';
import { originOf, unionDocument } from './policySetUpdate';
import { currentSession } from './sessionStore';
import { useSession } from './useSession';

export interface OpenPolicySetDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

/** "8 parts · built from ReadOnlyAccess v188 without s3 · attached to Role cloudcraft" */
export function setDetails(set: PolicySetInfo): string {
  const origin = originOf(set);
  const parts = `${origin.parts.length} part${origin.parts.length === 1 ? '' : 's'}`;
  const reference = origin.reference
    ? ` · built from ${origin.reference.policyName} ${origin.reference.version}${origin.excluded.length > 0 ? ` without ${origin.excluded.join(', ')}` : ''}`
    : '';
  const targets =
    origin.attachedTo.length > 0
      ? ` · attached to ${origin.attachedTo.map((t) => `${KIND_LABEL[t.kind]} ${t.name}`).join(', ')}`
      : ' · not attached';
  return parts + reference + targets;
}

/**
 * "Open a policy set": the account's sets (customer managed policies tagged iam-workbench:set,
 * grouped by set), and one opened as one draft: every part's default version, in part order, a
 * draft that remembers the set (to save it back, or to keep it current).
 */
export function OpenPolicySetDialog({ open, onClose }: OpenPolicySetDialogProps) {
  const titleId = useId();
  const dispatch = useEditorDispatch();
  const { state: sessionState } = useSession();
  const connected = Boolean(currentSession(sessionState)?.connected);
  const sets = useQuery({
    queryKey: accountKeys.policySets,
    queryFn: ({ signal }) => call('listPolicySets', {}, { signal }),
    enabled: open && connected,
  });
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const openSet = async (set: PolicySetInfo) => {
    setLoading(set.name);
    setError(null);
    try {
      const origin = originOf(set);
      const documents = await Promise.all(
        origin.parts.map(async (part) => {
          const out = await call('getPolicyDocument', { policyArn: part.arn });
          const parsed = parse(out.document);
          if (!parsed.model) throw new Error(`The document of ${part.name} is not valid JSON.`);
          return { document: parsed.model.document, versionId: out.versionId };
        }),
      );
      dispatch({
        type: 'replaceDocument',
        document: unionDocument(documents.map((d) => d.document)),
        label: `Open policy set ${set.name}`,
        origin: {
          ...origin,
          parts: origin.parts.map((p, i) => ({ ...p, versionId: documents[i]?.versionId ?? p.versionId })),
        },
      });
      dispatch({ type: 'setKind', kind: 'managed' });
      onClose();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setLoading(null);
    }
  };

  const listError = sets.error ? toApiError(sets.error) : null;
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId} scroll="paper">
      <DialogTitle id={titleId}>Open a policy set</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={1.5}>
          <AccountTarget verb="Reading policy sets" />
          <Alert severity="info">
            Every part&apos;s default version, in part order, replaces the draft as one policy (Undo brings
            the draft back). Change it and save it back to the set, or update the set to a newer version of
            the AWS managed policy it was built from.
          </Alert>
          <Box sx={{ height: 4 }}>
            {(sets.isFetching || loading) && <LinearProgress aria-label="Loading" />}
          </Box>
          {listError && <ApiErrorAlert error={listError} doing="Listing the policy sets" />}
          {error && <ApiErrorAlert error={error} doing="Opening the policy set" />}
          <List dense aria-label="Policy sets" sx={{ maxHeight: 360, overflow: 'auto' }}>
            {(sets.data?.sets ?? []).map((set) => (
              <ListItem key={set.name} disablePadding>
                <ListItemButton
                  onClick={() => void openSet(set)}
                  disabled={loading !== null}
                  aria-label={`Open ${set.name} ${setDetails(set)}`}
                >
                  <ListItemText primary={`${set.name} `} secondary={setDetails(set)} />
                </ListItemButton>
              </ListItem>
            ))}
            {sets.isSuccess && sets.data.sets.length === 0 && (
              <ListItem>
                <ListItemText secondary="The account has no policy sets (policies tagged iam-workbench:set)." />
              </ListItem>
            )}
          </List>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
      </DialogActions>
    </Dialog>
  );
}
