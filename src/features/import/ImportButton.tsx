import FileUploadIcon from '@mui/icons-material/FileUpload';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { Suspense, useCallback, useState } from 'react';
import { lazyWithPreload } from '../common/lazyWithPreload';
import { LoadingFeature } from '../common/LoadingFeature';
import { FileDrop } from './FileDrop';
import type { ImportTab } from './ImportDialog';

// The dialog (managed policy list, paste, fit and split) loads on first use.
const importDialog = lazyWithPreload(() => import('./ImportDialog').then((m) => m.ImportDialog));

/** The toolbar's "Import" button, its dialog, and dropping a policy file anywhere on the editor. */
export function ImportButton() {
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<ImportTab>('managed');
  const [pasteText, setPasteText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);

  // The dialog is mounted only while open, so each opening starts fresh (a dropped file keeps it open).
  const onFile = useCallback((text: string, name: string) => {
    setPasteText(text);
    setFileName(name);
    setTab('paste');
    setOpen(true);
  }, []);
  const onDropError = useCallback((error: string) => setMessage(error), []);

  return (
    <>
      <Button
        startIcon={<FileUploadIcon />}
        onClick={() => setOpen(true)}
        onPointerEnter={importDialog.preload}
        onFocus={importDialog.preload}
      >
        Import
      </Button>
      <FileDrop onFile={onFile} onError={onDropError} />
      {open && (
        <Suspense fallback={<LoadingFeature label="Loading the import dialog" />}>
          <importDialog.Component
            open={open}
            onClose={() => setOpen(false)}
            tab={tab}
            onTabChange={setTab}
            pasteText={pasteText}
            onPasteTextChange={(text) => {
              setPasteText(text);
              setFileName(undefined);
            }}
            fileName={fileName}
            onFile={onFile}
            onImported={(text) => {
              setMessage(text);
              setPasteText('');
              setFileName(undefined);
            }}
          />
        </Suspense>
      )}
      <Snackbar
        open={message !== undefined}
        autoHideDuration={6000}
        onClose={() => setMessage(undefined)}
        message={message}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      />
    </>
  );
}
