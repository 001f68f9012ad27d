import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ApiError } from '../../api/client';
import type { ReactNode } from 'react';
import { AccountTarget } from './AccountTarget';
import { ApiErrorAlert } from './ApiErrorAlert';
import type { CreateForm } from './createForm';
import { FindingsBySeverity, SizeLine } from './PolicyChecks';
import type { ReviewCheck } from './reviewChecks';

export interface ReviewStepProps {
  readonly name: string;
  readonly form: CreateForm;
  readonly review: ReviewCheck;
  readonly kindNote?: string;
  readonly onUseManagedKind?: () => void;
  readonly createError: ApiError | null;
  /** shown where the create's outcome is (e.g. that it was cancelled) */
  readonly notice?: ReactNode;
  readonly onChangeName: () => void;
}

/** Step 2: everything that will be sent, where to, and whether IAM would accept it. */
export function ReviewStep({
  name,
  form,
  review,
  kindNote,
  onUseManagedKind,
  createError,
  notice,
  onChangeName,
}: ReviewStepProps) {
  return (
    <Stack spacing={2} sx={{ pt: 1 }}>
      <AccountTarget verb="Creating" />
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
      >
        <Typography component="dt" variant="body2" color="text.secondary">
          Name
        </Typography>
        <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: 600 }}>
          {name}
        </Typography>
        <Typography component="dt" variant="body2" color="text.secondary">
          Path
        </Typography>
        <Typography component="dd" variant="body2" sx={{ m: 0, fontFamily: 'monospace' }}>
          {form.path}
        </Typography>
        <Typography component="dt" variant="body2" color="text.secondary">
          Description
        </Typography>
        <Typography component="dd" variant="body2" sx={{ m: 0 }}>
          {form.description.trim() ? form.description : 'none (IAM cannot add one later)'}
        </Typography>
        <Typography component="dt" variant="body2" color="text.secondary">
          Tags
        </Typography>
        <Typography component="dd" variant="body2" sx={{ m: 0 }}>
          {form.tags.length === 0 ? 'none' : form.tags.map((t) => `${t.key}=${t.value}`).join(', ')}
        </Typography>
      </Box>
      {kindNote && (
        <Alert
          severity="info"
          action={
            onUseManagedKind && (
              <Button color="inherit" size="small" onClick={onUseManagedKind}>
                Switch to Managed policy
              </Button>
            )
          }
        >
          {kindNote}
        </Alert>
      )}
      {review.blockers.map((b) => (
        <Alert key={b} severity="error">
          {b}
        </Alert>
      ))}
      {notice}
      {createError && (
        <ApiErrorAlert
          error={createError}
          doing="Creating the policy"
          action={
            createError.code === 'EntityAlreadyExists' || createError.code === 'ValidationError' ? (
              <Button color="inherit" size="small" onClick={onChangeName}>
                Change the name
              </Button>
            ) : undefined
          }
        />
      )}
      <SizeLine size={review.size} quota={review.quota} label="Managed policy size" />
      <FindingsBySeverity findings={review.findings} label="Findings" />
      <Box>
        <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
          Policy document
        </Typography>
        <Box
          component="pre"
          tabIndex={0}
          aria-label="Policy document to create"
          sx={{
            m: 0,
            p: 1.5,
            maxHeight: 280,
            overflow: 'auto',
            fontSize: 12.5,
            lineHeight: 1.45,
            bgcolor: 'action.hover',
            borderRadius: 1,
            border: 1,
            borderColor: 'divider',
          }}
        >
          {review.text}
        </Box>
      </Box>
    </Stack>
  );
}
