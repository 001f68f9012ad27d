import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { OtherArn } from './resourceTypes';

export interface OtherArnsProps {
  readonly items: readonly OtherArn[];
  /** why these are listed apart */
  readonly note: string;
  readonly onRemove: (index: number) => void;
  readonly readOnly: boolean;
}

/** Resource values that fit none of the resource types shown: listed, kept, removable. */
export function OtherArns({ items, note, onRemove, readOnly }: OtherArnsProps) {
  if (items.length === 0) return null;
  return (
    <Box role="group" aria-label="Other ARNs" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, px: 1.5, py: 1 }}>
      <Typography variant="subtitle2" component="h4">
        Other ARNs
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        {note}
      </Typography>
      <List dense disablePadding>
        {items.map((item) => (
          <ListItem
            key={item.index}
            disableGutters
            secondaryAction={
              <Tooltip title="Remove this ARN">
                <span>
                  <IconButton edge="end" size="small" aria-label={`Remove ${item.arn}`} disabled={readOnly} onClick={() => onRemove(item.index)}>
                    <DeleteOutlineIcon fontSize="small" />
                  </IconButton>
                </span>
              </Tooltip>
            }
          >
            <ListItemText
              primary={item.arn}
              secondary={item.serviceType ? `A ${item.serviceType} ARN: none of the chosen actions takes this resource type` : undefined}
              slotProps={{ primary: { sx: { fontFamily: 'monospace', wordBreak: 'break-all' } } }}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
