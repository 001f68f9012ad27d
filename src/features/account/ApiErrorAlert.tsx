import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { ApiError } from '../../api/client';
import { errorText } from './apiErrorText';

export interface ApiErrorAlertProps {
  readonly error: ApiError;
  /** what was attempted, e.g. "Creating the policy" */
  readonly doing: string;
  /** buttons offered next to the message (e.g. "Retry", "Change the name") */
  readonly action?: ReactNode;
  readonly children?: ReactNode;
}

/** A failed call: what happened (IAM's message as is), and what to do next. */
export function ApiErrorAlert({ error, doing, action, children }: ApiErrorAlertProps) {
  const text = errorText(error, doing);
  return (
    <Alert
      severity="error"
      role="alert"
      action={action}
      sx={{ '& .MuiAlert-message': { minWidth: 0, flex: 1 } }}
    >
      <AlertTitle>{text.title}</AlertTitle>
      <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
        {text.message}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        <strong>What to do:</strong> {text.hint}
      </Typography>
      {children}
    </Alert>
  );
}
