import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { memo, useCallback, useId, useMemo, useState } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import { useEditorDispatch } from '../../editor/useEditor';
import type { ActionDetail, AccessLevel } from '../../catalog/types';
import { matchesPattern } from '../../policy/expand';
import { ActionFilterBar } from './ActionFilterBar';
import { ActionList } from './ActionList';
import { AllActionsCheckbox } from './AllActionsCheckbox';
import { addPattern, isEntryOf, readEntries, removeEntry, setActionsSelected } from './actionEntries';
import { countIncluded, groupActions, groupSelection, groupToggle, listRows } from './actionGroups';
import { EntryChips } from './EntryChips';
import { NotActionSection } from './NotActionSection';
import { PatternField } from './PatternField';
import { useLatest } from './useLatest';
import { useServiceDetail } from '../blocks/useServiceDetail';
import { DependencyOffer } from '../findings/DependencyOffer';
import { LevelOffer } from './LevelOffer';
import { WildcardDialog } from './WildcardDialog';
import { allBut, levelChoice, replaceByActions, writeLevelWildcards, type LevelChoice } from './wildcardEdits';

export interface ActionPickerBodyProps {
  readonly id: string;
  /** the block's position (its statement's index), for the dependency offer */
  readonly index: number;
  /** the block's service prefix */
  readonly service: string;
  /** the block's Action list, or its NotAction list when `notAction` */
  readonly values: readonly string[];
  readonly notAction: boolean;
  readonly effect: 'Allow' | 'Deny';
  /** the service kept in the block's meta */
  readonly metaService: string | undefined;
  readonly readOnly: boolean;
  /**
   * the list also names actions of other services (one section of a statement of several): the
   * picker edits this service's entries only, and NotAction is switched for the whole statement
   */
  readonly shared?: boolean;
}

const NO_ACTIONS: readonly never[] = [];

/** What ActionPicker shows; memoized, see there. */
export const ActionPickerBody = memo(function ActionPickerBody({
  id,
  index,
  service,
  values,
  notAction,
  effect,
  metaService,
  readOnly,
  shared = false,
}: ActionPickerBodyProps) {
  const { view } = useCatalog();
  const dispatch = useEditorDispatch();
  const { detail, error, retry } = useServiceDetail(service);
  const summary = view.service(service);
  const actions = summary?.actions ?? NO_ACTIONS;
  const serviceName = summary?.name ?? service;
  const idBase = useId();

  const key = notAction ? 'NotAction' : 'Action';
  const entries = useMemo(() => readEntries(values, service, actions), [values, service, actions]);

  const [filter, setFilter] = useState('');
  const filtering = filter.trim() !== '';
  const groups = useMemo(() => groupActions(actions, filter), [actions, filter]);
  // Access levels start closed (their "all" boxes and counts in sight), except those holding some
  // of the block's actions, so that what was picked shows.
  const [collapsed, setCollapsed] = useState<ReadonlySet<AccessLevel>>(
    () => new Set(groups.filter((g) => groupSelection(g.actions, entries) !== 'some').map((g) => g.level)),
  );
  const rows = useMemo(() => listRows(groups, collapsed, filtering), [groups, collapsed, filtering]);
  const details = useMemo<ReadonlyMap<string, ActionDetail> | undefined>(
    () => (detail ? new Map(detail.actions.map((a) => [a.name.toLowerCase(), a])) : undefined),
    [detail],
  );
  const included = useMemo(() => countIncluded(actions, entries), [actions, entries]);
  const verb = notAction ? 'excluded' : 'selected';
  /** the wildcard whose matches are open */
  const [opened, setOpened] = useState<string | undefined>();
  /** what the last wildcard edit did, for the status line */
  const [notice, setNotice] = useState('');
  /** after a whole level was ticked: the explicit list or level-safe wildcards */
  const [levelOffer, setLevelOffer] = useState<LevelChoice | undefined>();
  /** the action last added one by one, whose dependencies are offered */
  const [added, setAdded] = useState<string | undefined>();

  // Callbacks keep one identity (rows are memoized) and read the current list when called.
  const latest = useLatest({ shared, values, entries, groups, actions, key, service, metaService, view, notAction, filtering });
  /** One undo step; the block keeps its service even when the list becomes empty. */
  const write = useCallback(
    (next: readonly string[], label: string) => {
      const { key: field, service: prefix, metaService, shared: several } = latest.current;
      if (!several && metaService !== prefix) dispatch({ type: 'setMeta', id, meta: { service: prefix } });
      dispatch({ type: 'setField', id, key: field, value: [...next], label });
    },
    [dispatch, id, latest],
  );
  const onToggle = useCallback(
    (name: string, checked: boolean) => {
      const { values: list, service: prefix, actions: all } = latest.current;
      write(
        setActionsSelected(list, prefix, all, [name], checked),
        `${checked ? 'Select' : 'Clear'} ${prefix}:${name}`,
      );
      if (checked && !latest.current.notAction) setAdded(`${prefix}:${name}`);
    },
    [write, latest],
  );
  const onToggleAll = useCallback(
    (level: AccessLevel) => {
      const { groups: current, entries: now, values: list, service: prefix, actions: all } = latest.current;
      const group = current.find((g) => g.level === level);
      if (!group) return;
      const { names, selected } = groupToggle(group.shown, now);
      if (names.length === 0) return;
      write(
        setActionsSelected(list, prefix, all, names, selected),
        `${selected ? 'Select' : 'Clear'} ${level} actions`,
      );
      // the whole level, one by one: offer the shorter level-safe wildcards
      const whole = selected && !latest.current.filtering;
      setLevelOffer(whole ? levelChoice(level, prefix, all, latest.current.view) : undefined);
    },
    [write, latest],
  );
  const onToggleCollapsed = useCallback((level: AccessLevel) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(level)) next.add(level);
      return next;
    });
  }, []);
  const onAddPattern = useCallback(
    (entry: string, wildcard: boolean) => {
      const { values: list, service: prefix, actions: all } = latest.current;
      const next = wildcard
        ? addPattern(list, prefix, all, entry)
        : setActionsSelected(list, prefix, all, [entry.slice(entry.indexOf(':') + 1)], true);
      write(next, `Add ${entry}`);
      if (!wildcard && !latest.current.notAction) setAdded(entry);
    },
    [write, latest],
  );
  const countReplaced = useCallback(
    (entry: string) => {
      const { entries: now, service: prefix } = latest.current;
      return [...now.explicit].filter((name) => matchesPattern(entry, `${prefix}:${name}`)).length;
    },
    [latest],
  );
  const onRemove = useCallback(
    (entry: string) => write(removeEntry(latest.current.values, entry), `Remove ${entry}`),
    [write, latest],
  );
  const onReplace = useCallback(() => {
    const { values: list, service: prefix, actions: all } = latest.current;
    if (opened === undefined) return;
    write(replaceByActions(list, prefix, all, opened), `Replace ${opened} by its actions`);
    setNotice(`${opened} is now the actions it matches, named one by one.`);
    setOpened(undefined);
  }, [write, latest, opened]);
  const onAllBut = useCallback(
    (name: string) => {
      const { values: list, service: prefix, actions: all, view: catalog } = latest.current;
      if (opened === undefined) return;
      const removed = `${prefix}:${name}`;
      const result = allBut(list, prefix, all, opened, name, catalog);
      write(result.values, `All of ${opened} but ${removed}`);
      setNotice(
        `${opened} is now ${result.replacement.join(', ')}: all but ${removed}.${result.stillIncludedBy ? ` ${removed} is still allowed by ${result.stillIncludedBy}.` : ''}`,
      );
      setOpened(undefined);
    },
    [write, latest, opened],
  );
  const onOpenPattern = useCallback((entry: string) => {
    setNotice('');
    setOpened(entry);
  }, []);
  const offer =
    levelOffer && levelOffer.explicit.every((entry) => entries.explicit.has(entry.slice(entry.indexOf(':') + 1).toLowerCase()))
      ? levelOffer
      : undefined;
  const onLevelWildcards = useCallback(() => {
    const { values: list, service: prefix, actions: all } = latest.current;
    if (!offer) return;
    write(writeLevelWildcards(list, prefix, all, offer), `Write ${offer.level} actions as wildcards`);
    setNotice(`The ${offer.level} actions are now ${offer.wildcards.join(', ')}.`);
    setLevelOffer(undefined);
  }, [write, latest, offer]);
  const onLevelKeep = useCallback(() => setLevelOffer(undefined), []);
  const onDismissAdded = useCallback(() => setAdded(undefined), []);
  const allEntry = `${service}:*`;
  const onAll = useCallback(
    (checked: boolean) => {
      const { values: list, service: prefix, actions: all } = latest.current;
      const entry = `${prefix}:*`;
      if (checked) write(addPattern(list, prefix, all, entry), `All ${prefix} actions`);
      else
        write(
          list.filter((v) => v.toLowerCase() !== entry),
          `Clear ${entry}`,
        );
    },
    [write, latest],
  );
  const onNotAction = useCallback(
    (next: boolean) => {
      const list = [...latest.current.values];
      dispatch({
        type: 'setFields',
        id,
        fields: next ? { Action: undefined, NotAction: list } : { NotAction: undefined, Action: list },
        label: next ? 'Exclude actions (NotAction)' : 'Use Action',
      });
    },
    [dispatch, id, latest],
  );

  const allLevels = useMemo(() => groups.map((g) => g.level), [groups]);
  const onExpandAll = useCallback(() => setCollapsed(new Set()), []);
  const onCollapseAll = useCallback(() => setCollapsed(new Set(allLevels)), [allLevels]);
  const headingId = `${idBase}-heading`;
  // in a statement of several services, the other services' entries are theirs to show
  const chipEntries = useMemo(
    () => (shared ? { ...entries, others: entries.others.filter((e) => isEntryOf(e, service)) } : entries),
    [shared, entries, service],
  );
  const shownCount = groups.reduce((n, g) => n + g.shown.length, 0);
  return (
    <Stack component="section" aria-labelledby={headingId} spacing={1.5}>
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1, flexWrap: 'wrap' }}>
        <Typography id={headingId} variant="subtitle2" component="h3" sx={{ fontWeight: 600 }}>
          {notAction ? 'Actions excluded (NotAction)' : 'Actions allowed'}
        </Typography>
        <Typography variant="body2" color="text.secondary" aria-live="polite">
          {included.toLocaleString()} of {actions.length.toLocaleString()} {serviceName} actions {verb}
        </Typography>
      </Stack>
      {notAction && (
        <Alert severity={effect === 'Deny' ? 'info' : 'warning'} variant="outlined">
          {effect === 'Deny' ? 'Denies' : 'Allows'} every action of every AWS service except the {included}{' '}
          selected here.
        </Alert>
      )}
      <AllActionsCheckbox
        serviceName={serviceName}
        entry={allEntry}
        checked={entries.allPattern !== undefined}
        readOnly={readOnly}
        onChange={onAll}
      />
      <PatternField
        service={service}
        actions={actions}
        countReplaced={countReplaced}
        readOnly={readOnly}
        onAdd={onAddPattern}
      />
      <EntryChips
        entries={chipEntries}
        serviceName={serviceName}
        readOnly={readOnly}
        onRemove={onRemove}
        onOpen={onOpenPattern}
      />
      <Typography variant="body2" role="status" sx={notice ? undefined : { display: 'none' }}>
        {notice}
      </Typography>
      {opened !== undefined && entries.patterns.includes(opened) && (
        <WildcardDialog
          pattern={opened}
          service={service}
          serviceName={serviceName}
          actions={actions}
          details={details}
          readOnly={readOnly}
          onReplace={onReplace}
          onAllBut={onAllBut}
          onClose={() => setOpened(undefined)}
        />
      )}
      {error ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={retry}>
              Retry
            </Button>
          }
        >
          The descriptions of {serviceName} actions did not load: {error}
        </Alert>
      ) : (
        !detail && <LinearProgress aria-label={`Loading ${serviceName} action details`} />
      )}
      <Box>
        <ActionFilterBar
          filter={filter}
          onFilter={setFilter}
          shown={shownCount}
          total={actions.length}
          canExpand={collapsed.size > 0}
          canCollapse={collapsed.size < allLevels.length}
          onExpandAll={onExpandAll}
          onCollapseAll={onCollapseAll}
        />
        {rows.length === 0 ? (
          <Typography
            variant="body2"
            color="text.secondary"
            sx={{ p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}
          >
            {filtering
              ? `No ${serviceName} action matches “${filter.trim()}”.`
              : `The catalog lists no actions for ${serviceName}.`}
          </Typography>
        ) : (
          <ActionList
            label={`${serviceName} actions`}
            idBase={idBase}
            service={service}
            rows={rows}
            entries={entries}
            details={details}
            filtering={filtering}
            readOnly={readOnly}
            verb={verb}
            onToggle={onToggle}
            onToggleAll={onToggleAll}
            onToggleCollapsed={onToggleCollapsed}
          />
        )}
      </Box>
      {offer && !notAction && (
        <LevelOffer choice={offer} readOnly={readOnly} onWildcards={onLevelWildcards} onKeep={onLevelKeep} />
      )}
      {added !== undefined && !notAction && (
        <DependencyOffer blockIndex={index} action={added} onDismiss={onDismissAdded} />
      )}
      {!shared && (
        <NotActionSection
          notAction={notAction}
          effect={effect}
          serviceName={serviceName}
          readOnly={readOnly}
          onChange={onNotAction}
        />
      )}
    </Stack>
  );
});
