import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { memo, useState } from 'react';

export interface NotActionSectionProps {
  readonly notAction: boolean;
  readonly effect: 'Allow' | 'Deny';
  readonly serviceName: string;
  readonly readOnly: boolean;
  readonly onChange: (notAction: boolean) => void;
}

/** Advanced: "Exclude these actions (NotAction)", with what it means for this block. */
export const NotActionSection = memo(function NotActionSection({
  notAction,
  effect,
  serviceName,
  readOnly,
  onChange,
}: NotActionSectionProps) {
  const [expanded, setExpanded] = useState(notAction);
  const verb = effect === 'Deny' ? 'Deny' : 'Allow';
  return (
    <Accordion
      disableGutters
      variant="outlined"
      expanded={expanded || notAction}
      onChange={(_, open) => setExpanded(open)}
      slotProps={{ transition: { unmountOnExit: true } }}
      sx={{ '&::before': { display: 'none' } }}
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          Advanced
        </Typography>
      </AccordionSummary>
      <AccordionDetails sx={{ pt: 0 }}>
        <FormControlLabel
          control={
            <Switch checked={notAction} disabled={readOnly} onChange={(e) => onChange(e.target.checked)} />
          }
          label="Exclude these actions (NotAction)"
        />
        <Typography variant="body2" color="text.secondary" sx={{ mb: notAction ? 1 : 0 }}>
          {verb} all actions except the selected {serviceName} actions. NotAction matches every action of
          every AWS service that is not listed, not only {serviceName}&apos;s, including actions AWS adds
          later.
        </Typography>
        {notAction && effect === 'Allow' && (
          <Alert severity="warning">
            Allow with NotAction is a security finding: it grants everything else in AWS. List the actions to
            allow instead, or use NotAction with Deny (for example, to deny everything except {serviceName}).
          </Alert>
        )}
      </AccordionDetails>
    </Accordion>
  );
});
