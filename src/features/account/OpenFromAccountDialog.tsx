import SearchIcon from '@mui/icons-material/Search';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useId, useState } from 'react';
import { call, toApiError, type ApiError } from '../../api/client';
import { useEditorDispatch } from '../../editor/useEditor';
import { statementsOf } from '../../editor/policyReducer';
import { parse } from '../../policy/parse';
import type { PolicyInfo } from '../../api/contract';
import { AccountTarget } from './AccountTarget';
import { ApiErrorAlert } from './ApiErrorAlert';
import { currentSession } from './sessionStore';
import { openedMeta } from './sourcePolicy';
import { usePolicies } from './usePolicies';
import { useSession } from './useSession';

export interface OpenFromAccountDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

/** "Open from account": a customer managed policy's default version, loaded into the editor to change it. */
function policyDetails(p: PolicyInfo): string {
  return `${p.path === '/' ? '' : `${p.path} · `}default ${p.defaultVersionId} · attached to ${p.attachmentCount}${p.description ? ` · ${p.description}` : ''}`;
}

export function OpenFromAccountDialog({ open, onClose }: OpenFromAccountDialogProps) {
  const titleId = useId();
  const dispatch = useEditorDispatch();
  const { state: sessionState } = useSession();
  const connected = Boolean(currentSession(sessionState)?.connected);
  const [search, setSearch] = useState('');
  const list = usePolicies(search, open && connected);
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const openPolicy = async (policy: PolicyInfo) => {
    setLoading(policy.arn);
    setError(null);
    try {
      const out = await call('getPolicyDocument', { policyArn: policy.arn });
      const parsed = parse(out.document);
      if (!parsed.model) throw new Error(`The document of ${policy.name} is not valid JSON.`);
      const document = parsed.model.document;
      const source = { policyName: policy.name, policyArn: policy.arn, version: out.versionId };
      dispatch({
        type: 'replaceDocument',
        document,
        text: out.document,
        label: `Open ${policy.name} ${out.versionId}`,
        meta: openedMeta(statementsOf(document).length, source),
      });
      dispatch({ type: 'setKind', kind: 'managed' });
      onClose();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setLoading(null);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId} scroll="paper">
      <DialogTitle id={titleId}>Open a policy from the account</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={1.5}>
          <AccountTarget verb="Reading customer managed policies" />
          <Alert severity="info">
            The policy's default version replaces the draft (Undo brings the draft back). Change it, then use
            Account → Save as new version.
          </Alert>
          <TextField
            size="small"
            label="Search policies"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            autoFocus
            slotProps={{
              input: {
                startAdornment: (
                  <InputAdornment position="start">
                    <SearchIcon fontSize="small" />
                  </InputAdornment>
                ),
              },
            }}
          />
          <Box sx={{ height: 4 }}>{(list.loading || loading) && <LinearProgress aria-label="Loading" />}</Box>
          {list.error && <ApiErrorAlert error={list.error} doing="Listing the policies" />}
          {error && <ApiErrorAlert error={error} doing="Opening the policy" />}
          <List dense aria-label="Customer managed policies" sx={{ maxHeight: 360, overflow: 'auto' }}>
            {list.policies.map((p) => (
              <ListItem key={p.arn} disablePadding>
                <ListItemButton
                  onClick={() => void openPolicy(p)}
                  disabled={loading !== null}
                  aria-label={`Open ${p.name} ${policyDetails(p)}`}
                >
                  {/* the name is "Open" and all the text shown (WCAG 2.5.3, label in name) */}
                  {/* the trailing space keeps the name and the details apart in the text read out */}
                  <ListItemText primary={`${p.name} `} secondary={policyDetails(p)} />
                </ListItemButton>
              </ListItem>
            ))}
            {!list.loading && connected && list.policies.length === 0 && !list.error && (
              <ListItem>
                <ListItemText
                  secondary={
                    search
                      ? 'No customer managed policy matches.'
                      : 'The account has no customer managed policies.'
                  }
                />
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
