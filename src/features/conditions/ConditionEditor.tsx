import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { memo, useId, useState } from 'react';
import { useEditorDispatch } from '../../editor/useEditor';
import { getMember, isJsonObject } from '../../policy/json';
import type { ConditionEntry, JsonValue, StatementView } from '../../policy/model';
import { findKeyOption } from './conditionKeys';
import { ConditionDialog, type ConditionDraft } from './ConditionDialog';
import { ConditionRow } from './ConditionRow';
import { inputFromUtcIso } from './conditionValues';
import { putCondition, removeCondition } from './conditionWrite';
import { TimeWindowDialog } from './TimeWindowDialog';
import { useConditionKeyOptions } from './useConditionKeyOptions';
import { CONDITION_MEMBERS, sameStatementMembers } from '../common/statementProps';

export interface ConditionEditorProps {
  readonly id: string;
  readonly statement: StatementView;
  /** the block's service prefix */
  readonly service: string;
  readonly readOnly: boolean;
}

type DialogState =
  | { readonly kind: 'condition'; readonly title: string; readonly intro?: string; readonly initial?: ConditionDraft; readonly editing?: ConditionEntry; readonly seq: number }
  | { readonly kind: 'time'; readonly seq: number };

const MFA = { operator: 'Bool', key: 'aws:MultiFactorAuthPresent' } as const;
const CURRENT_TIME = 'aws:CurrentTime';

function stringValueOf(condition: JsonValue | undefined, operator: string, key: string): string {
  if (!isJsonObject(condition)) return '';
  const block = getMember(condition, operator);
  const value = isJsonObject(block) ? getMember(block, key) : undefined;
  return typeof value === 'string' ? value : '';
}

/** The block's request conditions: the list, "Add condition" and one-click presets. */
export const ConditionEditor = memo(function ConditionEditor({ id, statement, service, readOnly }: ConditionEditorProps) {
  const dispatch = useEditorDispatch();
  const headingId = useId();
  const options = useConditionKeyOptions(statement, service);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [seq, setSeq] = useState(0);
  // The statement is the editor state's current one (blocks render from the document itself).
  const condition = getMember(statement.raw, 'Condition');
  const entries = statement.conditions;

  const write = (next: JsonValue | undefined, label: string) => dispatch({ type: 'setField', id, key: 'Condition', value: next, label });
  const open = (state: Omit<Extract<DialogState, { kind: 'condition' }>, 'seq'> | { kind: 'time' }) => {
    setSeq(seq + 1);
    setDialog({ ...state, seq: seq + 1 } as DialogState);
  };

  const mfaOn = stringValueOf(condition, MFA.operator, MFA.key) === 'true';
  const save = (draft: ConditionDraft, editing: ConditionEntry | undefined) => {
    let next: JsonValue | undefined = condition;
    const same = editing && editing.operator === draft.operator && editing.key.toLowerCase() === draft.key.toLowerCase();
    if (editing && !same) next = removeCondition(next, editing.operator, editing.key);
    next = putCondition(next, draft.operator, draft.key, draft.values, Boolean(same));
    write(next, editing ? 'Edit condition' : 'Add condition');
    setDialog(null);
  };

  return (
    <Box role="group" aria-labelledby={headingId}>
      <Typography id={headingId} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        Request conditions
      </Typography>
      {entries.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          None: the permissions apply to every request. Add conditions to limit them, for example to MFA sessions or to your IP
          ranges.
        </Typography>
      ) : (
        <Box component="ul" aria-label="Conditions" sx={{ listStyle: 'none', p: 0, m: 0, mt: 0.5 }}>
          {entries.map((entry) => (
            <ConditionRow
              key={entry.pointer}
              entry={entry}
              match={findKeyOption(options, entry.key)}
              readOnly={readOnly}
              onRemove={() => write(removeCondition(condition, entry.operator, entry.key), 'Remove condition')}
              onEdit={() =>
                open({
                  kind: 'condition',
                  title: 'Edit condition',
                  initial: { operator: entry.operator, key: entry.key, values: entry.values.map((v) => String(v)) },
                  editing: entry,
                })
              }
            />
          ))}
        </Box>
      )}
      {entries.length > 1 && (
        <Typography variant="caption" color="text.secondary" component="p">
          Every condition must be met for the permissions to apply.
        </Typography>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
        <Button size="small" variant="outlined" startIcon={<AddIcon />} disabled={readOnly} onClick={() => open({ kind: 'condition', title: 'Add condition' })}>
          Add condition
        </Button>
        <Button
          size="small"
          disabled={readOnly || mfaOn}
          onClick={() => write(putCondition(condition, MFA.operator, MFA.key, ['true'], true), 'Require MFA')}
        >
          {mfaOn ? 'MFA required' : 'Require MFA'}
        </Button>
        <Button
          size="small"
          disabled={readOnly}
          onClick={() =>
            open({
              kind: 'condition',
              title: 'Only from IP ranges',
              intro: 'Allow requests only from these IP addresses or CIDR ranges (IPv4 or IPv6). Requests through a VPC endpoint carry no aws:SourceIp.',
              initial: { operator: 'IpAddress', key: 'aws:SourceIp', values: [''] },
            })
          }
        >
          Only from IP ranges
        </Button>
        <Button size="small" disabled={readOnly} onClick={() => open({ kind: 'time' })}>
          Only within a time window
        </Button>
      </Stack>
      {dialog?.kind === 'condition' && (
        <ConditionDialog
          key={dialog.seq}
          title={dialog.title}
          intro={dialog.intro}
          options={options}
          initial={dialog.initial}
          editing={dialog.editing}
          condition={condition}
          saveLabel={dialog.editing ? 'Save condition' : 'Add condition'}
          onClose={() => setDialog(null)}
          onSave={(draft) => save(draft, dialog.editing)}
        />
      )}
      {dialog?.kind === 'time' && (
        <TimeWindowDialog
          key={dialog.seq}
          start={inputFromUtcIso(stringValueOf(condition, 'DateGreaterThan', CURRENT_TIME))}
          end={inputFromUtcIso(stringValueOf(condition, 'DateLessThan', CURRENT_TIME))}
          onClose={() => setDialog(null)}
          onSave={(start, end) => {
            const withStart = putCondition(condition, 'DateGreaterThan', CURRENT_TIME, [start], true);
            write(putCondition(withStart, 'DateLessThan', CURRENT_TIME, [end], true), 'Time window');
            setDialog(null);
          }}
        />
      )}
    </Box>
  );
}, sameStatementMembers<ConditionEditorProps>(CONDITION_MEMBERS));
