import BlockIcon from '@mui/icons-material/Block';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import Tooltip from '@mui/material/Tooltip';
import { Suspense, useState } from 'react';
import { selectTextValid, useEditorSelector } from '../../editor/useEditor';
import { lazyWithPreload } from '../common/lazyWithPreload';
import { LoadingFeature } from '../common/LoadingFeature';

const excludeServiceDialog = lazyWithPreload(() => import('./ExcludeServiceDialog').then((m) => m.ExcludeServiceDialog));

/** The toolbar's "Exclude a service" action and its dialog. */
export function ExcludeServiceButton() {
  const textValid = useEditorSelector(selectTextValid);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | undefined>(undefined);
  return (
    <>
      <Tooltip title={textValid ? 'Remove one service’s permissions from the policy' : 'Fix the JSON syntax error first'}>
        <span>
          <Button
            startIcon={<BlockIcon />}
            disabled={!textValid}
            onClick={() => setOpen(true)}
            onPointerEnter={excludeServiceDialog.preload}
            onFocus={excludeServiceDialog.preload}
          >
            Exclude a service
          </Button>
        </span>
      </Tooltip>
      {open && (
        <Suspense fallback={<LoadingFeature label="Loading the exclude dialog" />}>
          <excludeServiceDialog.Component open={open} onClose={() => setOpen(false)} onDone={setMessage} />
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
