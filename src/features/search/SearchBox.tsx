import CategoryOutlinedIcon from '@mui/icons-material/CategoryOutlined';
import FilterListIcon from '@mui/icons-material/FilterList';
import SearchIcon from '@mui/icons-material/Search';
import Autocomplete from '@mui/material/Autocomplete';
import InputAdornment from '@mui/material/InputAdornment';
import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput from '@mui/material/OutlinedInput';
import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import type { SearchResult } from '../../catalog/search';
import { revealBlock } from './revealBlock';
import { optionKey, optionLabel, searchOptions, thousands, type SearchOption } from './searchOptions';
import type { ChoiceOutcome } from './useSearchChoice';

/** The box's label, also its accessible name. */
const LABEL = 'Search services and actions';

/** Most hits the list shows. */
export const SEARCH_LIMIT = 50;

/** Rows the list shows without scrolling (its height is at most 60% of the window; a row is 40 px or more). */
function rowsInSight(): number {
  return Math.ceil((window.innerHeight * 0.6) / 40) + 1;
}

const EMPTY: SearchResult = { query: '', pattern: false, total: 0, actionTotal: 0, hits: [] };

/**
 * The options' look, once for the list: the rows themselves are plain elements with these class
 * names (no styled component per row), so that a keystroke renders 50 rows cheaply.
 */
const LISTBOX_SX = {
  maxHeight: '60vh',
  '& .wb-option': {
    display: 'flex',
    gap: 1.25,
    alignItems: 'center',
    py: 0.5,
    // rows below the list's fold skip layout and paint until scrolled to
    contentVisibility: 'auto',
    containIntrinsicSize: 'auto 44px',
  },
  '& .wb-option-gap': { width: 20, flexShrink: 0 },
  '& .wb-option-text': { minWidth: 0 },
  '& .wb-option-main': { typography: 'body2' },
  '& .wb-option-sub': { typography: 'caption', color: 'text.secondary' },
  '& .wb-option-nowrap': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  '& .wb-option-strong': { fontWeight: 600 },
  '& .wb-mono': { fontFamily: 'monospace', fontSize: '0.875rem' },
} as const;

/** Each line ends in a space, so the text read out keeps them apart (axe joins block lines without one). */
function OptionContent({ option }: { option: SearchOption }) {
  switch (option.kind) {
    case 'pattern':
      return (
        <>
          <FilterListIcon fontSize="small" color="primary" />
          <div className="wb-option-text">
            <div className="wb-option-main">
              <span className="wb-mono wb-option-strong">{option.entry}</span> — matches{' '}
              {thousands(option.count)} action{option.count === 1 ? '' : 's'}{' '}
            </div>
            <div className="wb-option-sub">Adds the pattern as one Action entry ({option.serviceName})</div>
          </div>
        </>
      );
    case 'service':
      return (
        <>
          <CategoryOutlinedIcon fontSize="small" color="action" />
          <div className="wb-option-text">
            <div className="wb-option-main wb-option-strong wb-option-nowrap">{option.serviceName} </div>
            <div className="wb-option-sub">
              {/* in the order of the option's name, so the name holds the text shown (WCAG 2.5.3) */}(
              <span className="wb-mono">{option.service}</span>), service, {thousands(option.actionCount)}{' '}
              actions
            </div>
          </div>
        </>
      );
    case 'action':
      return (
        <>
          <span className="wb-option-gap" />
          <div className="wb-option-text">
            <div className="wb-option-main wb-mono wb-option-nowrap">
              {option.service}:<b>{option.action}</b>,{' '}
            </div>
            <div className="wb-option-sub wb-option-nowrap">
              {option.accessLevel}, {option.serviceName}
            </div>
          </div>
        </>
      );
  }
}

export interface SearchBoxProps {
  readonly disabled: boolean;
  readonly choose: (option: SearchOption) => Promise<ChoiceOutcome | undefined>;
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
  // A key paints the rows in sight first; the rest of the list (below its fold) follows in a
  // render of its own, which a next key interrupts.
  const settled = useDeferredValue(options);
  const shown = settled === options ? options : options.slice(0, rowsInSight());

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
      ? `${thousands(result.total)} match${result.total === 1 ? '' : 'es'}${more ? ` (first ${result.hits.length} shown)` : ''}`
      : 'Service names or prefixes, action names, or patterns such as s3:Get*');

  return (
    <Autocomplete<SearchOption>
      ref={rootRef}
      options={shown}
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
        setInput('');
        setOpen(false);
        void choose(option).then((outcome) => {
          if (!outcome) return;
          onChosen?.(outcome);
          setStatus(outcome.message);
          setScrollTo((s) => ({
            index: outcome.blockIndex,
            added: outcome.added ?? false,
            seq: (s?.seq ?? 0) + 1,
          }));
        });
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
          <li
            key={key}
            {...rest}
            className={`${rest.className ?? ''} wb-option`}
            aria-label={
              option.kind === 'pattern'
                ? `${optionLabel(option)}, adds the pattern as one Action entry (${option.serviceName})`
                : optionLabel(option)
            }
          >
            <OptionContent option={option} />
          </li>
        );
      }}
      renderInput={({ id, disabled: off, fullWidth, size, slotProps }) => (
        // TextField's parts, without TextField: it would bring Select, Menu and Modal to the first screen
        <FormControl variant="outlined" fullWidth={fullWidth} disabled={off} size={size}>
          <InputLabel {...slotProps.inputLabel} htmlFor={id} id={`${id}-label`}>
            {LABEL}
          </InputLabel>
          <OutlinedInput
            {...slotProps.input}
            label={LABEL}
            placeholder="s3, simple storage, GetObject, s3:Get*"
            startAdornment={
              <InputAdornment position="start">
                <SearchIcon />
              </InputAdornment>
            }
            inputProps={{
              ...slotProps.htmlInput,
              spellCheck: false,
              'aria-describedby': `${id}-helper-text`,
            }}
          />
          <FormHelperText id={`${id}-helper-text`} role="status">
            {helper}
          </FormHelperText>
        </FormControl>
      )}
      slotProps={{ listbox: { sx: LISTBOX_SX } }}
    />
  );
});
