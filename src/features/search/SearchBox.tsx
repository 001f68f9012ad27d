import CategoryOutlinedIcon from '@mui/icons-material/CategoryOutlined';
import FilterListIcon from '@mui/icons-material/FilterList';
import SearchIcon from '@mui/icons-material/Search';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import type { SearchResult } from '../../catalog/search';
import { revealBlock } from './revealBlock';
import { optionKey, optionLabel, searchOptions, type SearchOption } from './searchOptions';
import type { ChoiceOutcome } from './useSearchChoice';

/** Most hits the list shows. */
export const SEARCH_LIMIT = 50;

const EMPTY: SearchResult = { query: '', pattern: false, total: 0, actionTotal: 0, hits: [] };

/** Each line ends in a space, so the text read out keeps them apart (axe joins block lines without one). */
function OptionContent({ option }: { option: SearchOption }) {
  const mono = { fontFamily: 'monospace', fontSize: '0.875rem' };
  switch (option.kind) {
    case 'pattern':
      return (
        <>
          <FilterListIcon fontSize="small" color="primary" />
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2" component="div">
              <Box component="span" sx={{ ...mono, fontWeight: 600 }}>
                {option.entry}
              </Box>{' '}
              — matches {option.count.toLocaleString()} action{option.count === 1 ? '' : 's'}{' '}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              Adds the pattern as one Action entry ({option.serviceName})
            </Typography>
          </Box>
        </>
      );
    case 'service':
      return (
        <>
          <CategoryOutlinedIcon fontSize="small" color="action" />
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2" component="div" sx={{ fontWeight: 600 }} noWrap>
              {option.serviceName}{' '}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {/* in the order of the option's name, so the name holds the text shown (WCAG 2.5.3) */}
              (<span style={mono}>{option.service}</span>), service, {option.actionCount.toLocaleString()} actions
            </Typography>
          </Box>
        </>
      );
    case 'action':
      return (
        <>
          <Box sx={{ width: 20, flexShrink: 0 }} />
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2" component="div" sx={mono} noWrap>
              {option.service}:<b>{option.action}</b>,{' '}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div" noWrap>
              {option.accessLevel}, {option.serviceName}
            </Typography>
          </Box>
        </>
      );
  }
}

export interface SearchBoxProps {
  readonly disabled: boolean;
  readonly choose: (option: SearchOption) => ChoiceOutcome | undefined;
  /** told of every choice that changed the policy */
  readonly onChosen?: (outcome: ChoiceOutcome) => void;
}

/** The search box itself (see ServiceActionSearch); memoized so that edits do not re-render it. */
export const SearchBox = memo(function SearchBox({ disabled, choose, onChosen }: SearchBoxProps) {
  const { search, view } = useCatalog();
  const [input, setInput] = useState('');
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const [scrollTo, setScrollTo] = useState<{ index: number; added: boolean; seq: number } | undefined>();

  const result = useMemo(
    () => (input.trim() === '' ? EMPTY : search.search(input, { limit: SEARCH_LIMIT })),
    [search, input],
  );
  const options = useMemo(() => searchOptions(result, view), [result, view]);

  // after the block list has rendered the change: show the block that got the choice
  useEffect(() => {
    if (!scrollTo) return;
    const frame = requestAnimationFrame(() => revealBlock(scrollTo.index, rootRef.current, scrollTo.added));
    return () => cancelAnimationFrame(frame);
  }, [scrollTo]);

  const more = result.total > result.hits.length ? result.total - result.hits.length : 0;
  const helper =
    status ||
    (input.trim() && result.total > 0
      ? `${result.total.toLocaleString()} match${result.total === 1 ? '' : 'es'}${more ? ` (first ${result.hits.length} shown)` : ''}`
      : 'Service names or prefixes, action names, or patterns such as s3:Get*');

  return (
    <Autocomplete<SearchOption>
      ref={rootRef}
      options={options}
      value={null}
      inputValue={input}
      open={open && input.trim() !== ''}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      onInputChange={(_, value, reason) => {
        if (reason === 'input' || reason === 'clear') {
          setInput(value);
          setStatus('');
          if (value.trim() !== '') setOpen(true);
        }
      }}
      onChange={(_, option) => {
        if (!option) return;
        const outcome = choose(option);
        setInput('');
        setOpen(false);
        if (outcome) {
          onChosen?.(outcome);
          setStatus(outcome.message);
          setScrollTo((s) => ({ index: outcome.blockIndex, added: outcome.added ?? false, seq: (s?.seq ?? 0) + 1 }));
        }
      }}
      filterOptions={(all) => all}
      getOptionLabel={optionLabel}
      getOptionKey={optionKey}
      isOptionEqualToValue={(a, b) => optionKey(a) === optionKey(b)}
      disabled={disabled}
      autoHighlight
      clearOnEscape
      handleHomeEndKeys={false}
      noOptionsText="No service or action matches"
      forcePopupIcon={false}
      renderOption={(props, option) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <Box
            component="li"
            key={key}
            {...rest}
            aria-label={
              option.kind === 'pattern'
                ? `${optionLabel(option)}, adds the pattern as one Action entry (${option.serviceName})`
                : optionLabel(option)
            }
            sx={{ display: 'flex', gap: 1.25, alignItems: 'center', py: 0.5 }}
          >
            <OptionContent option={option} />
          </Box>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label="Search services and actions"
          placeholder="s3, simple storage, GetObject, s3:Get*"
          helperText={helper}
          slotProps={{
            ...params.slotProps,
            input: {
              ...params.slotProps.input,
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon />
                </InputAdornment>
              ),
            },
            htmlInput: { ...params.slotProps.htmlInput, spellCheck: false },
            formHelperText: { role: 'status' },
          }}
        />
      )}
      slotProps={{ listbox: { sx: { maxHeight: '60vh' } } }}
    />
  );
});
