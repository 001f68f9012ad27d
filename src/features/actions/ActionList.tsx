import Box from '@mui/material/Box';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { AccessLevel, ActionDetail } from '../../catalog/types';
import { AccessLevelHeader, GROUP_ROW_HEIGHT } from './AccessLevelHeader';
import { ACTION_ROW_HEIGHT, ActionRow } from './ActionRow';
import { isIncluded, type ActionEntries } from './actionEntries';
import { nextStop, resolveStop, ROVING_KEYS } from '../common/roving';
import {
  countIncluded,
  groupSelection,
  groupToggle,
  type ActionListRow,
  type GroupSelection,
} from './actionGroups';

/** Most height the list takes before it scrolls. */
export const ACTION_LIST_MAX_HEIGHT = 440;

export interface ActionListProps {
  readonly label: string;
  readonly idBase: string;
  readonly service: string;
  readonly rows: readonly ActionListRow[];
  readonly entries: ActionEntries;
  /** lower-case action name → detail; undefined until the service's details load */
  readonly details: ReadonlyMap<string, ActionDetail> | undefined;
  readonly filtering: boolean;
  readonly readOnly: boolean;
  readonly verb: string;
  readonly onToggle: (name: string, checked: boolean) => void;
  readonly onToggleAll: (level: AccessLevel) => void;
  readonly onToggleCollapsed: (level: AccessLevel) => void;
}

function rowKey(row: ActionListRow): string {
  return row.kind === 'group' ? `group:${row.group.level}` : row.action.name;
}

/**
 * The actions of a service by access level, virtualized (only the rows in view, plus a few, are
 * in the DOM), with the current access level's header kept at the top while scrolling.
 */
export function ActionList({
  label,
  idBase,
  service,
  rows,
  entries,
  details,
  filtering,
  readOnly,
  verb,
  onToggle,
  onToggleAll,
  onToggleCollapsed,
}: ActionListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerIndexes = useMemo(() => rows.flatMap((row, i) => (row.kind === 'group' ? [i] : [])), [rows]);
  const activeHeader = useRef(0);
  // The list is one Tab stop (roving tabindex): the row holding it, always rendered.
  const [active, setActive] = useState(0);
  const canFocus = useCallback(
    (i: number) => {
      const row = rows[i];
      if (!row) return false;
      if (row.kind === 'action') {
        const name = row.action.name.toLowerCase();
        return !readOnly && (entries.explicit.has(name) || !entries.coveredBy.has(name));
      }
      // the collapse button works unless filtering; the "all" box unless read-only or locked
      return !filtering || !(readOnly || groupToggle(row.group.shown, entries).names.length === 0);
    },
    [rows, entries, readOnly, filtering],
  );
  const stop = useMemo(() => resolveStop(active, rows.length, canFocus), [active, rows.length, canFocus]);
  const rangeExtractor = useCallback(
    (range: Range) => {
      activeHeader.current = [...headerIndexes].reverse().find((i) => range.startIndex >= i) ?? 0;
      const keep = stop === undefined ? [] : [stop];
      return [...new Set([activeHeader.current, ...keep, ...defaultRangeExtractor(range)])].sort((a, b) => a - b);
    },
    [headerIndexes, stop],
  );
  const estimateSize = useCallback(
    (i: number) => (rows[i]?.kind === 'group' ? GROUP_ROW_HEIGHT : ACTION_ROW_HEIGHT),
    [rows],
  );
  const getItemKey = useCallback(
    (i: number) => {
      const row = rows[i];
      return row ? rowKey(row) : i;
    },
    [rows],
  );
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement,
    estimateSize,
    getItemKey,
    overscan: 8,
    rangeExtractor,
  });

  // Bring an action into view when it becomes selected from elsewhere (the search box, undo) and
  // on first show: the first selected action.
  const previous = useRef<ReadonlySet<string> | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = entries.explicit;
    const added = [...entries.explicit].filter((name) => !before?.has(name));
    if (added.length === 0 || (before !== undefined && added.length !== 1)) return;
    const target = added.length === 1 ? added[0] : undefined;
    const index = rows.findIndex(
      (row) =>
        row.kind === 'action' &&
        (target === undefined
          ? entries.explicit.has(row.action.name.toLowerCase())
          : row.action.name.toLowerCase() === target),
    );
    if (index > 0) virtualizer.scrollToIndex(index, { align: before === undefined ? 'center' : 'auto' });
  }, [entries.explicit, rows, virtualizer]);

  // per level: how many are included, the "select all" state, whether it would change anything
  const groupState = useMemo(() => {
    const state = new Map<AccessLevel, { included: number; selection: GroupSelection; locked: boolean }>();
    for (const row of rows) {
      if (row.kind !== 'group') continue;
      const { level, actions, shown } = row.group;
      state.set(level, {
        included: countIncluded(actions, entries),
        selection: groupSelection(shown, entries),
        locked: groupToggle(shown, entries).names.length === 0,
      });
    }
    return state;
  }, [rows, entries]);

  // Arrow keys, Home, End, Page Up/Down move between rows; Left and Right between a header's two controls.
  const focusAfterRender = useRef<number | undefined>(undefined);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const rowElement = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!rowElement) return;
    const from = Number(rowElement.dataset.row);
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const controls = Array.from(rowElement.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([disabled])'));
      const at = controls.indexOf(e.target as HTMLElement);
      const next = controls[at + (e.key === 'ArrowRight' ? 1 : -1)];
      if (at >= 0 && next) {
        e.preventDefault();
        next.focus();
      }
      return;
    }
    if (!ROVING_KEYS.has(e.key)) return;
    e.preventDefault();
    const pageSize = Math.max(1, Math.floor(ACTION_LIST_MAX_HEIGHT / ACTION_ROW_HEIGHT) - 1);
    const next = nextStop(from, e.key, rows.length, canFocus, pageSize);
    if (next === undefined) return;
    setActive(next);
    focusAfterRender.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (row) setActive(Number(row.dataset.row));
  };
  useLayoutEffect(() => {
    const target = focusAfterRender.current;
    if (target === undefined) return;
    const control = scrollRef.current?.querySelector<HTMLElement>(`[data-row="${target}"] [tabindex="0"]`);
    if (control) {
      focusAfterRender.current = undefined;
      control.focus({ preventScroll: true });
    }
  });

  const items = virtualizer.getVirtualItems();
  return (
    <Box
      ref={scrollRef}
      role="group"
      aria-label={label}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      sx={{
        maxHeight: ACTION_LIST_MAX_HEIGHT,
        overflow: 'auto',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        overscrollBehavior: 'contain',
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), width: '100%', position: 'relative' }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const sticky = row.kind === 'group' && item.index === activeHeader.current;
          return (
            <div
              key={item.key}
              data-row={item.index}
              style={{
                ...(sticky
                  ? { position: 'sticky', zIndex: 2 }
                  : { position: 'absolute', transform: `translateY(${item.start}px)` }),
                top: 0,
                left: 0,
                width: '100%',
                height: item.size,
              }}
            >
              {row.kind === 'group' ? (
                <AccessLevelHeader
                  level={row.group.level}
                  total={row.group.actions.length}
                  included={groupState.get(row.group.level)?.included ?? 0}
                  matching={filtering ? row.group.shown.length : undefined}
                  selection={groupState.get(row.group.level)?.selection ?? 'none'}
                  locked={groupState.get(row.group.level)?.locked ?? true}
                  collapsed={row.collapsed}
                  readOnly={readOnly}
                  verb={verb}
                  tabbable={item.index === stop}
                  onToggleAll={onToggleAll}
                  onToggleCollapsed={onToggleCollapsed}
                />
              ) : (
                <ActionRow
                  idBase={idBase}
                  service={service}
                  name={row.action.name}
                  detail={details?.get(row.action.name.toLowerCase())}
                  checked={isIncluded(entries, row.action.name)}
                  coveredBy={
                    entries.explicit.has(row.action.name.toLowerCase())
                      ? undefined
                      : entries.coveredBy.get(row.action.name.toLowerCase())
                  }
                  readOnly={readOnly}
                  tabbable={item.index === stop}
                  onToggle={onToggle}
                />
              )}
            </div>
          );
        })}
      </div>
    </Box>
  );
}
