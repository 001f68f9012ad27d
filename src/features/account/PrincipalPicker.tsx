import SearchIcon from '@mui/icons-material/Search';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { PrincipalInfo, PrincipalKind } from '../../api/contract';
import { ApiErrorAlert } from './ApiErrorAlert';
import { KIND_LABEL, isSuccess, statusText, targetKey } from './attachResults';
import type { AttachState } from './useAttach';
import type { PrincipalList } from './usePrincipals';

const SECTIONS: readonly { kind: PrincipalKind; title: string }[] = [
  { kind: 'user', title: 'Users' },
  { kind: 'group', title: 'Groups' },
  { kind: 'role', title: 'Roles' },
];

function countText(p: PrincipalInfo): string {
  if (p.attachedPolicyCount === undefined) return 'attached policies unknown';
  return `${p.attachedPolicyCount}/${p.attachedPolicyQuota} policies attached`;
}

function PrincipalRow({ principal, attach }: { principal: PrincipalInfo; attach: AttachState }) {
  const target = { kind: principal.kind, name: principal.name };
  const result = attach.results.get(targetKey(target));
  const done = result !== undefined && isSuccess(result.status);
  const checked = done || attach.isSelected(target);
  // A principal at its quota cannot take another policy: shown as full, not selectable.
  const full = principal.atQuota && !done;
  const label = `${KIND_LABEL[principal.kind]} ${principal.name}`;
  return (
    <ListItem
      component="label"
      dense
      sx={{
        py: 0.25,
        pl: 1,
        cursor: done || full || attach.busy ? 'default' : 'pointer',
        alignItems: 'flex-start',
        '&:hover': { bgcolor: done || full || attach.busy ? undefined : 'action.hover' },
      }}
    >
      <ListItemIcon sx={{ minWidth: 36, mt: 0.25 }}>
        <Checkbox
          edge="start"
          size="small"
          checked={checked}
          disabled={done || full || attach.busy}
          onChange={() => attach.toggle(target)}
          slotProps={{ input: { 'aria-label': label } }}
        />
      </ListItemIcon>
      <ListItemText
        primary={principal.name}
        secondary={
          <>
            <span>{countText(principal)}</span>
            {principal.atQuota && !result && (
              <Typography component="span" variant="caption" sx={{ fontWeight: 700, color: 'warning.main' }}>
                {' '}
                · full
              </Typography>
            )}
            {result && (
              <Typography
                component="span"
                variant="caption"
                sx={{
                  fontWeight: 700,
                  display: 'block',
                  color: isSuccess(result.status) ? 'success.main' : 'error.main',
                }}
              >
                {statusText(result).label}
              </Typography>
            )}
          </>
        }
        slotProps={{ primary: { variant: 'body2', noWrap: true, title: principal.arn } }}
      />
    </ListItem>
  );
}

export interface PrincipalPickerProps {
  readonly list: PrincipalList;
  readonly search: string;
  readonly onSearch: (search: string) => void;
  readonly attach: AttachState;
}

/** Users, groups and roles of the account, searchable, each with a checkbox and its attached-policy count. */
export function PrincipalPicker({ list, search, onSearch, attach }: PrincipalPickerProps) {
  return (
    <Stack spacing={1}>
      <TextField
        size="small"
        label="Search users, groups and roles"
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        slotProps={{
          htmlInput: { spellCheck: false },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
      />
      <Box sx={{ height: 4 }}>
        {list.loading && <LinearProgress aria-label="Loading users, groups and roles" />}
      </Box>
      {list.error && <ApiErrorAlert error={list.error} doing="Listing users, groups and roles" />}
      {list.truncated && (
        <Alert severity="info">
          Showing {list.principals.length} of {list.total}: search to narrow the list.
        </Alert>
      )}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' },
          gap: 1.5,
        }}
      >
        {SECTIONS.map(({ kind, title }) => {
          const rows = list.principals.filter((p) => p.kind === kind);
          return (
            <Box
              key={kind}
              component="section"
              aria-label={title}
              sx={{ border: 1, borderColor: 'divider', borderRadius: 1, minWidth: 0 }}
            >
              <Typography
                variant="subtitle2"
                component="h3"
                sx={{ px: 1.5, py: 0.75, borderBottom: 1, borderColor: 'divider' }}
              >
                {title} ({rows.length})
              </Typography>
              <List dense disablePadding sx={{ maxHeight: 240, overflow: 'auto' }}>
                {rows.map((p) => (
                  <PrincipalRow key={targetKey(p)} principal={p} attach={attach} />
                ))}
                {rows.length === 0 && !list.loading && (
                  <ListItem>
                    <ListItemText
                      secondary={search ? 'None match the search.' : `No ${title.toLowerCase()}.`}
                    />
                  </ListItem>
                )}
              </List>
            </Box>
          );
        })}
      </Box>
    </Stack>
  );
}
