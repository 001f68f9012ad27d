import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { memo, useId, useMemo, useState } from 'react';
import { useEditorDispatch } from '../../editor/useEditor';
import { getMember } from '../../policy/json';
import type { StatementView } from '../../policy/model';
import { OtherArns } from './OtherArns';
import { accountsIn, classifyResources, wildcardOnlyActions, withoutActions } from './resourceTypes';
import { ResourceTypeSection } from './ResourceTypeSection';
import { useBlockResourceTypes } from './useBlockResourceTypes';
import { RESOURCE_MEMBERS, sameStatementMembers } from '../common/statementProps';

export interface ResourceEditorProps {
  readonly id: string;
  readonly statement: StatementView;
  /** the block's service prefix */
  readonly service: string;
  readonly readOnly: boolean;
}

const NO_RESOURCES: readonly string[] = [];
/** with more applicable resource types than this, the optional ones without ARNs are listed compactly */
const COMPACT_AFTER = 4;

type Scope = 'all' | 'specific';

function shiftAfter(map: ReadonlyMap<number, string>, removed: number): Map<number, string> {
  const next = new Map<number, string>();
  for (const [index, name] of map) {
    if (index < removed) next.set(index, name);
    else if (index > removed) next.set(index - 1, name);
  }
  return next;
}

/** The block's Resource: all resources, or ARNs per resource type of the chosen actions. */
export const ResourceEditor = memo(function ResourceEditor({ id, statement, service, readOnly }: ResourceEditorProps) {
  const dispatch = useEditorDispatch();
  const headingId = useId();
  const { detail, failed, chosen, types } = useBlockResourceTypes(statement, service);
  // The statement is the editor state's current one (blocks render from the document itself).
  const resources = useMemo(() => {
    const value = getMember(statement.raw, 'Resource');
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as readonly string[];
    return statement.resource?.values ?? NO_RESOURCES;
  }, [statement.raw, statement.resource]);
  /** which type a row was edited as, by Resource index, so that a row does not jump while typed in */
  const [sticky, setSticky] = useState<ReadonlyMap<number, string>>(() => new Map());
  const [specificChosen, setSpecificChosen] = useState(false);
  const [savedSpecific, setSavedSpecific] = useState<readonly string[] | null>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  /** resource types the user opened from the compact list */
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());

  const classification = useMemo(
    () => classifyResources(resources, types, detail?.resourceTypes, sticky),
    [resources, types, detail, sticky],
  );
  const knownAccount = useMemo(() => accountsIn(resources)[0], [resources]);
  const wildcardOnly = wildcardOnlyActions(chosen);
  const hasActions = chosen.actions.length > 0;
  const allWildcardOnly = hasActions && wildcardOnly.length === chosen.actions.length;
  const scope: Scope | null = classification.all ? 'all' : resources.length > 0 || specificChosen ? 'specific' : null;
  const qualified = (name: string) => `${service}:${name}`;
  const shownScope = scope;
  const pickScope = (next: Scope | null) => {
    if (next) chooseScope(next);
  };

  const write = (next: readonly string[], label: string) =>
    dispatch({ type: 'setField', id, key: 'Resource', value: [...next], label });

  const chooseScope = (next: Scope) => {
    if (next === 'all') {
      const specific = resources.filter((r) => r !== '*');
      if (specific.length) setSavedSpecific(specific);
      write(['*'], 'All resources');
    } else {
      setSpecificChosen(true);
      if (classification.all) write(savedSpecific ?? resources.filter((r) => r !== '*'), 'Specific resources');
    }
  };

  const changeRow = (typeName: string, index: number, arn: string) => {
    setSticky((m) => new Map(m).set(index, typeName));
    write(
      resources.map((r, i) => (i === index ? arn : r)),
      'Edit resource ARN',
    );
  };
  const addRow = (typeName: string, arn: string) => {
    const index = resources.length;
    setSticky((m) => new Map(m).set(index, typeName));
    setFocusIndex(index);
    write([...resources, arn], 'Add resource ARN');
  };
  const removeRow = (index: number) => {
    setSticky((m) => shiftAfter(m, index));
    setFocusIndex(null);
    write(
      resources.filter((_, i) => i !== index),
      'Remove resource ARN',
    );
  };

  const wildcardNames = wildcardOnly.map((a) => qualified(a.name)).join(', ');
  const movable =
    scope === 'specific' && wildcardOnly.length > 0 && statement.action && !allWildcardOnly
      ? withoutActions(
          statement.action.values,
          service,
          wildcardOnly.map((a) => a.name),
        )
      : undefined;
  const moveWildcardOnly = () => {
    if (!movable) return;
    dispatch({ type: 'setField', id, key: 'Action', value: [...movable.remaining], label: 'Move actions to a new block' });
    dispatch({
      type: 'addBlock',
      statement: { Effect: statement.effect === 'Deny' ? 'Deny' : 'Allow', Action: [...movable.moved], Resource: ['*'] },
      meta: { service },
      at: statement.index + 1,
    });
  };

  const unmatched =
    scope === 'specific' && classification.other.length === 0 && resources.length > 0
      ? chosen.actions.filter(
          (a) =>
            !a.wildcardOnly &&
            ![...a.resourceTypes, ...(a.scenarios ?? []).flatMap((s) => s.resourceTypes)].some((r) => classification.rows.has(r.name)),
        )
      : [];
  const missingRequired =
    scope === 'specific' && classification.other.length === 0 && resources.length > 0
      ? types.filter((t) => t.requiredBy.length > 0 && !classification.rows.has(t.name))
      : [];
  const requiringActions = [...new Set(missingRequired.flatMap((t) => t.requiredBy))];
  const prominent = scope === null && hasActions;
  // Few types: all in full. Many (ec2:RunInstances takes 20): the required ones, those with ARNs and
  // those opened in full, the others as a compact list.
  const full = types.filter(
    (t) => types.length <= COMPACT_AFTER || t.requiredBy.length > 0 || classification.rows.has(t.name) || opened.has(t.name),
  );
  const compact = types.filter((t) => !full.includes(t));

  return (
    <Box role="group" aria-labelledby={headingId}>
      <Typography id={headingId} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        Resources
      </Typography>
      <Stack spacing={1.5} sx={{ mt: 0.5 }}>
        {!detail && !failed && (
          <Typography variant="body2" color="text.secondary">
            Loading the resource types of {service}…
          </Typography>
        )}
        {failed && (
          <Alert severity="error">The resource types of {service} could not be loaded. The ARNs below are kept as they are.</Alert>
        )}
        {detail && !hasActions && (
          <Typography variant="body2" color="text.secondary">
            Choose actions first: the resource types they act on appear here.
          </Typography>
        )}
        {wildcardOnly.length > 0 && !(scope === 'specific' && !allWildcardOnly) && (
          <Alert severity="info">
            {wildcardOnly.length === 1 ? 'This action supports' : 'These actions support'} only all resources: {wildcardNames}
          </Alert>
        )}

        <Box
          sx={
            prominent
              ? { border: 2, borderColor: 'warning.main', borderRadius: 1, px: 2, py: 1, bgcolor: 'action.hover' }
              : undefined
          }
        >
          {prominent && (
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              Which resources may these actions act on? A block needs at least one resource.
            </Typography>
          )}
          <RadioGroup
            row
            aria-label="Resource scope"
            value={shownScope ?? ''}
            onChange={(_, value) => pickScope(value as Scope)}
          >
            <FormControlLabel value="all" disabled={readOnly} control={<Radio size="small" />} label="All resources" />
            <FormControlLabel
              value="specific"
              disabled={readOnly || allWildcardOnly}
              control={<Radio size="small" />}
              label="Specific resources"
            />
          </RadioGroup>
          {scope === 'all' && (
            <Typography variant="body2" color="text.secondary">
              Resource is <code>*</code>: every resource of the chosen actions, in every account and Region the principal can reach.
            </Typography>
          )}
          {allWildcardOnly && (
            <Typography variant="body2" color="text.secondary">
              Specific ARNs are not possible: the chosen actions take no resource type.
            </Typography>
          )}
        </Box>

        {scope === 'specific' && wildcardOnly.length > 0 && !allWildcardOnly && resources.length > 0 && (
          <Alert
            severity="warning"
            action={
              movable ? (
                <Button color="inherit" size="small" disabled={readOnly} onClick={moveWildcardOnly}>
                  Move to a new block
                </Button>
              ) : undefined
            }
          >
            {wildcardNames} {wildcardOnly.length === 1 ? 'supports' : 'support'} only all resources (<code>*</code>), so with
            specific ARNs {wildcardOnly.length === 1 ? 'it never matches' : 'they never match'}. Put{' '}
            {wildcardOnly.length === 1 ? 'it' : 'them'} in a separate block with All resources.
          </Alert>
        )}
        {scope === 'specific' && hasActions && resources.length === 0 && !allWildcardOnly && (
          <Alert severity="info">Add an ARN below (type it part by part, or paste it). Until then the block has no resource.</Alert>
        )}
        {unmatched.length > 0 && (
          <Alert severity="warning">
            No ARN yet for {unmatched.map((a) => qualified(a.name)).join(', ')}: {unmatched.length === 1 ? 'it matches' : 'they match'} no
            resource. Add an ARN of {unmatched.length === 1 ? 'its' : 'their'} resource type.
          </Alert>
        )}

        {missingRequired.length > 0 && (
          <Alert severity="warning">
            No ARN yet for the required resource type{missingRequired.length === 1 ? '' : 's'}{' '}
            {missingRequired.map((t) => t.name).join(', ')}: {requiringActions.map(qualified).join(', ')} always{' '}
            {requiringActions.length === 1 ? 'acts' : 'act'} on {missingRequired.length === 1 ? 'it' : 'them'}, so without an ARN (or a
            wildcard) the request is denied.
          </Alert>
        )}

        {scope === 'specific' &&
          full.map((type) => (
            <ResourceTypeSection
              key={type.name}
              type={type}
              rows={classification.rows.get(type.name) ?? []}
              otherTypes={types.filter((t) => t !== type)}
              readOnly={readOnly}
              focusIndex={focusIndex}
              knownAccount={knownAccount}
              onChangeRow={(index, arn) => changeRow(type.name, index, arn)}
              onRemoveRow={removeRow}
              onAdd={(arn) => addRow(type.name, arn)}
              showActions={chosen.actions.length > 1}
            />
          ))}
        {scope === 'specific' && compact.length > 0 && (
          <Box role="group" aria-label="More resource types">
            <Typography variant="body2" color="text.secondary">
              More resource types these actions take (optional):
            </Typography>
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}>
              {compact.map((type) => (
                <Button
                  key={type.name}
                  size="small"
                  variant="outlined"
                  disabled={readOnly}
                  title={type.arn}
                  aria-label={`Show resource type ${type.name}`}
                  onClick={() => setOpened((o) => new Set(o).add(type.name))}
                  sx={{ fontFamily: 'monospace' }}
                >
                  {type.name}
                </Button>
              ))}
            </Stack>
          </Box>
        )}
        {scope === 'all' ? (
          <OtherArns
            items={resources.flatMap((arn, index) => (arn === '*' ? [] : [{ index, arn }]))}
            note="All resources already covers these ARNs. They are kept as written; remove them to tidy up."
            readOnly={readOnly}
            onRemove={removeRow}
          />
        ) : (
          <OtherArns
            items={classification.other}
            note={
              detail
                ? 'These fit none of the resource types of the chosen actions. They are kept as written.'
                : 'Kept as written.'
            }
            readOnly={readOnly}
            onRemove={removeRow}
          />
        )}
      </Stack>
    </Box>
  );
}, sameStatementMembers<ResourceEditorProps>(RESOURCE_MEMBERS));
