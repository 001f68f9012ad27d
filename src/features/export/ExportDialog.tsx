import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useEditorState } from '../../editor/useEditor';
import type { PolicyKind } from '../../policy/model';
import { KIND_LABELS } from '../../policy/iamLimits';
import { copyText, downloadText } from './download';
import { EXPORT_FORMATS, formatInfo, runExport, type ExportFormat } from './exportFormats';
import type { ExportInput, ExportOutput } from './formats/types';
import { descriptionProblem, policyNameProblem, policyPathProblem, targetNameProblem } from './iamNames';
import { printReview } from './printing';
import { TargetsField } from './TargetsField';
import { useExportSettings } from './useExportSettings';
import { useSuggestedPolicyName } from './useSuggestedPolicyName';

export interface ExportDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

const MONOSPACE = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

/** the format last chosen, for the next time the dialog opens */
let lastFormat: ExportFormat = 'json';

function kindNote(kind: PolicyKind): { severity: 'info' | 'warning'; text: string } | null {
  if (kind === 'managed') return null;
  if (kind === 'trust')
    return {
      severity: 'warning',
      text: 'This draft is a role trust policy, which is not a managed policy: IAM refuses these templates and commands. Use the JSON as the role’s trust policy instead.',
    };
  return {
    severity: 'info',
    text: `This draft is set up as “${KIND_LABELS[kind]}”. These templates and commands create a managed policy from the same document.`,
  };
}

function runSafely(format: ExportFormat, input: ExportInput, minified: boolean): ExportOutput | Error {
  try {
    return runExport(format, input, { minified });
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

function ExportDialogBody({ onClose }: { onClose: () => void }) {
  const state = useEditorState();
  const [settings, update] = useExportSettings();
  const suggested = useSuggestedPolicyName();
  const [format, setFormat] = useState<ExportFormat>(lastFormat);
  const [minified, setMinified] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const name = settings.name ?? suggested;
  const { description, path, targets } = settings;
  const nameProblem = policyNameProblem(name);
  const pathProblem = policyPathProblem(path);
  const descProblem = descriptionProblem(description);
  const targetProblem = [
    ...targets.users.map((n) => targetNameProblem('user', n)),
    ...targets.groups.map((n) => targetNameProblem('group', n)),
    ...targets.roles.map((n) => targetNameProblem('role', n)),
  ].some((p) => p !== null);

  const info = formatInfo(format);
  const output = useMemo(
    () =>
      state.textValid
        ? runSafely(format, { document: state.document, name, description, path, targets }, minified)
        : null,
    [state.textValid, state.document, format, name, description, path, targets, minified],
  );

  const blocked = !state.textValid
    ? 'The JSON has a syntax error: fix it in the JSON view first.'
    : nameProblem || pathProblem || descProblem || targetProblem
      ? 'Fix the fields marked in red first.'
      : output instanceof Error
        ? 'This format could not be generated.'
        : null;
  const ready = output !== null && !(output instanceof Error) && blocked === null ? output : null;
  const note = kindNote(state.kind);

  const choose = (next: ExportFormat) => {
    lastFormat = next;
    setFormat(next);
  };

  const copy = (out: ExportOutput) =>
    copyText(out.text).then(
      () => setMessage(`${info.label} copied to the clipboard`),
      (e: unknown) => setMessage(`Could not copy: ${e instanceof Error ? e.message : String(e)}`),
    );

  return (
    <>
      <DialogTitle id="export-dialog-title">Export the policy</DialogTitle>
      <DialogContent dividers>
        {!state.textValid && (
          <Alert severity="error" sx={{ mb: 2 }}>
            The JSON has a syntax error, so there is nothing to export yet: fix it in the JSON view first (the Findings tab says
            where). Exporting the last valid version instead would not be what you see.
          </Alert>
        )}
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', md: '300px minmax(0, 1fr)' },
            gap: 3,
            alignItems: 'start',
          }}
        >
          <Stack spacing={2} component="section" aria-label="Managed policy settings">
            <TextField
              size="small"
              label="Policy name"
              value={name}
              disabled={!state.textValid}
              onChange={(e) => update({ name: e.target.value })}
              error={nameProblem !== null}
              helperText={
                nameProblem ??
                (settings.name === null || name === suggested ? (
                  'Suggested from the services in the policy'
                ) : (
                  <>
                    Suggested:{' '}
                    <Button size="small" sx={{ p: 0, minWidth: 0, textTransform: 'none' }} onClick={() => update({ name: null })}>
                      {suggested}
                    </Button>
                  </>
                ))
              }
              slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
            />
            <TextField
              size="small"
              label="Description"
              value={description}
              disabled={!state.textValid}
              multiline
              minRows={2}
              maxRows={5}
              onChange={(e) => update({ description: e.target.value })}
              error={descProblem !== null}
              helperText={descProblem ?? 'Optional. IAM cannot change it after the policy is created.'}
            />
            <TextField
              size="small"
              label="Path"
              value={path}
              placeholder="/"
              disabled={!state.textValid}
              onChange={(e) => update({ path: e.target.value })}
              error={pathProblem !== null}
              helperText={pathProblem ?? 'Optional, e.g. /team/. Empty means /.'}
              slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
            />
            <Typography variant="subtitle2" component="h3">
              Attach the policy to
            </Typography>
            <TargetsField
              kind="user"
              label="Attach to users"
              values={targets.users}
              disabled={!state.textValid}
              onChange={(users) => update({ targets: { ...targets, users } })}
            />
            <TargetsField
              kind="group"
              label="Attach to groups"
              values={targets.groups}
              disabled={!state.textValid}
              onChange={(groups) => update({ targets: { ...targets, groups } })}
            />
            <TargetsField
              kind="role"
              label="Attach to roles"
              values={targets.roles}
              disabled={!state.textValid}
              onChange={(roles) => update({ targets: { ...targets, roles } })}
            />
            <Typography variant="caption" color="text.secondary">
              Names of existing users, groups and roles: type one and press Enter.
            </Typography>
          </Stack>

          <Box sx={{ minWidth: 0 }}>
            <Tabs
              value={format}
              onChange={(_, v: ExportFormat) => choose(v)}
              variant="scrollable"
              scrollButtons="auto"
              aria-label="Export format"
              sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}
            >
              {EXPORT_FORMATS.map((f) => (
                <Tab
                  key={f.id}
                  value={f.id}
                  label={f.label}
                  id={`export-tab-${f.id}`}
                  aria-controls="export-panel"
                  sx={{ minWidth: 0, px: 1.5 }}
                />
              ))}
            </Tabs>
            <Stack spacing={1.5} role="tabpanel" id="export-panel" aria-labelledby={`export-tab-${format}`}>
              {format === 'json' && (
                <FormControlLabel
                  control={<Switch size="small" checked={minified} onChange={(e) => setMinified(e.target.checked)} />}
                  label="Minified"
                />
              )}
              {note && format !== 'json' && <Alert severity={note.severity}>{note.text}</Alert>}
              {output instanceof Error && (
                <Alert severity="error">
                  {info.label} could not be generated: {output.message}
                </Alert>
              )}
              {output && !(output instanceof Error) &&
                output.notes.map((text) => (
                  <Alert key={text} severity="info">
                    {text}
                  </Alert>
                ))}
              <TextField
                label={`Exported ${info.what}`}
                value={output && !(output instanceof Error) ? output.text : ''}
                multiline
                rows={18}
                fullWidth
                disabled={!state.textValid}
                slotProps={{ htmlInput: { readOnly: true, spellCheck: false, wrap: 'off' } }}
                sx={{
                  '& textarea': {
                    fontFamily: MONOSPACE,
                    fontSize: 12.5,
                    lineHeight: 1.5,
                    whiteSpace: 'pre',
                    overflowX: 'auto',
                  },
                }}
              />
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Tooltip title={blocked ?? ''}>
                  <span>
                    <Button
                      variant="contained"
                      startIcon={<ContentCopyIcon />}
                      disabled={ready === null}
                      aria-label={`Copy ${info.what}`}
                      onClick={() => ready && void copy(ready)}
                    >
                      Copy
                    </Button>
                  </span>
                </Tooltip>
                <Tooltip title={blocked ?? ''}>
                  <span>
                    <Button
                      variant="outlined"
                      startIcon={<DownloadIcon />}
                      disabled={ready === null}
                      aria-label={`Download ${info.what}`}
                      onClick={() => ready && downloadText(ready.filename, ready.text, ready.mediaType)}
                    >
                      Download
                    </Button>
                  </span>
                </Tooltip>
                {ready && (
                  <Typography variant="body2" color="text.secondary" sx={{ fontFamily: MONOSPACE }}>
                    {ready.filename}
                  </Typography>
                )}
                {blocked && state.textValid && (
                  <Typography variant="body2" color="error">
                    {blocked}
                  </Typography>
                )}
              </Stack>
            </Stack>
          </Box>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<PrintIcon />} onClick={printReview} sx={{ mr: 'auto' }}>
          Print review
        </Button>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
      <Snackbar open={message !== null} autoHideDuration={3000} onClose={() => setMessage(null)} message={message ?? ''} />
    </>
  );
}

/** "Export the policy": JSON, CloudFormation, Terraform, CDK and CLI, to copy or download. */
export function ExportDialog({ open, onClose }: ExportDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="export-dialog-title">
      <ExportDialogBody onClose={onClose} />
    </Dialog>
  );
}
