import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { memo, useMemo } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import { useEditorDispatch } from '../../editor/useEditor';
import type { CatalogView, ServiceSummary } from '../../catalog/catalog';
import type { SearchIndex } from '../../catalog/search';
import type { StatementView } from '../../policy/model';
import { sameStatementMembers } from '../common/statementProps';

export interface ServicePickerProps {
  readonly id: string;
  readonly statement: StatementView;
  readonly service: string | undefined;
  readonly readOnly: boolean;
}

/** Services the search index ranks for a query, best first. */
function rankedServices(search: SearchIndex, query: string, view: CatalogView): ServiceSummary[] {
  const out: ServiceSummary[] = [];
  for (const hit of search.search(query, { limit: 200 }).hits) {
    if (hit.kind !== 'service') continue;
    const service = view.service(hit.service);
    if (service) out.push(service);
  }
  return out;
}

/** Choose the block's service. Changing it clears the actions, resources and conditions of the block. */
export const ServicePicker = memo(function ServicePicker({ id, statement, service, readOnly }: ServicePickerProps) {
  const { view, loader, search } = useCatalog();
  const dispatch = useEditorDispatch();
  const options = useMemo(() => [...view.services].sort((a, b) => a.name.localeCompare(b.name)), [view]);
  const value = service ? (view.service(service) ?? null) : null;
  const hasContent =
    (statement.action?.values.length ?? 0) > 0 ||
    (statement.notAction?.values.length ?? 0) > 0 ||
    statement.conditions.length > 0;
  return (
    <Autocomplete<ServiceSummary>
      options={options}
      value={value}
      disabled={readOnly}
      autoHighlight
      getOptionLabel={(s) => `${s.name} (${s.prefix})`}
      isOptionEqualToValue={(a, b) => a.prefix === b.prefix}
      filterOptions={(opts, { inputValue }) => {
        const q = inputValue.trim().toLowerCase();
        if (!q) return opts;
        // The top search's ranking (exact prefix, then prefix, then name words, then fuzzy), so
        // Enter takes the same service here as there ("iam" is IAM, not RDS IAM Authentication).
        const ranked = rankedServices(search, q, view);
        const seen = new Set(ranked.map((r) => r.prefix));
        return [...ranked, ...opts.filter((o) => !seen.has(o.prefix) && (o.prefix.includes(q) || o.name.toLowerCase().includes(q)))];
      }}
      onChange={(_, next) => {
        if (!next || next.prefix === service) return;
        void loader.loadService(next.prefix);
        if (hasContent) {
          dispatch({ type: 'setFields', id, fields: { Action: [], NotAction: undefined, Resource: [], Condition: undefined }, label: 'Change service' });
        }
        dispatch({ type: 'setMeta', id, meta: { service: next.prefix } });
      }}
      renderInput={(params) => <TextField {...params} label="Service" placeholder="Search services, e.g. s3 or Simple Storage" size="small" />}
      sx={{ maxWidth: 520 }}
    />
  );
}, sameStatementMembers<ServicePickerProps>(['Action', 'NotAction', 'Condition']));
