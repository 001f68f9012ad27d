import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useDraftSync } from '../../editor/useEditor';

/** Shown when another tab of this browser saved a different draft: the user chooses which to keep. */
export function OtherTabBanner() {
  const { conflict, takeOther, keepMine } = useDraftSync();
  if (!conflict) return null;
  const when = new Date(conflict.other.savedAt);
  const time = Number.isNaN(when.getTime()) ? '' : ` at ${when.toLocaleTimeString()}`;
  return (
    <Alert severity="warning" role="alert" aria-label="Draft changed in another tab">
      <AlertTitle>This draft was changed in another tab</AlertTitle>
      Another tab saved a different version of the draft{time}. This tab stopped saving so that neither is lost: choose
      which one to keep.
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button size="small" variant="outlined" color="inherit" onClick={takeOther}>
          Load the other tab's draft
        </Button>
        <Button size="small" variant="outlined" color="inherit" onClick={keepMine}>
          Keep this tab's draft
        </Button>
      </Stack>
    </Alert>
  );
}
