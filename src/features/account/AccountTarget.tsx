import Alert from '@mui/material/Alert';
import { currentSession, notConnectedReason } from './sessionStore';
import { useSession } from './useSession';

/** "Creating in Sandbox account 123456789012": the account a dialog acts on, in plain sight. */
export function AccountTarget({ verb }: { verb: string }) {
  const { state } = useSession();
  const session = currentSession(state);
  const reason = notConnectedReason(state);
  if (reason) {
    return (
      <Alert severity="error" role="status">
        <strong>Not connected to an account.</strong> {reason.message} {reason.hint}
      </Alert>
    );
  }
  return (
    <Alert severity={session?.mode === 'sandbox' ? 'warning' : 'info'} role="status">
      <strong>
        {verb} in {session?.label}
      </strong>
      {session?.arn ? ` as ${session.arn}` : ''}
      {session?.mode === 'sandbox' ? ' (the built-in sandbox: nothing reaches AWS)' : ''}
    </Alert>
  );
}
