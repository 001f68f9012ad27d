import Checkbox from '@mui/material/Checkbox';
import { styled } from '@mui/material/styles';
import { memo } from 'react';
import type { ActionDetail } from '../../catalog/types';
import { visuallyHidden } from './visuallyHidden';

export const ACTION_ROW_HEIGHT = 48;

export interface ActionRowProps {
  /** unique per picker, for element ids */
  readonly idBase: string;
  readonly service: string;
  readonly name: string;
  /** undefined until the service's details load */
  readonly detail: ActionDetail | undefined;
  readonly checked: boolean;
  /** the pattern that covers the action, when one does and the action is not named one by one */
  readonly coveredBy: string | undefined;
  readonly readOnly: boolean;
  /** holds the list's one Tab stop (the list moves it with the arrow keys) */
  readonly tabbable: boolean;
  readonly onToggle: (name: string, checked: boolean) => void;
}

// One styled root with static styles for the whole row: rows mount while scrolling, so they
// avoid per-element `sx` and tooltips.
const Row = styled('div')(({ theme }) => ({
  display: 'flex',
  alignItems: 'center',
  height: ACTION_ROW_HEIGHT,
  paddingLeft: theme.spacing(4.5),
  paddingRight: theme.spacing(1),
  gap: theme.spacing(0.5),
  '& .MuiCheckbox-root': { padding: theme.spacing(0.75) },
  '& .text': { minWidth: 0, flex: 1 },
  '& .name': {
    ...theme.typography.body2,
    display: 'block',
    fontWeight: 500,
    lineHeight: 1.35,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    cursor: 'pointer',
  },
  '& .name.inert': { cursor: 'default' },
  '& .description': {
    ...theme.typography.caption,
    lineHeight: 1.35,
    color: theme.palette.text.secondary,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  '& .via': {
    ...theme.typography.caption,
    flexShrink: 0,
    fontFamily: 'monospace',
    color: theme.palette.text.secondary,
  },
  '& .marker': {
    ...theme.typography.caption,
    flexShrink: 0,
    padding: theme.spacing(0, 0.75),
    borderRadius: theme.shape.borderRadius,
    border: `1px solid ${theme.palette.divider}`,
    color: theme.palette.text.secondary,
    whiteSpace: 'nowrap',
    cursor: 'help',
  },
}));

/** One action: a check box named by the action, its description and whether it takes resources. */
export const ActionRow = memo(function ActionRow({
  idBase,
  service,
  name,
  detail,
  checked,
  coveredBy,
  readOnly,
  tabbable,
  onToggle,
}: ActionRowProps) {
  const inputId = `${idBase}-${name}`;
  const descriptionId = `${inputId}-description`;
  const wildcardOnly = detail?.wildcardOnly === true;
  const inert = readOnly || coveredBy !== undefined;
  return (
    <Row>
      <Checkbox
        size="small"
        id={inputId}
        checked={checked}
        disabled={inert}
        disableRipple
        onChange={(e) => onToggle(name, e.target.checked)}
        slotProps={{ input: { 'aria-describedby': descriptionId, tabIndex: tabbable ? 0 : -1 } }}
      />
      <div className="text">
        <label
          htmlFor={inputId}
          className={inert ? 'name inert' : 'name'}
          title={coveredBy ? `Covered by ${coveredBy}` : undefined}
        >
          {name}
        </label>
        <div id={descriptionId} className="description" title={detail?.description}>
          {detail ? detail.description || `${service}:${name}` : '\u00a0'}
          {wildcardOnly && <span style={visuallyHidden}>. Supports only all resources (*)</span>}
          {coveredBy && <span style={visuallyHidden}>. Covered by {coveredBy}</span>}
        </div>
      </div>
      {coveredBy && (
        <span className="via" title={`Covered by ${coveredBy}`} aria-hidden>
          via {coveredBy}
        </span>
      )}
      {wildcardOnly && (
        <span className="marker" title="Supports only all resources (*)" aria-hidden>
          * only
        </span>
      )}
    </Row>
  );
});
