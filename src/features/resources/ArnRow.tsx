import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ArnPartField } from './ArnPartField';
import { anyInAccount, checkParts, matchArn, type ArnTemplate, type PartValues } from './arnTemplate';

export interface ArnRowProps {
  /** e.g. "bucket ARN 1" */
  readonly label: string;
  readonly template: ArnTemplate;
  readonly arn: string;
  readonly values: PartValues;
  readonly onChange: (values: PartValues) => void;
  readonly onRemove: () => void;
  readonly readOnly: boolean;
  /** focus the first resource part when the row appears (a row just added) */
  readonly autoFocus: boolean;
  /** an account ID the policy already uses, for "Any in this account" */
  readonly knownAccount: string | undefined;
}

/** One ARN of a resource type, edited part by part. */
export function ArnRow({ label, template, arn, values, onChange, onRemove, readOnly, autoFocus, knownAccount }: ArnRowProps) {
  const [pasteProblem, setPasteProblem] = useState<string | null>(null);
  const firstResource = template.parts.find((p) => p.kind === 'resource' && !values[p.name])?.name;
  const account = template.parts.find((p) => p.kind === 'account');
  const accountValue = account ? (values[account.name] ?? '') : '';
  const problems = checkParts(template, values);
  const valid = Object.keys(problems).length === 0;

  const pasteArn = (text: string): boolean => {
    const matched = matchArn(template, text);
    if (!matched) {
      setPasteProblem(`${text} does not match this resource type's format, ${template.template}`);
      return true;
    }
    setPasteProblem(null);
    onChange(matched);
    return true;
  };

  return (
    <Box role="group" aria-label={label} sx={{ py: 1, borderTop: 1, borderColor: 'divider' }}>
      <Stack direction="row" sx={{ flexWrap: 'wrap', alignItems: 'flex-start', columnGap: 1 }}>
        {template.parts.map((part) => (
          <ArnPartField
            key={part.name}
            part={part}
            value={values[part.name] ?? ''}
            readOnly={readOnly}
            autoFocus={autoFocus && part.name === firstResource}
            onPasteArn={pasteArn}
            onChange={(value) => {
              setPasteProblem(null);
              onChange({ ...values, [part.name]: value });
            }}
          />
        ))}
        <Stack direction="row" sx={{ alignItems: 'center', mt: 0.25 }}>
          {account && (
            <Tooltip title="Every resource of this type in one account: the account filled in, every other part Any">
              <span>
                <Button
                  size="small"
                  disabled={readOnly}
                  onClick={() => onChange(anyInAccount(template, values, accountValue || knownAccount || ''))}
                >
                  Any in this account
                </Button>
              </span>
            </Tooltip>
          )}
          <Tooltip title="Remove this ARN">
            <span>
              <IconButton size="small" aria-label={`Remove ${label}`} disabled={readOnly} onClick={onRemove}>
                <DeleteOutlineIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
        </Stack>
      </Stack>
      {pasteProblem && (
        <Typography variant="body2" color="error" role="alert">
          {pasteProblem}
        </Typography>
      )}
      <Typography
        variant="body2"
        color={valid ? 'text.secondary' : 'warning.main'}
        sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
      >
        {arn}
      </Typography>
    </Box>
  );
}
