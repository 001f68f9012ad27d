import LinkIcon from '@mui/icons-material/Link';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { lazyWithPreload } from '../common/lazyWithPreload';
import { LazyMount } from '../common/LazyMount';

const shareDialog = lazyWithPreload(() => import('./ShareDialog').then((m) => m.ShareDialog));

/** "Share link" in the policy toolbar. */
export function ShareLinkButton() {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <Button
        startIcon={<LinkIcon />}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
        onPointerEnter={shareDialog.preload}
        onFocus={shareDialog.preload}
      >
        Share link
      </Button>
      <LazyMount used={used} open={open} label="Loading the share dialog">
        <shareDialog.Component open={open} onClose={() => setOpen(false)} />
      </LazyMount>
    </>
  );
}
