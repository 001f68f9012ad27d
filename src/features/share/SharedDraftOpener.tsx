import Box from '@mui/material/Box';
import { AccessDiffView } from '../accessDiff/AccessDiffView';
import { useAccessDiff } from '../accessDiff/useAccessDiff';
import { parse } from '../../policy/parse';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Snackbar from '@mui/material/Snackbar';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { saveScenarios } from '../../editor/draftStorage';
import { selectDocument, selectNothing, useEditorDispatch, useEditorSelector, useEditorStore } from '../../editor/useEditor';
import type { DraftDecodeResult, SharedDraft } from '../export/formats/shareLink';
import { exportSettingsStore } from '../export/exportSettings';
import { KIND_LABELS } from '../../policy/iamLimits';
import { captureSharedDraft, clearPendingSharedDraft, pendingSharedDraft } from './incomingDraft';
import { hasUnsavedWork } from './unsavedWork';

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'error'; readonly message: string; readonly closed?: boolean }
  | { readonly kind: 'confirm'; readonly draft: SharedDraft; readonly closed?: boolean }
  | { readonly kind: 'load'; readonly draft: SharedDraft };

function stepFor(incoming: DraftDecodeResult | null, currentText: string): Step {
  if (!incoming) return { kind: 'idle' };
  if (!incoming.ok) return { kind: 'error', message: incoming.error };
  return hasUnsavedWork(currentText, incoming.draft.text)
    ? { kind: 'confirm', draft: incoming.draft }
    : { kind: 'load', draft: incoming.draft };
}

/**
 * Opens the draft of a share link: the one the page was opened with, or one pasted into the
 * address bar of an open workbench (only the fragment changes then: a hashchange, no reload).
 * Directly when the current draft holds no work, after asking otherwise. A damaged link leaves
 * the draft as it is and says why.
 */
export function SharedDraftOpener() {
  const store = useEditorStore();
  const dispatch = useEditorDispatch();
  const [step, setStep] = useState<Step>(() => stepFor(pendingSharedDraft(), store.state.text));
  const [opened, setOpened] = useState(false);
  const [openedMessage, setOpenedMessage] = useState('');
  const handled = useRef<Step | null>(null);

  useEffect(() => {
    const onHashChange = () => {
      const incoming = captureSharedDraft();
      if (incoming) setStep(stepFor(incoming, store.state.text));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [store]);

  const open = useCallback(
    (draft: SharedDraft, replaced: boolean) => {
      clearPendingSharedDraft();
      dispatch({ type: 'loadText', text: draft.text, kind: draft.kind, label: 'Open shared policy' });
      exportSettingsStore.update({ name: draft.name.length > 0 ? draft.name : null });
      if (draft.scenarios !== undefined) saveScenarios(draft.scenarios);
      setOpenedMessage(
        replaced ? 'Opened the shared policy. Undo brings back your previous draft.' : 'Opened the shared policy.',
      );
      setOpened(true);
    },
    [dispatch],
  );

  // a link that replaces no work opens at once (once per link, also when effects run twice)
  useEffect(() => {
    if (step.kind !== 'load' || handled.current === step) return;
    handled.current = step;
    open(step.draft, false);
    setStep({ kind: 'idle' });
  }, [step, open]);

  const dismiss = () => {
    clearPendingSharedDraft();
    setStep((current) => (current.kind === 'confirm' || current.kind === 'error' ? { ...current, closed: true } : current));
  };

  const confirmOpen = () => {
    if (step.kind !== 'confirm' || step.closed) return;
    open(step.draft, true);
    setStep({ ...step, closed: true });
  };

  const draft = step.kind === 'confirm' ? step.draft : null;
  const sharedDocument = useMemo(
    () => (draft && !(step.kind === 'confirm' && step.closed) ? (parse(draft.text).model?.document ?? undefined) : undefined),
    [draft, step],
  );
  // the draft's document only while the question is open (typing does not re-render this otherwise)
  const current = useEditorSelector(sharedDocument ? selectDocument : selectNothing);
  const accessChange = useAccessDiff(current, sharedDocument);
  return (
    <>
      <Dialog open={step.kind === 'confirm' && !step.closed} onClose={dismiss} aria-labelledby="open-shared-title">
        <DialogTitle id="open-shared-title">Open the shared policy?</DialogTitle>
        <DialogContent>
          <DialogContentText>It will replace your current draft; Undo brings it back.</DialogContentText>
          {draft && (
            <DialogContentText sx={{ mt: 1 }}>
              Shared: {draft.name ? <strong>{draft.name}</strong> : 'an unnamed policy'} ({KIND_LABELS[draft.kind].toLowerCase()},{' '}
              {draft.text.length.toLocaleString('en-US')} characters).
            </DialogContentText>
          )}
          {sharedDocument !== undefined && (
            <Box sx={{ mt: 1 }}>
              <AccessDiffView diff={accessChange} pending label="Access of the shared policy compared with your draft" />
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={dismiss}>Keep my draft</Button>
          <Button variant="contained" onClick={confirmOpen}>
            Open
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={step.kind === 'error' && !step.closed} onClose={dismiss} aria-labelledby="shared-error-title">
        <DialogTitle id="shared-error-title">The share link could not be opened</DialogTitle>
        <DialogContent>
          <Alert severity="error">{step.kind === 'error' ? step.message : ''}</Alert>
          <DialogContentText sx={{ mt: 2 }}>Your draft was not changed.</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={dismiss}>
            OK
          </Button>
        </DialogActions>
      </Dialog>
      <Snackbar
        open={opened}
        autoHideDuration={5000}
        onClose={() => setOpened(false)}
        message={openedMessage}
      />
    </>
  );
}
