/**
 * "Compare with IAM": when connected to an account, sends the panel's requests to IAM's
 * SimulateCustomPolicy and shows, per request, IAM's decision, ours, and whether they agree (or
 * why the request is not comparable). Offline the button is disabled and says why.
 */
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useRef, useState } from 'react';
import { call, isAbortError, toApiError, type ApiError } from '../../api/client';
import type { SimulationResultInfo } from '../../api/contract';
import { useAccountRefresh } from '../account/accountQueries';
import { currentSession, notConnectedReason } from '../account/sessionStore';
import { useSession } from '../account/useSession';
import { compare, comparisonSummary, type Agreement, type ComparisonPlan } from './iamComparison';
import { DECISION_LABELS } from './explain';
import { resourceHeaders } from './options';
import type { ScenarioRun } from './simulation';

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';
const ROW_LIMIT = 200;

const AGREEMENT_COLORS: Readonly<Record<Agreement, 'success.main' | 'error.main' | 'text.secondary'>> = {
  agrees: 'success.main',
  differs: 'error.main',
  'not-comparable': 'text.secondary',
};

type Answer =
  | { readonly key: string; readonly status: 'pending' }
  | { readonly key: string; readonly status: 'done'; readonly results: readonly SimulationResultInfo[] }
  | { readonly key: string; readonly status: 'failed'; readonly error: ApiError };

export interface CompareWithIamProps {
  readonly run: ScenarioRun;
  readonly plan: ComparisonPlan;
}

export function CompareWithIam({ run, plan }: CompareWithIamProps) {
  const { state } = useSession();
  const session = currentSession(state);
  const offline = notConnectedReason(state);
  const { failed } = useAccountRefresh();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const current = answer !== null && answer.key === plan.key ? answer : null;
  const comparison = useMemo(
    () => (current?.status === 'done' ? compare(run, plan, current.results) : null),
    [current, run, plan],
  );

  const start = () => {
    const input = plan.input;
    if (!input) return;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const key = plan.key;
    setAnswer({ key, status: 'pending' });
    call('simulateCustomPolicy', input, { signal: abort.signal }).then(
      (out) => {
        if (!abort.signal.aborted) setAnswer({ key, status: 'done', results: out.results });
      },
      (error: unknown) => {
        if (abort.signal.aborted || isAbortError(error)) return;
        const apiError = toApiError(error);
        failed(apiError);
        setAnswer({ key, status: 'failed', error: apiError });
      },
    );
  };

  const why = offline
    ? `${offline.message} ${offline.hint}`
    : plan.input === undefined
      ? `Nothing can be compared: ${plan.blocked ?? [...plan.excluded.values()][0] ?? 'there is no request'}.`
      : undefined;
  const where = session?.label ?? 'the account';
  const headers = useMemo(() => {
    const list = resourceHeaders(run.resources);
    return new Map(run.resources.map((r, i) => [r, list[i] ?? r]));
  }, [run.resources]);

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Button
          variant="outlined"
          size="small"
          startIcon={current?.status === 'pending' ? <CircularProgress size={16} /> : <CompareArrowsIcon />}
          disabled={why !== undefined || current?.status === 'pending'}
          onClick={start}
          aria-describedby="compare-with-iam-why"
        >
          Compare with IAM
        </Button>
        <Typography id="compare-with-iam-why" variant="caption" color="text.secondary" sx={{ flex: 1, minWidth: 200 }}>
          {why ??
            (current?.status === 'pending'
              ? `Asking IAM’s policy simulator (SimulateCustomPolicy) in ${where}…`
              : answer !== null && current === null
                ? 'The requests changed since the last comparison: compare again.'
                : `Sends these requests to IAM’s policy simulator (SimulateCustomPolicy) in ${where}; nothing in the account changes.`)}
        </Typography>
      </Stack>
      {current?.status === 'failed' && (
        <Alert severity="error" role="alert">
          IAM could not simulate the requests: {current.error.message}
          {current.error.hint ? ` ${current.error.hint}` : ''}
        </Alert>
      )}
      {comparison && (
        <>
          <Typography variant="body2" role="status" aria-label="Comparison with IAM">
            {comparisonSummary(comparison)}
          </Typography>
          <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 320 }}>
            <Table size="small" stickyHeader aria-label="IAM’s decisions beside ours">
              <TableHead>
                <TableRow>
                  <TableCell>Action</TableCell>
                  <TableCell>Resource</TableCell>
                  <TableCell>IAM</TableCell>
                  <TableCell>Ours</TableCell>
                  <TableCell>Agreement</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {comparison.requests.slice(0, ROW_LIMIT).map((r) => (
                  <TableRow key={`${r.action}\n${r.resource}`}>
                    <TableCell sx={{ fontFamily: MONO, fontSize: 12, whiteSpace: 'nowrap' }}>{r.action}</TableCell>
                    <TableCell title={r.resource} sx={{ fontFamily: MONO, fontSize: 12, whiteSpace: 'nowrap' }}>
                      {headers.get(r.resource) ?? r.resource}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.iam ? DECISION_LABELS[r.iam] : '—'}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{DECISION_LABELS[r.ours]}</TableCell>
                    <TableCell sx={{ color: AGREEMENT_COLORS[r.agreement], fontWeight: r.agreement === 'differs' ? 600 : 400 }}>
                      {r.agreement === 'agrees' ? 'Agrees' : r.agreement === 'differs' ? 'Differs' : `Not comparable (${r.reason ?? ''})`}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {comparison.requests.length > ROW_LIMIT && (
            <Typography variant="caption" color="text.secondary">
              Showing the first {ROW_LIMIT} of {comparison.requests.length} requests.
            </Typography>
          )}
        </>
      )}
    </Stack>
  );
}
