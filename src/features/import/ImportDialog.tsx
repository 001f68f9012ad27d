import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useEditorDispatch, useEditorState } from '../../editor/useEditor';
import { statementObjects } from '../../policy/grants';
import { isJsonObject } from '../../policy/json';
import { CustomerManagedTab } from './CustomerManagedTab';
import { importAction, isPristineDraft } from './importAction';
import type { BlockSource, ImportedPolicy, Placement } from './importAction';
import { ManagedPolicyList } from './ManagedPolicyList';
import { ManagedPolicyPreview } from './ManagedPolicyPreview';
import { PasteImport } from './PasteImport';
import { PlacementChoice } from './PlacementChoice';
import { readPolicyText } from './readPolicyText';
import { ReplaceDraftDialog } from './ReplaceDraftDialog';
import type { TextProblem } from './readPolicyText';
import { useManagedPolicies } from './useManagedPolicies';
import { useManagedPolicy } from './useManagedPolicy';

export type ImportTab = 'managed' | 'paste' | 'account';

export interface ImportDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly tab: ImportTab;
  readonly onTabChange: (tab: ImportTab) => void;
  readonly pasteText: string;
  readonly onPasteTextChange: (text: string) => void;
  readonly fileName: string | undefined;
  readonly onFile: (text: string, name: string) => void;
  /** called after a successful import, with a sentence saying what happened */
  readonly onImported: (message: string) => void;
}

function blocksText(n: number): string {
  return `${n} block${n === 1 ? '' : 's'}`;
}

/**
 * "Import a policy": an AWS managed policy from the catalog, pasted or opened JSON, or (later) a
 * customer managed policy of the account. Importing copies: the statements become ordinary
 * blocks, added to the draft or replacing it, in one undoable step.
 */
export function ImportDialog({
  open,
  onClose,
  tab,
  onTabChange,
  pasteText,
  onPasteTextChange,
  fileName,
  onFile,
  onImported,
}: ImportDialogProps) {
  const state = useEditorState();
  const dispatch = useEditorDispatch();
  const titleId = useId();
  const tabsId = useId();
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [placement, setPlacement] = useState<Placement>(() => (isPristineDraft(state.document) ? 'replace' : 'append'));
  const [problems, setProblems] = useState<readonly TextProblem[]>([]);
  /** an import that would replace a draft with work in it, shown with its access diff first */
  const [replacing, setReplacing] = useState<{ what: string; run: () => void; document: ImportedPolicy['document'] } | null>(null);
  const policies = useManagedPolicies(open);
  const managed = useManagedPolicy(tab === 'managed' ? selected : undefined);
  const entry = policies.status === 'ready' && selected !== undefined ? policies.policies.find((p) => p.name === selected) : undefined;
  const effectivePlacement: Placement = state.textValid ? placement : 'replace';

  const commit = (imported: ImportedPolicy, label: string, message: string, source?: BlockSource, what?: string) => {
    const run = () => {
      setReplacing(null);
      dispatch(importAction(effectivePlacement, state.document, imported, label, source));
      onImported(message);
      onClose();
    };
    // Replacing a draft with work in it: what the replacement changes in access comes first.
    if (effectivePlacement === 'replace' && state.textValid && !isPristineDraft(state.document)) {
      setReplacing({ what: what ?? label.replace(/^Import /, ''), run, document: imported.document });
      return;
    }
    run();
  };

  const importManaged = () => {
    if (managed.status !== 'ready') return;
    const { policy } = managed;
    const document = policy.document;
    if (!isJsonObject(document)) return;
    const statements = statementObjects(document);
    const verb = effectivePlacement === 'replace' ? 'replacing the draft' : 'added to the draft';
    commit(
      { document, statements },
      `Import ${policy.name}`,
      `Imported ${policy.name} ${policy.version}: ${blocksText(statements.length)}, ${verb}.`,
      { policyName: policy.name, policyArn: policy.arn, version: policy.version },
      `${policy.name} ${policy.version}`,
    );
  };

  const importPasted = () => {
    const result = readPolicyText(pasteText);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    const what = fileName ?? 'the pasted policy';
    const verb = effectivePlacement === 'replace' ? 'replacing the draft' : 'added to the draft';
    commit(
      { document: result.document, statements: result.statements, ...(result.text !== undefined ? { text: result.text } : {}) },
      `Import ${what}`,
      `Imported ${what}: ${blocksText(result.statements.length)}, ${verb}.${result.note ? ` ${result.note}` : ''}`,
    );
  };

  const canImport = tab === 'managed' ? managed.status === 'ready' : tab === 'paste' ? pasteText.trim() !== '' : false;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="lg"
      aria-labelledby={titleId}
      slotProps={{ paper: { sx: { height: '88vh' } } }}
    >
      {replacing && (
        <ReplaceDraftDialog
          what={replacing.what}
          document={replacing.document}
          onReplace={replacing.run}
          onBack={() => setReplacing(null)}
        />
      )}
      <DialogTitle id={titleId} sx={{ pb: 0 }}>
        Import a policy
      </DialogTitle>
      <Tabs
        value={tab}
        onChange={(_, value: ImportTab) => onTabChange(value)}
        aria-label="Import from"
        sx={{ px: 3, borderBottom: 1, borderColor: 'divider' }}
      >
        <Tab value="managed" label="AWS managed policies" id={`${tabsId}-managed`} aria-controls={`${tabsId}-panel`} />
        <Tab value="paste" label="Paste or open JSON" id={`${tabsId}-paste`} aria-controls={`${tabsId}-panel`} />
        <Tab value="account" label="Customer managed (account)" id={`${tabsId}-account`} aria-controls={`${tabsId}-panel`} />
      </Tabs>
      <DialogContent
        id={`${tabsId}-panel`}
        role="tabpanel"
        aria-labelledby={`${tabsId}-${tab}`}
        sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, pt: '16px !important' }}
      >
        {!state.textValid && (
          <Alert severity="warning" sx={{ mb: 1.5 }}>
            The JSON view has a syntax error, so an import can only replace the draft (Undo brings it back).
          </Alert>
        )}
        {tab === 'managed' &&
          (policies.status === 'ready' ? (
            // On a phone the list comes first and the preview below it; the dialog's content scrolls.
            <Box
              sx={{
                flex: { xs: 'none', sm: 1 },
                minHeight: 0,
                display: 'grid',
                gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'minmax(260px, 340px) minmax(0, 1fr)' },
                gridTemplateRows: { xs: 'minmax(280px, 45vh) auto', sm: 'minmax(0, 1fr)' },
                gap: 2,
              }}
            >
              <ManagedPolicyList policies={policies.policies} selected={selected} onSelect={setSelected} />
              <ManagedPolicyPreview entry={entry} state={managed} />
            </Box>
          ) : policies.status === 'failed' ? (
            <Alert severity="error">The list of AWS managed policies could not be loaded: {policies.error}</Alert>
          ) : (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <CircularProgress size={18} />
              <Typography variant="body2">Loading the AWS managed policies…</Typography>
            </Stack>
          ))}
        {tab === 'paste' && (
          <PasteImport
            text={pasteText}
            onTextChange={(text) => {
              onPasteTextChange(text);
              setProblems([]);
            }}
            fileName={fileName}
            onFile={(text, name) => {
              onFile(text, name);
              setProblems([]);
            }}
            problems={problems}
            onFileError={(message) => setProblems([{ message }])}
          />
        )}
        {tab === 'account' && <CustomerManagedTab />}
      </DialogContent>
      <DialogActions
        sx={{
          px: 3,
          py: 1.5,
          justifyContent: 'space-between',
          flexWrap: 'wrap',
          rowGap: 1,
          borderTop: 1,
          borderColor: 'divider',
          '& > :last-child': { ml: 'auto' },
        }}
      >
        <PlacementChoice value={effectivePlacement} onChange={setPlacement} appendDisabled={!state.textValid} />
        <Stack direction="row" spacing={1}>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="contained"
            disabled={!canImport}
            onClick={tab === 'managed' ? importManaged : importPasted}
          >
            Import
          </Button>
        </Stack>
      </DialogActions>
    </Dialog>
  );
}
