import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useId } from 'react';
import type { LevelChoice } from './wildcardEdits';

export interface LevelOfferProps {
  readonly choice: LevelChoice;
  readonly readOnly: boolean;
  /** write the level as choice.wildcards */
  readonly onWildcards: () => void;
  /** keep the explicit list (closes the offer) */
  readonly onKeep: () => void;
}

function characters(n: number): string {
  return `${n.toLocaleString()} character${n === 1 ? '' : 's'}`;
}

/**
 * After a whole access level is ticked: the explicit list it wrote (exact today) or a level-safe
 * wildcard set (shorter), each with its size in the policy.
 */
export function LevelOffer({ choice, readOnly, onWildcards, onKeep }: LevelOfferProps) {
  const headingId = useId();
  const { level, explicit, explicitSize, wildcards, wildcardSize } = choice;
  return (
    <Alert severity="info" variant="outlined" icon={false} role="region" aria-labelledby={headingId}>
      <Box id={headingId} sx={{ fontWeight: 600, mb: 0.5 }}>
        How to write the {explicit.length} {level} actions
      </Box>
      <Box sx={{ mb: 1 }}>
        Listed one by one, they match exactly today’s {level} actions ({characters(explicitSize)}). The
        level-safe wildcards{' '}
        <Box component="span" sx={{ fontFamily: 'monospace', wordBreak: 'break-word' }}>
          {wildcards.join(', ')}
        </Box>{' '}
        are shorter ({characters(wildcardSize)}): today each matches {level} actions only, and they also match
        actions AWS adds later whose names fit.
      </Box>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        <Button size="small" variant="outlined" onClick={onKeep}>
          Keep the explicit list ({characters(explicitSize)})
        </Button>
        <Button size="small" variant="outlined" disabled={readOnly} onClick={onWildcards}>
          Use level-safe wildcards ({characters(wildcardSize)})
        </Button>
      </Stack>
    </Alert>
  );
}
