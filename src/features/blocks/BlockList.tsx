import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useEffect, useRef } from 'react';
import { modelOfDocument } from '../../editor/EditorProvider';
import { useEditorDispatch, useRenderedState } from '../../editor/useEditor';
import { Block } from './Block';
import { TooBigAlert } from '../import/TooBigAlert';
import { scrollBlockIntoView } from './scrollBlockIntoView';

/** Every statement as a permission block, and "Add additional permissions". */
export function BlockList() {
  // Typing in the JSON view: the blocks follow in the reducer's transition, which the next key may
  // interrupt, so a big policy never makes a key wait. A visual edit shows at once.
  const state = useRenderedState();
  const dispatch = useEditorDispatch();
  const model = modelOfDocument(state.document);
  // ids[i] names the i-th Statement entry; entries that are not objects have no view and no block.
  const viewAt = new Map(model.statements.map((view) => [view.index, view]));
  const notAPolicy =
    typeof model.document !== 'object' || model.document === null || Array.isArray(model.document);
  // the block "Add additional permissions" made: shown and focused once it is on the page
  const added = useRef<string | undefined>(undefined);
  useEffect(() => {
    const id = added.current;
    const index = id === undefined ? -1 : state.ids.indexOf(id);
    if (index < 0 || !viewAt.has(index)) return;
    added.current = undefined;
    requestAnimationFrame(() => scrollBlockIntoView(index, { focusService: true }));
  });
  return (
    <Stack spacing={2} component="section" aria-label="Permission blocks">
      {!state.textValid && (
        <Alert severity="warning" role="alert">
          The JSON has a syntax error, so the visual editor shows the last valid policy and is read-only. Your
          text is kept exactly as typed; fix it in the JSON view to continue here.
        </Alert>
      )}
      {notAPolicy && (
        <Alert severity="error">
          This document is not a policy object the visual editor can show. Edit it in the JSON view.
        </Alert>
      )}
      <TooBigAlert />
      {state.ids.length > 1 && (
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          <Button size="small" onClick={() => dispatch({ type: 'setAllCollapsed', collapsed: true })}>
            Collapse all blocks
          </Button>
          <Button size="small" onClick={() => dispatch({ type: 'setAllCollapsed', collapsed: false })}>
            Expand all blocks
          </Button>
        </Stack>
      )}
      {state.ids.map((id, index) => {
        const statement = viewAt.get(index);
        if (!statement) return null;
        return (
          <Block
            key={id}
            id={id}
            index={index}
            count={state.ids.length}
            statement={statement}
            meta={state.meta[id]}
            readOnly={!state.textValid}
          />
        );
      })}
      <Button
        variant="outlined"
        startIcon={<AddIcon />}
        onClick={() => {
          // the new block is where the user works now: the others collapse
          added.current = `b${state.nextId}`;
          dispatch({ type: 'addBlock', collapseOthers: true });
        }}
        disabled={!state.textValid}
        sx={{ alignSelf: 'flex-start' }}
      >
        Add additional permissions
      </Button>
    </Stack>
  );
}
