import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { memo, useMemo } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import { useEditorDispatch } from '../../editor/useEditor';
import type { BlockMeta } from '../../editor/policyReducer';
import type { StatementView } from '../../policy/model';
import { ActionPicker } from '../actions/ActionPicker';
import { ConditionEditor } from '../conditions/ConditionEditor';
import { ResourceEditor } from '../resources/ResourceEditor';
import { SharedResources } from '../resources/SharedResources';
import { ServicePicker } from '../actions/ServicePicker';
import { KeepCurrent } from '../import/KeepCurrent';
import { blockShape } from './blockShape';
import { useSameContent, useStableStatement } from '../common/statementProps';
import { blockSummary } from './blockSummary';
import { ServiceSections } from './ServiceSections';

const SUMMARY_MEMBERS = ['Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

export interface BlockProps {
  readonly id: string;
  readonly index: number;
  readonly count: number;
  readonly statement: StatementView;
  readonly meta: BlockMeta | undefined;
  readonly readOnly: boolean;
}

/** One statement as a permission block. Memoized: an edit re-renders only the blocks it changes. */
export const Block = memo(function Block({ id, index, count, statement, meta, readOnly }: BlockProps) {
  const dispatch = useEditorDispatch();
  const { view, version } = useCatalog();
  // the same object while equal by content: the sections below take its lists as props
  const shape = useSameContent(useMemo(() => blockShape(statement, meta?.service), [statement, meta?.service]));
  const service = shape.service ? view.service(shape.service) : undefined;
  const collapsed = meta?.collapsed ?? false;
  const label = `Permission block ${index + 1}`;
  // The summary reads the actions, resources and conditions: a Sid edit keeps it.
  const summarized = useStableStatement(statement, SUMMARY_MEMBERS);
  const sections = shape.several?.length;
  const summary = useMemo(() => {
    void version;
    return blockSummary(summarized, sections, view);
  }, [summarized, sections, view, version]);
  const effect = statement.effect === 'Deny' ? 'Deny' : 'Allow';
  const names = shape.services.map((prefix) => view.service(prefix)?.name ?? prefix);
  const title = service
    ? service.name
    : names.length > 4
      ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more services`
      : names.length
        ? names.join(', ')
        : 'Choose a service';
  const source = meta?.source
    ? `From ${meta.source.policyName}${meta.source.version ? ` ${meta.source.version}` : ''}`
    : undefined;
  const fullTitle = [service ? service.name : names.join(', ') || title, statement.sid]
    .filter(Boolean)
    .join(' · ');

  return (
    <Paper variant="outlined" component="section" aria-label={label} sx={{ p: 2 }}>
      {/* one row: the title gives way (ellipsis, whole in a tooltip), the buttons never wrap */}
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'center', flexWrap: { xs: 'wrap', sm: 'nowrap' }, rowGap: 1 }}
      >
        <Tooltip title={collapsed ? 'Expand' : 'Collapse'}>
          <IconButton
            size="small"
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${label.toLowerCase()}`}
            aria-expanded={!collapsed}
            onClick={() => dispatch({ type: 'setMeta', id, meta: { collapsed: !collapsed } })}
          >
            {collapsed ? <ExpandMoreIcon /> : <ExpandLessIcon />}
          </IconButton>
        </Tooltip>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Tooltip title={fullTitle} describeChild placement="top-start">
            <Typography variant="subtitle1" component="h2" noWrap sx={{ fontWeight: 600, lineHeight: 1.3 }}>
              {title}
              {statement.sid ? (
                <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                  {statement.sid}
                </Typography>
              ) : null}
            </Typography>
          </Tooltip>
          <Typography variant="body2" color="text.secondary" noWrap title={summary}>
            {summary}
          </Typography>
        </Box>
        {source && (
          <Tooltip title={source} describeChild>
            <Chip
              size="small"
              variant="outlined"
              label={source}
              sx={{ maxWidth: { xs: 220, sm: 180, xl: 280 }, minWidth: 0, flexShrink: 1 }}
            />
          </Tooltip>
        )}
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexShrink: 0 }}>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={effect}
            aria-label={`Effect of ${label.toLowerCase()}`}
            disabled={readOnly || shape.limits.length > 0}
            onChange={(_, value: 'Allow' | 'Deny' | null) => {
              if (value)
                dispatch({ type: 'setField', id, key: 'Effect', value, label: `Set effect to ${value}` });
            }}
          >
            <ToggleButton value="Allow">Allow</ToggleButton>
            <ToggleButton value="Deny" color="error">
              Deny
            </ToggleButton>
          </ToggleButtonGroup>
          <Tooltip title="Move up">
            <span>
              <IconButton
                size="small"
                aria-label={`Move ${label.toLowerCase()} up`}
                disabled={readOnly || index === 0}
                onClick={() => dispatch({ type: 'moveBlock', id, to: index - 1 })}
              >
                <ArrowUpwardIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
          <Tooltip title="Move down">
            <span>
              <IconButton
                size="small"
                aria-label={`Move ${label.toLowerCase()} down`}
                disabled={readOnly || index === count - 1}
                onClick={() => dispatch({ type: 'moveBlock', id, to: index + 1 })}
              >
                <ArrowDownwardIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
          <Tooltip title="Duplicate">
            <span>
              <IconButton
                size="small"
                aria-label={`Duplicate ${label.toLowerCase()}`}
                disabled={readOnly}
                onClick={() => dispatch({ type: 'duplicateBlock', id })}
              >
                <ContentCopyIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
          <Tooltip title="Remove">
            <span>
              <IconButton
                size="small"
                aria-label={`Remove ${label.toLowerCase()}`}
                disabled={readOnly}
                onClick={() => dispatch({ type: 'removeBlock', id })}
              >
                <DeleteOutlineIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
        </Stack>
      </Stack>
      {meta?.source && (
        <KeepCurrent id={id} source={meta.source} label={label.toLowerCase()} readOnly={readOnly} />
      )}
      {!collapsed && (
        <Stack spacing={2} sx={{ mt: 2 }}>
          {shape.limits.length > 0 ? (
            <Alert severity="info">
              This statement uses {shape.limits.join(', ')}, which the visual editor cannot fully show. It is
              kept exactly as it is; edit it in the JSON view.
            </Alert>
          ) : (
            <>
              {shape.several ? (
                <>
                  <ServiceSections
                    id={id}
                    statement={statement}
                    services={shape.several}
                    readOnly={readOnly}
                  />
                  <SharedResources
                    id={id}
                    statement={statement}
                    services={shape.several}
                    readOnly={readOnly}
                  />
                  <ConditionEditor
                    id={id}
                    statement={statement}
                    service={shape.several[0] as string}
                    readOnly={readOnly}
                  />
                </>
              ) : (
                <ServicePicker id={id} statement={statement} service={shape.service} readOnly={readOnly} />
              )}
              {shape.service && (
                <>
                  <ActionPicker
                    id={id}
                    statement={statement}
                    service={shape.service}
                    readOnly={readOnly}
                    metaService={meta?.service}
                  />
                  <ResourceEditor id={id} statement={statement} service={shape.service} readOnly={readOnly} />
                  <ConditionEditor
                    id={id}
                    statement={statement}
                    service={shape.service}
                    readOnly={readOnly}
                  />
                </>
              )}
              <TextField
                size="small"
                label="Sid (optional)"
                value={statement.sid ?? ''}
                disabled={readOnly}
                slotProps={{ htmlInput: { 'aria-label': `Sid of ${label.toLowerCase()}` } }}
                helperText="Letters and digits only"
                onChange={(e) =>
                  dispatch({
                    type: 'setField',
                    id,
                    key: 'Sid',
                    value: e.target.value === '' ? undefined : e.target.value,
                    label: 'Edit Sid',
                  })
                }
                sx={{ maxWidth: 320 }}
              />
            </>
          )}
        </Stack>
      )}
    </Paper>
  );
});
