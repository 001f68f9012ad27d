import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useId, useRef, useState } from 'react';
import type { JsonValue } from '../../policy/model';
import { humanizePartName } from '../resources/arnTemplate';
import { fillKeyVariable, findKeyOption, type ConditionKeyOption } from './conditionKeys';
import {
  composeOperator,
  isMultiValued,
  isNegatedOperator,
  operatorsForType,
  splitOperator,
  valueKindOf,
  type Qualifier,
} from './conditionOperators';
import { checkConditionValue } from './conditionValues';
import { ConditionKeyField } from './ConditionKeyField';
import { ConditionValuesField } from './ConditionValuesField';
import { hasCondition } from './conditionWrite';

export interface ConditionDraft {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

export interface ConditionDialogProps {
  readonly title: string;
  /** shown under the title */
  readonly intro?: string;
  readonly options: readonly ConditionKeyOption[];
  /** the form's starting values (a preset, or the condition being edited) */
  readonly initial?: ConditionDraft;
  /** the condition being edited, as written */
  readonly editing?: { readonly operator: string; readonly key: string };
  /** the block's Condition element, to say when values join an existing key */
  readonly condition: JsonValue | undefined;
  readonly saveLabel: string;
  readonly onSave: (draft: ConditionDraft) => void;
  readonly onClose: () => void;
}

interface KeyState {
  /** the key as typed, or a key template such as aws:ResourceTag/${TagKey} */
  readonly text: string;
  /** the value of the template's variable */
  readonly variable: string;
}

function initialKey(options: readonly ConditionKeyOption[], key: string | undefined): KeyState {
  if (!key) return { text: '', variable: '' };
  const match = findKeyOption(options, key);
  if (match?.option.variable && match.variableValue !== undefined) return { text: match.option.key, variable: match.variableValue };
  return { text: match?.option.key ?? key, variable: '' };
}

const QUALIFIER_HELP: Readonly<Record<Qualifier, string>> = {
  ForAnyValue: 'At least one value in the request matches',
  ForAllValues: 'Every value in the request matches (also true when the key is absent)',
};

/** The form for one condition: key, set qualifier, operator, If exists, and values checked by type. */
export function ConditionDialog({ title, intro, options, initial, editing, condition, saveLabel, onSave, onClose }: ConditionDialogProps) {
  const initialParts = initial ? splitOperator(initial.operator) : undefined;
  const [key, setKey] = useState<KeyState>(() => initialKey(options, initial?.key));
  const [base, setBase] = useState(initialParts?.base ?? '');
  const [qualifier, setQualifier] = useState<Qualifier | undefined>(initialParts?.qualifier);
  const [ifExists, setIfExists] = useState(initialParts?.ifExists ?? false);
  const [values, setValues] = useState<string[]>(initial ? [...initial.values] : ['']);
  const [submitted, setSubmitted] = useState(false);
  const variableInput = useRef<HTMLInputElement>(null);
  const titleId = useId();

  const text = key.text.trim();
  const match = text ? findKeyOption(options, text) : undefined;
  const template = match?.option.variable && match.variableValue === undefined ? match.option : undefined;
  const type = match?.option.type;
  const finalKey = template ? fillKeyVariable(template.key, key.variable.trim()) : text;
  const operators = operatorsForType(type);
  const effectiveBase = operators.includes(base) ? base : (operators[0] ?? 'StringEquals');
  const multi = isMultiValued(type);
  const showQualifier = multi || qualifier !== undefined;
  const kind = valueKindOf(effectiveBase);
  const operator = composeOperator({ qualifier, base: effectiveBase, ifExists });

  const changeKey = (next: KeyState) => {
    setKey(next);
    const nextMatch = next.text.trim() ? findKeyOption(options, next.text.trim()) : undefined;
    const nextType = nextMatch?.option.type;
    if (!operatorsForType(nextType).includes(base)) setBase(operatorsForType(nextType)[0] ?? 'StringEquals');
    if (isMultiValued(nextType)) setQualifier((q) => q ?? 'ForAnyValue');
    else if (!initialParts?.qualifier) setQualifier(undefined);
    // a key template was just chosen: ask for its variable next
    const nextTemplate = nextMatch?.option.variable && nextMatch.variableValue === undefined;
    if (nextTemplate && nextMatch.option.key !== template?.key) window.setTimeout(() => variableInput.current?.focus(), 0);
  };

  const changeBase = (next: string) => {
    setBase(next);
    const nextKind = valueKindOf(next);
    if ((nextKind === 'bool' || nextKind === 'null') && !(values.length === 1 && (values[0] === 'true' || values[0] === 'false'))) {
      setValues(['true']);
    } else if (nextKind !== 'bool' && nextKind !== 'null' && kind !== nextKind && (kind === 'bool' || kind === 'null')) {
      setValues(['']);
    }
    if (next === 'Null') setIfExists(false);
  };

  const keyProblem = !text
    ? 'Choose or type a condition key'
    : /\s/.test(text)
      ? 'A condition key has no spaces'
      : undefined;
  const variableName = template?.variable ? humanizePartName(template.variable) : undefined;
  const variableProblem = template && !key.variable.trim() ? `Enter the ${variableName}` : undefined;
  const cleanValues = kind === 'bool' || kind === 'null' ? [values[0] === 'false' ? 'false' : 'true'] : values.map((v) => v.trim());
  const valueProblems = cleanValues.map((v) => checkConditionValue(kind, v)).filter(Boolean);
  const unknownKey = text && !match ? `${text} is not a known key of this service or a global key: check the spelling.` : undefined;
  const sameAsEdited = editing && editing.operator === operator && editing.key.toLowerCase() === finalKey.toLowerCase();
  const joins = !sameAsEdited && finalKey && hasCondition(condition, operator, finalKey);

  const save = () => {
    if (keyProblem || variableProblem || valueProblems.length) {
      setSubmitted(true);
      return;
    }
    onSave({ operator, key: finalKey, values: [...new Set(cleanValues)] });
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {intro && <DialogContentText>{intro}</DialogContentText>}
          <ConditionKeyField
            options={options}
            value={key.text}
            autoFocus={!initial?.key}
            error={submitted ? keyProblem : undefined}
            helperText={match ? `${match.option.type} · ${match.option.description}` : undefined}
            onChange={(next) => changeKey({ text: next, variable: key.variable })}
          />
          {unknownKey && <Alert severity="warning">{unknownKey}</Alert>}
          {template && (
            <TextField
              size="small"
              label={variableName ? variableName.charAt(0).toUpperCase() + variableName.slice(1) : 'Key part'}
              value={key.variable}
              inputRef={variableInput}
              autoFocus={Boolean(initial?.key)}
              error={submitted && Boolean(variableProblem)}
              helperText={(submitted && variableProblem) || `The condition key becomes ${fillKeyVariable(template.key, key.variable.trim() || '…')}`}
              onChange={(e) => setKey({ ...key, variable: e.target.value })}
            />
          )}
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
            {showQualifier && (
              <TextField
                select
                size="small"
                label="Set qualifier"
                value={qualifier ?? ''}
                onChange={(e) => setQualifier(e.target.value === '' ? undefined : (e.target.value as Qualifier))}
                helperText={qualifier ? QUALIFIER_HELP[qualifier] : 'The key has a single value'}
                sx={{ minWidth: 200, flex: 1 }}
              >
                <MenuItem value="ForAnyValue">ForAnyValue</MenuItem>
                <MenuItem value="ForAllValues">ForAllValues</MenuItem>
                {!multi && <MenuItem value="">None</MenuItem>}
              </TextField>
            )}
            <TextField
              select
              size="small"
              label="Operator"
              value={effectiveBase}
              onChange={(e) => changeBase(e.target.value)}
              helperText={type ? `Operators for ${type} keys` : 'Any operator: the key type is unknown'}
              sx={{ minWidth: 240, flex: 1 }}
            >
              {operators.map((o) => (
                <MenuItem key={o} value={o}>
                  {o}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          {effectiveBase !== 'Null' && (
            <FormControlLabel
              control={<Checkbox size="small" checked={ifExists} onChange={(e) => setIfExists(e.target.checked)} />}
              label="If exists (also matches when the request does not have the key)"
            />
          )}
          <ConditionValuesField
            kind={kind}
            values={values}
            onChange={setValues}
            showAll={submitted}
            negated={isNegatedOperator(effectiveBase)}
            autoFocus={Boolean(initial?.key) && !template}
          />
          {joins && (
            <Alert severity="info">
              This block already has {finalKey} under {operator}: these values are added to its values.
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={save}>
          {saveLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
