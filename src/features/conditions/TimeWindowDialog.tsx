import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useId, useState } from 'react';
import { utcIsoFromInput } from './conditionValues';

export interface TimeWindowDialogProps {
  /** the current window's inputs ("2026-12-01T00:00"), when the block has one */
  readonly start: string;
  readonly end: string;
  readonly onSave: (start: string, end: string) => void;
  readonly onClose: () => void;
}

/** "Only within a time window": aws:CurrentTime after a start and before an end, in UTC. */
export function TimeWindowDialog({ start: initialStart, end: initialEnd, onSave, onClose }: TimeWindowDialogProps) {
  const [start, setStart] = useState(initialStart);
  const [end, setEnd] = useState(initialEnd);
  const [submitted, setSubmitted] = useState(false);
  const titleId = useId();
  const startIso = utcIsoFromInput(start);
  const endIso = utcIsoFromInput(end);
  const startProblem = !startIso ? 'Enter the start date and time' : undefined;
  const endProblem = !endIso ? 'Enter the end date and time' : startIso && endIso <= startIso ? 'The end must be after the start' : undefined;

  const save = () => {
    if (startProblem || endProblem || !startIso || !endIso) {
      setSubmitted(true);
      return;
    }
    onSave(startIso, endIso);
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>Only within a time window</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <DialogContentText>
            Requests are allowed only between these times (UTC). Writes DateGreaterThan and DateLessThan on aws:CurrentTime.
          </DialogContentText>
          <TextField
            type="datetime-local"
            size="small"
            label="Start (UTC)"
            value={start}
            autoFocus
            error={(submitted || start !== '') && Boolean(startProblem)}
            helperText={((submitted || start !== '') && startProblem) || (startIso ? `Written as ${startIso}` : ' ')}
            onChange={(e) => setStart(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            type="datetime-local"
            size="small"
            label="End (UTC)"
            value={end}
            error={(submitted || end !== '') && Boolean(endProblem)}
            helperText={((submitted || end !== '') && endProblem) || (endIso ? `Written as ${endIso}` : ' ')}
            onChange={(e) => setEnd(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={save}>
          Set time window
        </Button>
      </DialogActions>
    </Dialog>
  );
}
