import NoteAddIcon from '@mui/icons-material/NoteAdd';
import RedoIcon from '@mui/icons-material/Redo';
import UndoIcon from '@mui/icons-material/Undo';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import FormControl from '@mui/material/FormControl';
import IconButton from '@mui/material/IconButton';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { useEffect, useState } from 'react';
import { selectKind, selectSize, useAnalysisSelector, useEditorDispatch, useEditorSelector } from '../../editor/useEditor';
import { newPolicyDocument, type EditorState } from '../../editor/policyReducer';
import type { PolicyKind } from '../../policy/model';
import { ExportButtons } from '../export/ExportButtons';
import { ExportButton } from '../export/ExportButton';
import { PrintReview } from '../export/PrintReview';
import { ShareLinkButton } from '../share/ShareLinkButton';
import { SharedDraftOpener } from '../share/SharedDraftOpener';
import { FindingCounts } from '../findings/FindingCounts';
import { ExcludeServiceButton } from '../import/ExcludeServiceButton';
import { ImportButton } from '../import/ImportButton';
import { SizeMeter } from './SizeMeter';
import { KIND_LABELS } from '../../policy/iamLimits';


const selectCanUndo = (state: EditorState) => state.past.length > 0;
const selectCanRedo = (state: EditorState) => state.future.length > 0;

function PolicySizeMeter() {
  return <SizeMeter size={useAnalysisSelector(selectSize)} />;
}

/** The policy's header: kind (sets the quota), size, findings, undo and redo, new, copy and download. */
export function PolicyToolbar() {
  // Selected one by one: typing re-renders the size meter alone, not the toolbar.
  const kind = useEditorSelector(selectKind);
  const canUndo = useEditorSelector(selectCanUndo);
  const canRedo = useEditorSelector(selectCanRedo);
  const dispatch = useEditorDispatch();
  const [confirmNew, setConfirmNew] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const target = e.target as HTMLElement | null;
      // Monaco handles its own keys (and forwards undo/redo to us); plain inputs keep their own undo.
      if (target?.closest('.monaco-editor') || target?.tagName === 'INPUT' || target?.tagName === 'TEXTAREA') return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        dispatch({ type: 'undo' });
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        dispatch({ type: 'redo' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch]);

  const startNew = () => {
    dispatch({ type: 'replaceDocument', document: newPolicyDocument(), label: 'New policy' });
    setConfirmNew(false);
  };

  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      component="nav"
      aria-label="Policy"
      sx={{ px: 2, py: 1, alignItems: 'center', flexWrap: 'wrap', rowGap: 1, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}
    >
      <FormControl size="small" sx={{ minWidth: 220 }}>
        <InputLabel id="policy-kind-label">Policy kind</InputLabel>
        <Select
          labelId="policy-kind-label"
          label="Policy kind"
          value={kind}
          onChange={(e) => dispatch({ type: 'setKind', kind: e.target.value as PolicyKind })}
        >
          {(Object.keys(KIND_LABELS) as PolicyKind[]).map((k) => (
            <MenuItem key={k} value={k}>
              {KIND_LABELS[k]}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <PolicySizeMeter />
      {/* the chips wrap on a narrow screen rather than widening the page */}
      <Box sx={{ minWidth: 0, maxWidth: '100%', '& > [role="group"]': { flexWrap: 'wrap', gap: 0.5, '& > *': { m: 0 } } }}>
        <FindingCounts />
      </Box>
      <Stack
        direction="row"
        spacing={0.5}
        useFlexGap
        // From md up the buttons stay on one line: the group moves below the kind, size and
        // findings as a whole (two rows at 1280 px) instead of wrapping into rows of its own.
        sx={{
          flex: 1,
          justifyContent: 'flex-end',
          alignItems: 'center',
          flexWrap: { xs: 'wrap', md: 'nowrap' },
          rowGap: 0.5,
        }}
      >
        <Tooltip title="Undo (Ctrl+Z)">
          <span>
            <IconButton aria-label="Undo" disabled={!canUndo} onClick={() => dispatch({ type: 'undo' })}>
              <UndoIcon />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title="Redo (Ctrl+Shift+Z)">
          <span>
            <IconButton aria-label="Redo" disabled={!canRedo} onClick={() => dispatch({ type: 'redo' })}>
              <RedoIcon />
            </IconButton>
          </span>
        </Tooltip>
        <Divider orientation="vertical" flexItem />
        <Button startIcon={<NoteAddIcon />} onClick={() => setConfirmNew(true)}>
          New policy
        </Button>
        <ImportButton />
        <ExcludeServiceButton />
        <Divider orientation="vertical" flexItem />
        <ExportButtons />
        <ExportButton />
        <ShareLinkButton />
      </Stack>
      <Dialog open={confirmNew} onClose={() => setConfirmNew(false)} aria-labelledby="new-policy-title">
        <DialogTitle id="new-policy-title">Start a new policy?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            The current draft will be replaced by an empty policy. You can still get it back with Undo.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmNew(false)}>Cancel</Button>
          <Button color="error" variant="contained" onClick={startNew}>
            Discard and start new
          </Button>
        </DialogActions>
      </Dialog>
      <SharedDraftOpener />
      <PrintReview />
    </Stack>
  );
}
