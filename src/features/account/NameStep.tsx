import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { errorText } from './apiErrorText';
import type { CreateForm } from './createForm';
import { DESCRIPTION_MAX, POLICY_NAME_MAX, descriptionProblem, pathProblem } from '../../policy/iamLimits';
import { nextFreeName } from '../../policy/suggestName';
import { TagsEditor } from './TagsEditor';
import type { NameCheck } from './usePolicyNameCheck';

export interface NameStepProps {
  readonly form: CreateForm;
  /** the name in effect: the suggestion until the user edits it */
  readonly name: string;
  readonly suggestion: string;
  readonly check: NameCheck;
  readonly accountLabel: string;
  readonly onChange: (form: CreateForm) => void;
}

function nameHelp(check: NameCheck, name: string, accountLabel: string, suggested: boolean): string {
  switch (check.status) {
    case 'invalid':
      return check.message;
    case 'checking':
      return 'Checking the name in the account…';
    case 'available':
      return `${name} is free in ${accountLabel}${suggested ? ' (suggested from the policy: change it as you like)' : ''}.`;
    case 'taken':
      return `${check.message} Choose another name.`;
    case 'unchecked':
      return check.message;
    case 'error': {
      const text = errorText(check.error, 'Checking the name');
      return `The name could not be checked: ${text.message}`;
    }
  }
}

/** Step 1 of "Review and create": the name (checked as typed), description, path and tags. */
export function NameStep({ form, name, suggestion, check, accountLabel, onChange }: NameStepProps) {
  const description = descriptionProblem(form.description);
  const path = pathProblem(form.path);
  const bad = check.status === 'invalid' || check.status === 'taken';
  const takenAlternative =
    check.status === 'taken' ? nextFreeName(name, [name, check.conflict ?? name]) : undefined;
  return (
    <Stack spacing={2.5} sx={{ pt: 1 }}>
      <Box>
        <TextField
          label="Policy name"
          value={name}
          required
          fullWidth
          autoFocus
          onChange={(e) => onChange({ ...form, name: e.target.value, nameEdited: true })}
          error={bad}
          helperText={nameHelp(check, name, accountLabel, !form.nameEdited)}
          slotProps={{
            htmlInput: { spellCheck: false, autoComplete: 'off', maxLength: POLICY_NAME_MAX + 20 },
            formHelperText: { 'aria-live': 'polite' },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  {check.status === 'checking' && (
                    <CircularProgress size={18} aria-label="Checking the name" />
                  )}
                  {check.status === 'available' && (
                    <CheckCircleIcon color="success" fontSize="small" titleAccess="Name is free" />
                  )}
                </InputAdornment>
              ),
            },
          }}
        />
        <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
          {takenAlternative && (
            <Button
              size="small"
              onClick={() => onChange({ ...form, name: takenAlternative, nameEdited: true })}
            >
              Use {takenAlternative}
            </Button>
          )}
          {form.nameEdited && name !== suggestion && (
            <Button size="small" onClick={() => onChange({ ...form, name: suggestion, nameEdited: false })}>
              Use the suggestion {suggestion}
            </Button>
          )}
        </Stack>
      </Box>
      <TextField
        label="Description (optional)"
        value={form.description}
        multiline
        minRows={2}
        maxRows={6}
        fullWidth
        onChange={(e) => onChange({ ...form, description: e.target.value })}
        error={Boolean(description)}
        helperText={
          description ??
          `${form.description.length.toLocaleString('en-US')}/${DESCRIPTION_MAX.toLocaleString('en-US')} · IAM cannot change a policy's description later.`
        }
      />
      <TextField
        label="Path"
        value={form.path}
        onChange={(e) => onChange({ ...form, path: e.target.value })}
        error={Boolean(path)}
        helperText={
          path ?? 'Usually "/". A path such as "/team/" groups policies; it becomes part of the ARN.'
        }
        slotProps={{ htmlInput: { spellCheck: false } }}
        sx={{ maxWidth: 360 }}
      />
      <TagsEditor tags={form.tags} onChange={(tags) => onChange({ ...form, tags })} />
    </Stack>
  );
}
