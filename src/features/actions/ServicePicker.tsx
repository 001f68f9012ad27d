import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useMemo } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import { useEditorDispatch } from '../../editor/useEditor';
import type { ServiceSummary } from '../../catalog/catalog';
import type { StatementView } from '../../policy/model';

export interface ServicePickerProps {
  readonly id: string;
  readonly statement: StatementView;
  readonly service: string | undefined;
  readonly readOnly: boolean;
}

/** Choose the block's service. Changing it clears the actions, resources and conditions of the block. */
export function ServicePicker({ id, statement, service, readOnly }: ServicePickerProps) {
  const { view, loader } = useCatalog();
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
        return opts.filter((s) => s.prefix.includes(q) || s.name.toLowerCase().includes(q));
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
}
