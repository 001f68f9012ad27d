import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ConditionEntry } from '../../policy/model';
import type { KeyMatch } from './conditionKeys';
import { describeCondition, splitOperator, valueKindOf } from './conditionOperators';
import { checkConditionValue } from './conditionValues';

export interface ConditionRowProps {
  readonly entry: ConditionEntry;
  /** the catalog's key this entry uses, when known */
  readonly match: KeyMatch | undefined;
  readonly onEdit: () => void;
  readonly onRemove: () => void;
  readonly readOnly: boolean;
}

/** One operator/key pair of the Condition element, in words, with Edit and Remove. */
export function ConditionRow({ entry, match, onEdit, onRemove, readOnly }: ConditionRowProps) {
  const values = entry.values.map((v) => String(v));
  const parts = splitOperator(entry.operator);
  const kind = parts ? valueKindOf(parts.base) : undefined;
  const problems = [...new Set(values.map((v) => checkConditionValue(kind, v)).filter((p): p is string => Boolean(p)))];
  const name = `${entry.operator} ${entry.key}`;
  return (
    <Box component="li" aria-label={name} sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, py: 1, borderTop: 1, borderColor: 'divider' }}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
          <Chip size="small" label={entry.operator} sx={{ fontFamily: 'monospace' }} />
          <Typography variant="body2" sx={{ fontFamily: 'monospace', fontWeight: 600, wordBreak: 'break-all' }}>
            {entry.key}
          </Typography>
        </Stack>
        <Typography variant="body2" sx={{ mt: 0.5, wordBreak: 'break-word' }}>
          {describeCondition(entry.operator, entry.key, values)}
        </Typography>
        {match && (
          <Typography variant="caption" color="text.secondary" component="p">
            {match.option.description}
          </Typography>
        )}
        {!parts && (
          <Typography variant="caption" color="warning.main" component="p">
            {entry.operator} is not a condition operator IAM knows.
          </Typography>
        )}
        {problems.map((p) => (
          <Typography key={p} variant="caption" color="error" component="p">
            {p}
          </Typography>
        ))}
      </Box>
      <Tooltip title="Edit">
        <span>
          <IconButton size="small" aria-label={`Edit condition ${name}`} disabled={readOnly || !parts} onClick={onEdit}>
            <EditOutlinedIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title="Remove">
        <span>
          <IconButton size="small" aria-label={`Remove condition ${name}`} disabled={readOnly} onClick={onRemove}>
            <DeleteOutlineIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
    </Box>
  );
}
