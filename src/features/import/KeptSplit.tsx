import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import type { SplitSuccess } from '../../policy/split';
import { formatCount } from './managedPolicyFilter';
import { downloadParts } from './splitFiles';
import { SplitParts } from './SplitParts';

export interface KeptSplitProps {
  readonly split: SplitSuccess;
  readonly quota: number;
  readonly at: Date;
  readonly onDiscard: () => void;
  /** creates the parts in the account as one set */
  readonly onCreate?: () => void;
}

/** A split the user kept: its parts stay available (to download now, to create later) while editing goes on. */
export function KeptSplit({ split, quota, at, onDiscard, onCreate }: KeptSplitProps) {
  const [shown, setShown] = useState(false);
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return (
    <Alert
      severity="info"
      role="region"
      aria-label="Kept split"
      action={
        <Stack direction="row" spacing={1}>
          <Button color="inherit" size="small" onClick={() => setShown((v) => !v)} aria-expanded={shown}>
            {shown ? 'Hide' : 'Show'}
          </Button>
          <Button color="inherit" size="small" onClick={() => downloadParts(split.documents)}>
            Download all
          </Button>
          {onCreate && (
            <Button color="inherit" size="small" onClick={onCreate}>
              Create in the account…
            </Button>
          )}
          <Button color="inherit" size="small" onClick={onDiscard}>
            Discard
          </Button>
        </Stack>
      }
    >
      Kept from the split at {time}: {split.documents.length} policies of at most {formatCount(quota)} characters that
      together allow the same {formatCount(split.proof.allowedCount)} actions.
      <Collapse in={shown} unmountOnExit>
        <Box sx={{ mt: 1 }}>
          <SplitParts documents={split.documents} sizes={split.sizes} quota={quota} />
        </Box>
      </Collapse>
    </Alert>
  );
}
