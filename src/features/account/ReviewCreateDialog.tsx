import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useId, useMemo, useState } from 'react';
import { call, toApiError, type ApiError } from '../../api/client';
import { useCatalog } from '../../editor/useCatalog';
import { useAnalysis, useEditorDispatch, useEditorState } from '../../editor/useEditor';
import type { PolicyKind } from '../../policy/model';
import type { PolicyInfo } from '../../api/contract';
import { AttachStep } from './AttachStep';
import { CancelledAlert } from './CancelledAlert';
import { EMPTY_FORM, createExtras, formProblems, type CreateForm } from './createForm';
import { NameStep } from './NameStep';
import { CLOSED_REVIEW, reviewPolicy } from './reviewChecks';
import { useAccountRefresh } from './accountQueries';
import { ReviewStep } from './ReviewStep';
import { currentSession } from './sessionStore';
import { suggestPolicyName } from '../../policy/suggestName';
import { useAttach } from './useAttach';
import { useCancellable } from './useCancellable';
import { usePolicyNameCheck } from './usePolicyNameCheck';
import { useSession } from './useSession';

const STEPS = ['Name and details', 'Review and create', 'Attach'] as const;

const KIND_NAMES: Readonly<Record<PolicyKind, string>> = {
  managed: 'a managed policy',
  'inline-user': 'an inline policy for a user',
  'inline-group': 'an inline policy for a group',
  'inline-role': 'an inline policy for a role',
  trust: 'a role trust policy',
};

export interface ReviewCreateDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  /** opens "Create a role for an AWS service" with the created policy */
  readonly onCreateRole: (policy: PolicyInfo) => void;
}

/**
 * "Review and create": name, review, create, attach. The dialog keeps everything while closed
 * (only "Done" starts over), and the draft itself stays in the editor whatever happens here.
 */
export function ReviewCreateDialog({
  open,
  onClose,
  onCreateRole,
}: ReviewCreateDialogProps) {
  const titleId = useId();
  const state = useEditorState();
  const dispatch = useEditorDispatch();
  const analysis = useAnalysis();
  const { view } = useCatalog();
  const { state: sessionState } = useSession();
  const session = currentSession(sessionState);
  const connected = Boolean(session?.connected);
  const accountLabel = session?.label ?? 'the account';

  const [step, setStep] = useState(0);
  const [form, setForm] = useState<CreateForm>(EMPTY_FORM);
  const [created, setCreated] = useState<PolicyInfo | null>(null);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<ApiError | null>(null);
  /** the name whose create the user cancelled (the alert says what may have happened) */
  const [cancelled, setCancelled] = useState<string | null>(null);
  const creation = useCancellable();
  const [search, setSearch] = useState('');
  const attach = useAttach(created?.arn);
  const refresh = useAccountRefresh();

  // A closed dialog computes nothing: the suggestion and the review follow the draft only while open.
  const suggestion = useMemo(() => (open ? suggestPolicyName(analysis.model, view) : ''), [open, analysis.model, view]);
  const name = form.nameEdited ? form.name : suggestion;
  const { check, markTaken } = usePolicyNameCheck(name, connected && open && !created);
  const review = useMemo(
    () => (open ? reviewPolicy(state.text, state.kind, analysis.findings, view) : CLOSED_REVIEW),
    [open, state.text, state.kind, analysis.findings, view],
  );
  const problems = formProblems(form);
  const nameOk = check.status === 'available' || check.status === 'error' || check.status === 'unchecked';

  const create = async () => {
    const signal = creation.start();
    setCreating(true);
    setCreateError(null);
    setCancelled(null);
    try {
      const out = await call('createPolicy', { name, document: review.text, ...createExtras(form) }, { signal });
      setCreated(out.policy);
      markTaken(name, `A policy named ${out.policy.name} already exists in this account.`);
      refresh.changed();
      setStep(2);
    } catch (e) {
      if (signal.aborted) {
        // The request may have reached IAM before the cancel: read the lists again.
        setCancelled(name);
        refresh.changed();
        return;
      }
      const error = toApiError(e);
      setCreateError(error);
      refresh.failed(error);
      if (error.code === 'EntityAlreadyExists') markTaken(name, error.message);
    } finally {
      setCreating(false);
    }
  };

  const startOver = () => {
    setStep(0);
    setForm(EMPTY_FORM);
    setCreated(null);
    setCreateError(null);
    setCancelled(null);
    setSearch('');
    attach.reset();
  };

  const done = () => {
    onClose();
    startOver();
  };

  const createBlocked = !connected
    ? 'Not connected to an account (see the message above).'
    : check.status === 'taken'
      ? `${check.message} Go back and choose another name.`
      : review.blockers[0];
  const nextBlocked =
    check.status === 'checking'
      ? 'Checking the name…'
      : !nameOk
        ? 'Choose a name that IAM accepts and the account does not have yet.'
        : problems[0];

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby={titleId} scroll="paper">
      <DialogTitle id={titleId}>Review and create</DialogTitle>
      <Stepper activeStep={step} sx={{ px: 3, pb: 1 }}>
        {STEPS.map((label, index) => (
          <Step key={label} completed={index < step || (index < 2 && created !== null)}>
            <StepLabel>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <DialogContent dividers>
        {step === 0 && (
          <NameStep
            form={form}
            name={name}
            suggestion={suggestion}
            check={check}
            accountLabel={accountLabel}
            onChange={setForm}
          />
        )}
        {step === 1 && (
          <ReviewStep
            name={name}
            form={form}
            review={review}
            kindNote={
              state.kind === 'managed'
                ? undefined
                : `The editor checks this draft as ${KIND_NAMES[state.kind]}; IAM creates a managed policy, so it is checked here as one (quota 6,144).`
            }
            onUseManagedKind={() => dispatch({ type: 'setKind', kind: 'managed' })}
            createError={createError}
            notice={cancelled !== null && <CancelledAlert call={{ op: 'createPolicy', name: cancelled }} />}
            onChangeName={() => setStep(0)}
          />
        )}
        {step === 2 && created && (
          <AttachStep
            policy={created}
            accountLabel={accountLabel}
            attach={attach}
            search={search}
            onSearch={setSearch}
            onCreateRole={() => onCreateRole(created)}
          />
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5, gap: 1 }}>
        {step < 2 && (nextBlocked || createBlocked) && (
          <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }} role="status">
            {step === 0 ? nextBlocked : createBlocked}
          </Typography>
        )}
        {step === 0 && (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="contained" disabled={Boolean(nextBlocked)} onClick={() => setStep(1)}>
              Next: review
            </Button>
          </>
        )}
        {step === 1 && (
          <>
            <Button onClick={() => setStep(0)} disabled={creating}>
              Back
            </Button>
            {creating && <Button onClick={creation.cancel}>Cancel</Button>}
            <Button
              variant="contained"
              disabled={Boolean(createBlocked) || creating}
              onClick={() => void create()}
            >
              {creating ? 'Creating…' : 'Create policy'}
            </Button>
          </>
        )}
        {step === 2 && (
          <>
            {attach.results.size === 0 && (
              <Alert severity="info" sx={{ flex: 1, py: 0 }}>
                You can close this and attach later from the IAM console; the policy stays.
              </Alert>
            )}
            <Button variant="contained" onClick={done} disabled={attach.busy}>
              Done
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
