import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import { selectNothing, selectWhole, useEditorDispatch, useEditorSelector } from '../../editor/useEditor';
import { statementsOf } from '../../editor/policyReducer';
import { isJsonObject } from '../../policy/json';
import type { JsonValue } from '../../policy/model';
import type { BlockSource } from './importAction';
import { formatCount, isNewerVersion } from './managedPolicyFilter';
import { actionFields, changeSummary, managedUpdates, wholeStatementFields } from './managedUpdates';
import type { SourcedBlock } from './managedUpdates';
import { useManagedPolicy } from './useManagedPolicy';
import { withUniqueSids } from './uniqueSids';
import { AccessDiffView } from '../accessDiff/AccessDiffView';
import { useAccessDiff } from '../accessDiff/useAccessDiff';

const AWS_MANAGED_ARN = 'arn:aws:iam::aws:policy/';
const MAX_LISTED = 50;

function isAwsManaged(source: BlockSource): boolean {
  return source.policyArn === undefined || source.policyArn.startsWith(AWS_MANAGED_ARN);
}

function ActionList({ sign, actions }: { sign: '+' | '−'; actions: readonly string[] }) {
  if (actions.length === 0) return null;
  return (
    <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none', fontFamily: 'monospace', fontSize: 12.5 }}>
      {actions.slice(0, MAX_LISTED).map((action) => (
        <li key={action}>
          {sign} {action}
        </li>
      ))}
      {actions.length > MAX_LISTED && <li>… and {formatCount(actions.length - MAX_LISTED)} more</li>}
    </Box>
  );
}

export interface KeepCurrentProps {
  readonly id: string;
  readonly source: BlockSource;
  /** "permission block 3", for accessible names */
  readonly label: string;
  readonly readOnly: boolean;
}

/** What taking the newer statement would change in access (computed only while shown). */
function StatementAccessChange({ before, after }: { before: JsonValue | undefined; after: JsonValue }) {
  const documents = useMemo(
    () =>
      before === undefined
        ? undefined
        : ([
            { Version: '2012-10-17', Statement: [before] },
            { Version: '2012-10-17', Statement: [after] },
          ] as const),
    [before, after],
  );
  const diff = useAccessDiff(documents?.[0], documents?.[1]);
  return <AccessDiffView diff={diff} pending label="Access of the newer version compared with this block" />;
}

/**
 * "Keep it current" for a block imported from an AWS managed policy: when the catalog has a newer
 * version, what it changes in this block (actions gained and lost) and a button to take it.
 */
export function KeepCurrent({ id, source, label, readOnly }: KeepCurrentProps) {
  const dispatch = useEditorDispatch();
  const { view, version: catalogVersion } = useCatalog();
  const [details, setDetails] = useState(false);
  const latest = useManagedPolicy(isAwsManaged(source) ? source.policyName : undefined);
  const policy = latest.status === 'ready' ? latest.policy : undefined;
  const stale = policy !== undefined && isNewerVersion(policy.version, source.version);
  // the draft only while there is a newer version to compare with (typing re-renders nothing else)
  const state = useEditorSelector(stale ? selectWhole : selectNothing);

  // Worked out again as service details arrive (catalogVersion): the comparison needs them.
  const updates = useMemo(() => {
    void catalogVersion;
    if (!state || !policy) return undefined;
    const statements = statementsOf(state.document);
    const blocks: SourcedBlock[] = [];
    state.ids.forEach((blockId, index) => {
      const blockSource = state.meta[blockId]?.source;
      const statement = statements[index];
      if (blockSource?.policyName === source.policyName && isJsonObject(statement)) {
        blocks.push({ id: blockId, statement, source: blockSource });
      }
    });
    return managedUpdates(blocks, policy.version, policy.document as JsonValue, view);
  }, [state, policy, source.policyName, view, catalogVersion]);

  if (!policy || !updates || !state) return null;
  const update = updates.blocks.get(id);
  const added = updates.firstStale === id ? updates.added : [];
  if (!update && added.length === 0) return null;
  const version = policy.version;
  const name = policy.name;
  const current = { ...source, version };
  const markCurrent = () => dispatch({ type: 'setMeta', id, meta: { source: current } });

  return (
    <Stack spacing={1} sx={{ mt: 1.5 }}>
      {update?.kind === 'changed' && (
        <Alert
          severity="info"
          role="region"
          aria-label={`Newer version of ${name} for ${label}`}
          action={
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              {(update.added.length > 0 || update.removed.length > 0 || update.otherChanges) && (
                <Button color="inherit" size="small" onClick={() => setDetails((v) => !v)} aria-expanded={details}>
                  {details ? 'Hide changes' : 'Show changes'}
                </Button>
              )}
              {(update.added.length > 0 || update.removed.length > 0) && (
                <Button
                  color="inherit"
                  size="small"
                  variant="outlined"
                  disabled={readOnly}
                  onClick={() => {
                    dispatch({ type: 'setFields', id, fields: actionFields(update), label: `Take ${name} ${version}` });
                    markCurrent();
                  }}
                >
                  Take the changes
                </Button>
              )}
              {update.otherChanges && (
                <Button
                  color="inherit"
                  size="small"
                  disabled={readOnly}
                  onClick={() => {
                    const statement = statementsOf(state.document)[state.ids.indexOf(id)];
                    if (!isJsonObject(statement)) return;
                    dispatch({ type: 'setFields', id, fields: wholeStatementFields(statement, update.statement), label: `Take ${name} ${version}` });
                    markCurrent();
                  }}
                >
                  Take the whole statement
                </Button>
              )}
            </Stack>
          }
        >
          <Typography variant="body2">
            Newer version {version} available: {changeSummary(update.added.length, update.removed.length, update.otherChanges)}.
          </Typography>
          <Collapse in={details} unmountOnExit>
            <Box sx={{ mt: 1 }}>
              <StatementAccessChange before={statementsOf(state.document)[state.ids.indexOf(id)]} after={update.statement} />
              <ActionList sign="+" actions={update.added} />
              <ActionList sign="−" actions={update.removed} />
            </Box>
          </Collapse>
        </Alert>
      )}
      {update?.kind === 'removed' && (
        <Alert
          severity="info"
          role="region"
          aria-label={`Newer version of ${name} for ${label}`}
          action={
            <Stack direction="row" spacing={1}>
              <Button color="inherit" size="small" disabled={readOnly} onClick={() => dispatch({ type: 'removeBlock', id })}>
                Remove this block
              </Button>
              <Button color="inherit" size="small" onClick={markCurrent}>
                Keep it
              </Button>
            </Stack>
          }
        >
          <Typography variant="body2">
            {name} {version} no longer has this statement.
          </Typography>
        </Alert>
      )}
      {added.length > 0 && (
        <Alert
          severity="info"
          role="region"
          aria-label={`New statements in ${name} ${version}`}
          action={
            <Button
              color="inherit"
              size="small"
              disabled={readOnly}
              onClick={() =>
                dispatch({ type: 'appendBlocks', statements: withUniqueSids(statementsOf(state.document), added), meta: { source: current } })
              }
            >
              Add {added.length === 1 ? 'it' : 'them'}
            </Button>
          }
        >
          <Typography variant="body2">
            {name} {version} also has {added.length} new statement{added.length === 1 ? '' : 's'}.
          </Typography>
        </Alert>
      )}
    </Stack>
  );
}
