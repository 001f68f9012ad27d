/** The results: a table of decisions (actions × resources), and the chosen one explained. */
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircleOutlined';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import LightbulbOutlinedIcon from '@mui/icons-material/LightbulbOutlined';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutlineOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useMemo, useState, type ReactNode } from 'react';
import type { Decision, PolicyScope } from '../../policy/evaluate/types';
import { DECISION_LABELS, explain, isDraftStatement, type LineTone, type StatementRef } from './explain';
import { resourceHeaders } from './options';
import type { Cell, SimulationRun } from './simulation';

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';
const ROW_LIMIT = 200;

const DECISION_COLORS: Readonly<Record<Decision, 'success' | 'error' | 'warning'>> = {
  allowed: 'success',
  'explicit-deny': 'error',
  'implicit-deny': 'warning',
};

function DecisionIcon({ decision }: { decision: Decision }) {
  if (decision === 'allowed') return <CheckCircleIcon fontSize="small" />;
  if (decision === 'explicit-deny') return <BlockIcon fontSize="small" />;
  return <RemoveCircleOutlineIcon fontSize="small" />;
}

const TONE_ICONS: Readonly<Record<LineTone, ReactNode>> = {
  allow: <CheckCircleIcon fontSize="small" color="success" />,
  deny: <BlockIcon fontSize="small" color="error" />,
  condition: <HelpOutlineIcon fontSize="small" color="warning" />,
  change: <LightbulbOutlinedIcon fontSize="small" color="info" />,
  note: <InfoOutlinedIcon fontSize="small" color="disabled" />,
};


type Filter = 'all' | 'allowed' | 'denied';

export interface ResultsProps {
  readonly run: SimulationRun;
  readonly resources: readonly string[];
  readonly draftAs: PolicyScope;
  /** reveals statement `index` (0-based) of the draft in the blocks and the JSON */
  readonly onRevealStatement: (index: number) => void;
}

export function Results({ run, resources, draftAs, onRevealStatement }: ResultsProps) {
  const [chosen, setChosen] = useState<{ action: string; resource: string } | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const rows = useMemo(
    () =>
      filter === 'all'
        ? run.rows
        : run.rows.filter((row) => row.some((c) => (filter === 'allowed') === (c.result.decision === 'allowed'))),
    [run.rows, filter],
  );
  const all = run.rows.flat();
  const headers = useMemo(() => resourceHeaders(resources), [resources]);
  const selected: Cell | undefined =
    (chosen && all.find((c) => c.action === chosen.action && c.resource === chosen.resource)) || all[0];

  if (all.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
        Choose one or more actions to see whether the policies allow them.
      </Typography>
    );
  }
  const { counts } = run;
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="body2" role="status" aria-label="Decisions" sx={{ flex: 1, minWidth: 240 }}>
          <strong>{counts.allowed}</strong> allowed · <strong>{counts['explicit-deny']}</strong> explicit deny ·{' '}
          <strong>{counts['implicit-deny']}</strong> implicit deny
        </Typography>
        {run.rows.length > 1 && (
          <ToggleButtonGroup size="small" exclusive value={filter} onChange={(_, v: Filter | null) => v && setFilter(v)} aria-label="Show">
            <ToggleButton value="all">All</ToggleButton>
            <ToggleButton value="allowed">Allowed</ToggleButton>
            <ToggleButton value="denied">Denied</ToggleButton>
          </ToggleButtonGroup>
        )}
      </Stack>
      <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 320 }}>
        <Table size="small" stickyHeader aria-label="Simulation results">
          <TableHead>
            <TableRow>
              <TableCell>Action</TableCell>
              {resources.map((r, i) => (
                <TableCell key={r} title={r} sx={{ fontFamily: MONO, fontSize: 12, whiteSpace: 'nowrap' }}>
                  {headers[i]}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.slice(0, ROW_LIMIT).map((row) => {
              const action = row[0]?.action ?? '';
              return (
                <TableRow key={action} hover>
                  <TableCell sx={{ fontFamily: MONO, fontSize: 13, whiteSpace: 'nowrap' }}>{action}</TableCell>
                  {row.map((c) => {
                    const isSelected = c === selected;
                    const label = DECISION_LABELS[c.result.decision];
                    return (
                      <TableCell key={c.resource} sx={{ py: 0.25 }}>
                        <Button
                          size="small"
                          color={DECISION_COLORS[c.result.decision]}
                          variant={isSelected ? 'contained' : 'text'}
                          disableElevation
                          startIcon={<DecisionIcon decision={c.result.decision} />}
                          aria-pressed={isSelected}
                          aria-label={`${label}: ${c.action} on ${c.resource}`}
                          onClick={() => setChosen({ action: c.action, resource: c.resource })}
                          sx={{ whiteSpace: 'nowrap', textTransform: 'none' }}
                        >
                          {label}
                        </Button>
                      </TableCell>
                    );
                  })}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {rows.length > ROW_LIMIT && (
        <Typography variant="caption" color="text.secondary">
          Showing the first {ROW_LIMIT} of {rows.length} actions: filter by decision, or choose fewer actions.
        </Typography>
      )}
      {selected && <Explanation cell={selected} draftAs={draftAs} onRevealStatement={onRevealStatement} />}
    </Stack>
  );
}

function Explanation({
  cell,
  draftAs,
  onRevealStatement,
}: {
  cell: Cell;
  draftAs: PolicyScope;
  onRevealStatement: (index: number) => void;
}) {
  const lines = useMemo(() => explain(cell.result, cell.action, cell.resource, draftAs), [cell, draftAs]);
  const decision = cell.result.decision;
  return (
    <Paper variant="outlined" component="section" aria-label="Why" sx={{ p: 1.5 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', rowGap: 0.5 }}>
        <Chip
          size="small"
          color={DECISION_COLORS[decision]}
          icon={<DecisionIcon decision={decision} />}
          label={DECISION_LABELS[decision]}
        />
        <Typography variant="body2" sx={{ fontFamily: MONO, overflowWrap: 'anywhere', flex: 1 }}>
          {cell.action} on {cell.resource}
        </Typography>
      </Stack>
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {lines.map((line, i) => (
          <Box component="li" key={i} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', py: 0.5 }}>
            <Box sx={{ pt: '2px', display: 'flex' }}>{TONE_ICONS[line.tone]}</Box>
            <Typography variant="body2" sx={{ flex: 1, overflowWrap: 'anywhere' }}>
              {line.text}
            </Typography>
            {isDraftStatement(line.statement) && (
              <RevealButton statement={line.statement} onReveal={onRevealStatement} />
            )}
          </Box>
        ))}
      </Box>
    </Paper>
  );
}

function RevealButton({ statement, onReveal }: { statement: StatementRef; onReveal: (index: number) => void }) {
  return (
    <Button
      size="small"
      sx={{ flexShrink: 0, py: 0 }}
      aria-label={`Show statement ${statement.index + 1} in the policy`}
      onClick={() => onReveal(statement.index)}
    >
      Show
    </Button>
  );
}
