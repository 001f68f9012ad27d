import IosShareIcon from '@mui/icons-material/IosShare';
import Button from '@mui/material/Button';
import { lazy, Suspense, useState } from 'react';

// The exporters (and js-yaml) load with the dialog, not with the app.
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));

/** "Export" in the policy toolbar: opens the export dialog. */
export function ExportButton() {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <Button
        startIcon={<IosShareIcon />}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        Export
      </Button>
      {used && (
        <Suspense fallback={null}>
          <ExportDialog open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
