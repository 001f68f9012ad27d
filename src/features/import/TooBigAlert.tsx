import CallSplitIcon from '@mui/icons-material/CallSplit';
import CompressIcon from '@mui/icons-material/Compress';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Suspense, useState } from 'react';
import {
  selectDocument,
  selectKind,
  selectNothing,
  selectSize,
  selectTextValid,
  useAnalysisSelector,
  useEditorSelector,
} from '../../editor/useEditor';
import type { SplitSuccess } from '../../policy/split';
import { fitTarget } from './fitTarget';
import { KeptSplit } from './KeptSplit';
import { formatCount } from './managedPolicyFilter';
import { useFitPlan } from './useFitPlan';
import { KIND_NOUNS } from '../../policy/iamLimits';
import { lazyWithPreload } from '../common/lazyWithPreload';
import { LoadingFeature } from '../common/LoadingFeature';

// The dialogs load on first use: most policies are never over their quota.
const compactDialog = lazyWithPreload(() => import('./CompactDialog').then((m) => m.CompactDialog));
const splitDialog = lazyWithPreload(() => import('./SplitDialog').then((m) => m.SplitDialog));
const createPolicySetDialog = lazyWithPreload(() =>
  import('../account/CreatePolicySetDialog').then((m) => m.CreatePolicySetDialog),
);

/**
 * Above the blocks when the draft is over its size quota: how compaction and a split would make
 * it fit (worked out in the background), and the two actions. Also shows a split the user kept.
 */
export function TooBigAlert() {
  // the document only while over the quota (the plan's input)
  const size = useAnalysisSelector(selectSize);
  const textValid = useEditorSelector(selectTextValid);
  const over = size.over && textValid;
  const kind = useEditorSelector(selectKind);
  const document = useEditorSelector(over ? selectDocument : selectNothing);
  const plan = useFitPlan(document ?? null, kind, over);
  const target = fitTarget(kind);
  const [dialog, setDialog] = useState<'compact' | 'split' | undefined>(undefined);
  const [kept, setKept] = useState<{ split: SplitSuccess; quota: number; at: Date } | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [creating, setCreating] = useState<{ split: SplitSuccess; quota: number } | undefined>(undefined);

  const split = plan.status === 'done' ? plan.split : undefined;
  const compaction = plan.status === 'done' ? plan.compaction : undefined;
  const parts = split?.ok ? split.documents.length : undefined;

  return (
    <>
      {kept && (
        <KeptSplit
          split={kept.split}
          quota={kept.quota}
          at={kept.at}
          onDiscard={() => setKept(undefined)}
          onCreate={() => setCreating({ split: kept.split, quota: kept.quota })}
        />
      )}
      {creating && (
        <Suspense fallback={<LoadingFeature label="Loading the policy set dialog" />}>
          <createPolicySetDialog.Component
            parts={creating.split.documents.map((document, i) => ({
              name: `part ${i + 1}`,
              document,
              size: creating.split.sizes[i] ?? 0,
            }))}
            quota={creating.quota}
            onClose={() => setCreating(undefined)}
          />
        </Suspense>
      )}
      {over && (
        <Alert severity="warning" aria-label="Over the size quota" role="region">
          <AlertTitle>Over the size quota</AlertTitle>
          <Typography variant="body2">
            This policy has {formatCount(size.size)} characters; {KIND_NOUNS[kind]} can have at most {formatCount(size.quota)}{' '}
            (IAM does not count whitespace).
          </Typography>
          {plan.status === 'working' && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
              <CircularProgress size={14} color="inherit" />
              <Typography variant="body2">Working out how to make it fit…</Typography>
            </Stack>
          )}
          {plan.status === 'failed' && <Typography variant="body2">Could not work out a fit: {plan.error}</Typography>}
          {compaction && compaction.after < compaction.before && (
            <Typography variant="body2">
              Compacting the wildcards brings it to {formatCount(compaction.after)} characters
              {compaction.after <= size.quota ? ', within the quota.' : ', still over the quota.'}
            </Typography>
          )}
          {split && !split.ok && <Typography variant="body2">It cannot be split: {split.message}</Typography>}
          {parts !== undefined && parts > 1 && (
            <Typography variant="body2">
              Splitting gives {parts} policies that together allow exactly the same actions.
            </Typography>
          )}
          {target.note && (
            <Typography variant="body2" color="text.secondary">
              {target.note}
            </Typography>
          )}
          <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
            <Button
              size="small"
              variant="outlined"
              color="inherit"
              startIcon={<CompressIcon />}
              onClick={() => setDialog('compact')}
              onPointerEnter={compactDialog.preload}
              onFocus={compactDialog.preload}
            >
              Compact
            </Button>
            {target.partQuota !== undefined && (!split || split.ok) && (parts === undefined || parts > 1) && (
              <Button
                size="small"
                variant="outlined"
                color="inherit"
                startIcon={<CallSplitIcon />}
                disabled={parts === undefined}
                onClick={() => setDialog('split')}
                onPointerEnter={splitDialog.preload}
                onFocus={splitDialog.preload}
              >
                {parts === undefined ? 'Split into policies' : `Split into ${parts} policies`}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {dialog === 'compact' && (
        <Suspense fallback={<LoadingFeature label="Loading the compact dialog" />}>
          <compactDialog.Component
            quota={size.quota}
            onClose={() => setDialog(undefined)}
            onDone={setMessage}
          />
        </Suspense>
      )}
      {dialog === 'split' && target.partQuota !== undefined && (
        <Suspense fallback={<LoadingFeature label="Loading the split dialog" />}>
          <splitDialog.Component
            partQuota={target.partQuota}
            {...(target.note ? { note: target.note } : {})}
            known={split}
            onClose={() => setDialog(undefined)}
            onKeep={(result) => {
              setKept({ split: result, quota: target.partQuota ?? size.quota, at: new Date() });
              setDialog(undefined);
            }}
            {...(kind === 'managed'
              ? {
                  onCreate: (result: SplitSuccess) => {
                    const quota = target.partQuota ?? size.quota;
                    setKept({ split: result, quota, at: new Date() });
                    setCreating({ split: result, quota });
                    setDialog(undefined);
                  },
                }
              : {})}
          />
        </Suspense>
      )}
      <Snackbar
        open={message !== undefined}
        autoHideDuration={6000}
        onClose={() => setMessage(undefined)}
        message={message}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      />
    </>
  );
}
