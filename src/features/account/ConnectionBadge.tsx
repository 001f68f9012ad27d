import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import ScienceIcon from '@mui/icons-material/Science';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Popover from '@mui/material/Popover';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useId, useState, type ReactElement } from 'react';
import type { SessionInfo } from '../../api/contract';
import { connectionLabel, currentSession, notConnectedReason, type SessionState } from './sessionStore';
import { useSession } from './useSession';

const SANDBOX_NOTE =
  'The built-in sandbox: an in-memory IAM account for trying things out. Nothing reaches AWS, and it resets when the server stops. To work in your account, restart with npm start -- --profile NAME.';

function badgeLook(state: SessionState): {
  color: 'warning' | 'success' | 'error' | 'default';
  icon: ReactElement;
} {
  const session = currentSession(state);
  if (state.status === 'loading' && !session)
    return { color: 'default', icon: <CircularProgress size={14} aria-hidden /> };
  if (!session?.connected) return { color: 'error', icon: <CloudOffIcon fontSize="small" /> };
  if (session.mode === 'sandbox') return { color: 'warning', icon: <ScienceIcon fontSize="small" /> };
  return { color: 'success', icon: <CloudDoneIcon fontSize="small" /> };
}

function tooltipOf(state: SessionState): string {
  const session = currentSession(state);
  const reason = notConnectedReason(state);
  if (reason) return `${reason.message} ${reason.hint}`;
  if (session?.mode === 'sandbox')
    return 'Policies and roles are created in the built-in sandbox account, not in AWS. Click for details.';
  return `Policies and roles are created in this account${session?.arn ? ` as ${session.arn}` : ''}. Click for details.`;
}

function Detail({ term, value }: { term: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {term}
      </Typography>
      <Typography
        component="dd"
        variant="body2"
        sx={{ m: 0, fontFamily: 'monospace', wordBreak: 'break-all' }}
      >
        {value}
      </Typography>
    </>
  );
}

function SessionDetails({ session }: { session: SessionInfo }) {
  const mode =
    session.mode === 'sandbox'
      ? 'Sandbox (in-memory IAM)'
      : session.mode === 'endpoint'
        ? 'Custom IAM endpoint'
        : 'AWS';
  return (
    <Box
      component="dl"
      sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
    >
      <Detail term="Account" value={session.accountId} />
      <Detail term="Identity" value={session.arn} />
      <Detail
        term="Profile"
        value={session.profile ?? (session.mode === 'aws' ? 'default credential chain' : undefined)}
      />
      <Detail term="Region" value={session.region} />
      <Detail term="Mode" value={mode} />
      <Detail term="Endpoint" value={session.mode === 'endpoint' ? session.endpointUrl : undefined} />
      <Detail
        term="Checked"
        value={session.checkedAt ? new Date(session.checkedAt).toLocaleTimeString() : undefined}
      />
    </Box>
  );
}

/** The header's badge: which account the app talks to; click for the identity, or for why it is not connected and what to do. */
export function ConnectionBadge() {
  const { state, refresh } = useSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const titleId = useId();
  const session = currentSession(state);
  const reason = notConnectedReason(state);
  const label = connectionLabel(state);
  const look = badgeLook(state);
  return (
    <>
      <Tooltip title={tooltipOf(state)} describeChild disableInteractive disableFocusListener>
        <Chip
          size="small"
          color={look.color}
          variant={look.color === 'warning' ? 'filled' : 'outlined'}
          icon={look.icon}
          label={label}
          onClick={(e) => setAnchor(e.currentTarget)}
          aria-haspopup="dialog"
          aria-expanded={anchor ? 'true' : 'false'}
          sx={{ fontWeight: 600 }}
        />
      </Tooltip>
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{
          paper: { role: 'dialog', 'aria-labelledby': titleId, sx: { p: 2, width: 420, maxWidth: '95vw' } },
        }}
      >
        <Stack spacing={1.5}>
          <Typography id={titleId} variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
            {session?.connected ? `Connected: ${session.label}` : label}
          </Typography>
          {session?.connected && <SessionDetails session={session} />}
          {session?.connected && session.mode === 'sandbox' && (
            <Alert severity="warning">{SANDBOX_NOTE}</Alert>
          )}
          {reason && state.status !== 'loading' && (
            <Alert severity="error">
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {reason.message}
              </Typography>
              <Typography variant="body2">{reason.hint}</Typography>
              {session?.mode === 'aws' && !/--sandbox/.test(reason.hint) && (
                <Typography variant="body2" sx={{ mt: 0.5 }}>
                  Or start with npm start -- --sandbox to try without an account.
                </Typography>
              )}
            </Alert>
          )}
          {session && !session.connected && <SessionDetails session={session} />}
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
            <Button size="small" onClick={() => void refresh()} disabled={state.status === 'loading'}>
              {state.status === 'loading' ? 'Checking…' : 'Check again'}
            </Button>
            <Button size="small" variant="contained" onClick={() => setAnchor(null)}>
              Close
            </Button>
          </Stack>
        </Stack>
      </Popover>
    </>
  );
}
