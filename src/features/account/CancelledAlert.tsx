import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import { cancelledText, type CancelledCall } from './cancelledText';

/** A call the user cancelled: what may have happened anyway, and what is safe to do next. */
export function CancelledAlert({ call }: { readonly call: CancelledCall }) {
  const text = cancelledText(call);
  return (
    <Alert severity="warning" role="status" aria-label={text.title}>
      <AlertTitle>{text.title}</AlertTitle>
      <Typography variant="body2">{text.message}</Typography>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        <strong>What to do:</strong> {text.next}
      </Typography>
    </Alert>
  );
}
