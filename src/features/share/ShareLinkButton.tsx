import LinkIcon from '@mui/icons-material/Link';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { ShareDialog } from './ShareDialog';

/** "Share link" in the policy toolbar. */
export function ShareLinkButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button startIcon={<LinkIcon />} onClick={() => setOpen(true)}>
        Share link
      </Button>
      <ShareDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
