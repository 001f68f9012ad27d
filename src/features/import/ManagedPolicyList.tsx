import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ManagedPolicyEntry } from '../../catalog/types';
import { filterManagedPolicies, formatCount, formatDay, MANAGED_QUOTA } from './managedPolicyFilter';

const ROW_HEIGHT = 56;

export interface ManagedPolicyListProps {
  readonly policies: readonly ManagedPolicyEntry[];
  readonly selected: string | undefined;
  readonly onSelect: (name: string) => void;
}

function optionLabel(policy: ManagedPolicyEntry): string {
  const over = policy.size > MANAGED_QUOTA ? `, over ${formatCount(MANAGED_QUOTA)}` : '';
  // the text shown, in its order (WCAG 2.5.3, label in name)
  return `${policy.name}, updated ${formatDay(policy.updated)}, ${formatCount(policy.size)} characters, ${policy.version}${over}`;
}

/**
 * Every AWS managed policy in the catalog, searchable and virtualized: name, last update, size as
 * IAM counts it and a badge when over the managed quota. Arrow keys in the search box move the
 * selection (a listbox whose selection follows the active option).
 */
export function ManagedPolicyList({ policies, selected, onSelect }: ManagedPolicyListProps) {
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(() => filterManagedPolicies(policies, deferredQuery), [policies, deferredQuery]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const idBase = useId();
  const listId = `${idBase}-list`;
  const optionId = (index: number) => `${idBase}-option-${index}`;
  const selectedIndex = selected === undefined ? -1 : shown.findIndex((p) => p.name === selected);

  const getScrollElement = useCallback(() => scrollRef.current, []);
  const estimateSize = useCallback(() => ROW_HEIGHT, []);
  const getItemKey = useCallback((index: number) => shown[index]?.name ?? index, [shown]);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement,
    estimateSize,
    getItemKey,
    overscan: 6,
    initialRect: { width: 360, height: 480 },
  });

  const move = (index: number) => {
    const policy = shown[index];
    if (!policy) return;
    onSelect(policy.name);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const last = shown.length - 1;
    const target =
      event.key === 'ArrowDown'
        ? Math.min(last, selectedIndex + 1)
        : event.key === 'ArrowUp'
          ? Math.max(0, selectedIndex - 1)
          : event.key === 'PageDown'
            ? Math.min(last, selectedIndex + 8)
            : event.key === 'PageUp'
              ? Math.max(0, selectedIndex - 8)
              : undefined;
    if (target === undefined || last < 0) return;
    event.preventDefault();
    move(target);
  };

  const over = useMemo(() => policies.filter((p) => p.size > MANAGED_QUOTA).length, [policies]);
  const items = virtualizer.getVirtualItems();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%', gap: 1 }}>
      <TextField
        size="small"
        label="Search AWS managed policies"
        value={query}
        autoFocus
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        slotProps={{
          input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> },
          htmlInput: {
            role: 'combobox',
            'aria-expanded': true,
            'aria-controls': listId,
            'aria-autocomplete': 'list',
            'aria-activedescendant': selectedIndex >= 0 ? optionId(selectedIndex) : undefined,
          },
        }}
      />
      <Typography variant="caption" color="text.secondary" role="status">
        {deferredQuery.trim() === ''
          ? `${formatCount(policies.length)} policies, ${formatCount(over)} over ${formatCount(MANAGED_QUOTA)} characters`
          : shown.length === 0
            ? `No AWS managed policy matches “${deferredQuery.trim()}”`
            : `${formatCount(shown.length)} of ${formatCount(policies.length)} policies match`}
      </Typography>
      <Box
        ref={scrollRef}
        id={listId}
        role="listbox"
        aria-label="AWS managed policies"
        sx={{ flex: 1, minHeight: 0, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, overscrollBehavior: 'contain' }}
      >
        <div style={{ height: virtualizer.getTotalSize(), width: '100%', position: 'relative' }}>
          {items.map((item) => {
            const policy = shown[item.index];
            if (!policy) return null;
            const isSelected = policy.name === selected;
            const isOver = policy.size > MANAGED_QUOTA;
            return (
              <Box
                key={item.key}
                id={optionId(item.index)}
                role="option"
                aria-selected={isSelected}
                aria-label={optionLabel(policy)}
                aria-setsize={shown.length}
                aria-posinset={item.index + 1}
                onClick={() => onSelect(policy.name)}
                sx={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  height: item.size,
                  transform: `translateY(${item.start}px)`,
                  px: 1.5,
                  display: 'flex',
                  alignItems: 'center',
                  gap: 1,
                  cursor: 'pointer',
                  borderBottom: 1,
                  borderColor: 'divider',
                  bgcolor: isSelected ? 'action.selected' : undefined,
                  '&:hover': { bgcolor: isSelected ? 'action.selected' : 'action.hover' },
                }}
              >
                <Box sx={{ minWidth: 0, flex: 1 }}>
                  <Typography variant="body2" noWrap sx={{ fontWeight: 500 }} title={policy.name}>
                    {policy.name},{' '}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" noWrap component="div">
                    updated {formatDay(policy.updated)}, {formatCount(policy.size)} characters, {policy.version}
                    {isOver ? ', ' : ''}
                  </Typography>
                </Box>
                {isOver && <Chip size="small" color="warning" variant="outlined" label={`Over ${formatCount(MANAGED_QUOTA)}`} />}
              </Box>
            );
          })}
        </div>
      </Box>
    </Box>
  );
}
