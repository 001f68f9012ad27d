import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useMemo } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import { useEditorDispatch, useEditorState } from '../../editor/useEditor';
import type { Finding } from '../../policy/model';
import { removeRetiredActions } from '../../policy/retired';
import { serializeDocument } from '../../policy/serialize';

/**
 * "Remove the N actions of retired services": IAM accepts them, but they grant nothing. One undoable
 * change; blocks of other statements keep their identity (the text goes through the reducer's
 * content matching).
 */
export function RetiredServicesFix({ findings }: { findings: readonly Finding[] }) {
  const state = useEditorState();
  const dispatch = useEditorDispatch();
  const { view } = useCatalog();
  const retired = findings.some((f) => f.code === 'retired-service');
  const removal = useMemo(() => (retired ? removeRetiredActions(state.document, view) : null), [retired, state.document, view]);
  if (!removal || removal.removed === 0) return null;
  const names = removal.services.join(', ');
  return (
    <Alert
      severity="warning"
      role="region"
      aria-label="Retired services"
      sx={{ m: 1 }}
      action={
        <Button
          color="inherit"
          size="small"
          disabled={!state.textValid}
          onClick={() => dispatch({ type: 'setText', text: serializeDocument(removal.document, { format: 'pretty' }) })}
        >
          Remove the {removal.removed} actions
        </Button>
      }
    >
      {removal.removed} action{removal.removed === 1 ? '' : 's'} of retired services ({names}) grant nothing any more.
    </Alert>
  );
}
