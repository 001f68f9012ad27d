/**
 * The Simulate panel: does the draft do what was meant? Requests (actions × resources, a principal,
 * a context) evaluated offline against the draft and the policies around it, with AWS's policy
 * evaluation logic (policy/evaluate); each result says what decided it, and for a denied request
 * what would have to change. Loaded lazily by the side panel: it costs nothing until opened.
 */
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useDeferredValue, useEffect, useMemo, type ReactNode } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import { useAnalysis, useEditorState } from '../../editor/useEditor';
import { CompareWithIam } from './CompareWithIam';
import { planComparison } from './iamComparison';
import { OtherPoliciesSection } from './OtherPoliciesSection';
import { actionOptions, contextKeyOptions, resourceTypeOptions } from './options';
import { ActionsField, ContextField, ResourcesField } from './RequestFields';
import { Results } from './Results';
import { addScenario, currentScenario, removeCurrent, updateCurrent, type Scenario, type SimulateMode } from './scenario';
import { checkPrincipal, draftActionPatterns, runScenario, MAX_ACTIONS } from './simulation';
import { useScenarioBook } from './useScenarioBook';

export interface SimulatePanelProps {
  /** reveals a statement of the draft (by JSON pointer) in the blocks and the JSON */
  readonly onReveal: (pointer: string) => void;
}

function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle2" component="h3" sx={{ flex: 1 }}>
          {title}
        </Typography>
        {action}
      </Stack>
      {children}
    </Box>
  );
}

function prefixesOf(actions: readonly string[]): string[] {
  const out = new Set<string>();
  for (const a of actions) {
    const colon = a.indexOf(':');
    if (colon > 0 && !a.slice(0, colon).includes('*')) out.add(a.slice(0, colon).toLowerCase());
  }
  return [...out];
}

export default function SimulatePanel({ onReveal }: SimulatePanelProps) {
  const state = useEditorState();
  const { model } = useAnalysis();
  const { view, version, loader } = useCatalog();
  const [book, setBook] = useScenarioBook(state.kind);
  const scenario = currentScenario(book);
  const change = (c: Partial<Scenario>) => setBook(updateCurrent(book, c));

  // evaluation follows typing a frame behind, so the fields never wait for it
  const deferredScenario = useDeferredValue(scenario);
  const deferredDocument = useDeferredValue(state.document);
  const deferredModel = useDeferredValue(model);

  const run = useMemo(() => {
    void version; // service details arrived: condition key types, action spellings
    return runScenario(deferredScenario, deferredDocument, deferredModel, view);
  }, [deferredScenario, deferredDocument, deferredModel, view, version]);

  // the chosen actions' services: their resource types and condition keys
  const needed = useMemo(() => prefixesOf(run.actionList.actions.slice(0, 200)), [run.actionList.actions]);
  useEffect(() => {
    if (needed.length === 0) return;
    void loader.loadServices(needed).catch(() => {
      // without details the panel still evaluates; it only offers fewer keys and types
    });
  }, [loader, needed]);

  const draftActions = useMemo(() => {
    void version;
    return actionOptions(draftActionPatterns(model).patterns, view);
  }, [model, view, version]);
  const keyOptions = useMemo(() => {
    void version;
    return contextKeyOptions(run.policies.documents.values(), run.actionList.actions, view);
  }, [run.policies.documents, run.actionList.actions, view, version]);
  const typeOptions = useMemo(() => {
    void version;
    return resourceTypeOptions(run.actionList.actions, view);
  }, [run.actionList.actions, view, version]);

  const comparisonPlan = useMemo(() => {
    void version; // condition key types
    return planComparison(run, deferredScenario.principal, state.kind, deferredScenario.draftAs, view);
  }, [run, deferredScenario.principal, deferredScenario.draftAs, state.kind, view, version]);

  const actionProblems = [
    ...(run.actionList.unknown.length > 0 && scenario.mode === 'chosen'
      ? [`Not in the catalog (evaluated as typed): ${run.actionList.unknown.join(', ')}.`]
      : []),
    ...(run.actionList.empty.length > 0 ? [`No catalog action matches ${run.actionList.empty.join(', ')}.`] : []),
  ];
  const principalProblem = checkPrincipal(scenario.principal);

  const revealStatement = (index: number) => {
    const statement = model.statements.find((s) => s.index === index);
    if (statement) onReveal(statement.pointer);
  };

  return (
    <Box sx={{ height: '100%', overflow: 'auto' }}>
      <Stack spacing={2.5} sx={{ p: 2 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            select
            size="small"
            label="Scenario"
            value={book.current}
            onChange={(e) => setBook({ ...book, current: Number(e.target.value) })}
            sx={{ minWidth: 160 }}
          >
            {book.scenarios.map((s, i) => (
              <MenuItem key={i} value={i}>
                {s.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            label="Scenario name"
            value={scenario.name}
            onChange={(e) => change({ name: e.target.value })}
            sx={{ flex: 1 }}
          />
          <Tooltip title="New scenario (a copy of this one)">
            <IconButton aria-label="New scenario" onClick={() => setBook(addScenario(book))}>
              <AddIcon />
            </IconButton>
          </Tooltip>
          <Tooltip title="Delete this scenario">
            <IconButton aria-label="Delete scenario" onClick={() => setBook(removeCurrent(book, state.kind))}>
              <DeleteOutlineIcon />
            </IconButton>
          </Tooltip>
        </Stack>
        <Typography variant="caption" color="text.secondary" sx={{ mt: '4px !important' }}>
          Scenarios are saved with the draft and travel in its share links. Evaluated here, offline, with AWS’s policy
          evaluation logic.
        </Typography>

        {!state.textValid && (
          <Alert severity="info">The JSON does not parse: the simulation uses the last valid document.</Alert>
        )}
        {run.skipped.length > 0 && (
          <Alert severity="warning">
            {run.skipped.map((s) => `Statement ${s.index + 1} of the draft is left out: ${s.why}.`).join(' ')}
          </Alert>
        )}

        <Section
          title="Request"
          action={
            <ToggleButtonGroup
              size="small"
              exclusive
              value={scenario.mode}
              onChange={(_, v: SimulateMode | null) => v && change({ mode: v })}
              aria-label="Actions to simulate"
            >
              <ToggleButton value="chosen">Chosen actions</ToggleButton>
              <ToggleButton value="draft">Every action in the draft</ToggleButton>
            </ToggleButtonGroup>
          }
        >
          <Stack spacing={2}>
            {scenario.mode === 'chosen' ? (
              <ActionsField
                value={scenario.actions}
                onChange={(actions) => change({ actions })}
                draftActions={draftActions}
                allActions={view.allActions}
                problems={actionProblems}
              />
            ) : (
              <Typography variant="body2" color="text.secondary">
                {run.actionList.total === 0
                  ? 'The draft names no actions yet.'
                  : `${run.actionList.total} action${run.actionList.total === 1 ? '' : 's'} named by the draft${run.actionList.total > MAX_ACTIONS ? ` (the first ${MAX_ACTIONS} are evaluated)` : ''}, each against every resource below.`}
                {run.actionList.notActions > 0 &&
                  ` ${run.actionList.notActions} NotAction statement${run.actionList.notActions === 1 ? ' is' : 's are'} not expanded: choose actions to test them.`}
              </Typography>
            )}
            <ResourcesField
              value={scenario.resources}
              onChange={(resources) => change({ resources })}
              typeOptions={typeOptions}
              principal={scenario.principal}
            />
            <TextField
              size="small"
              label="Principal"
              value={scenario.principal}
              onChange={(e) => change({ principal: e.target.value })}
              error={principalProblem !== undefined}
              helperText={
                principalProblem ??
                'A user, a role session (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION), a role or a service principal'
              }
              slotProps={{
                htmlInput: {
                  spellCheck: false,
                  style: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 },
                },
              }}
            />
          </Stack>
        </Section>

        <Section title="Request context">
          <ContextField
            entries={scenario.context}
            onChange={(context) => change({ context })}
            options={keyOptions}
            build={run.contextBuild}
          />
        </Section>

        <OtherPoliciesSection
          draftAs={scenario.draftAs}
          onDraftAs={(draftAs) => change({ draftAs })}
          policies={scenario.policies}
          onChange={(policies) => change({ policies })}
          problems={run.policies.problems}
        />

        <Section title="Results">
          <Results run={run} resources={run.resources} draftAs={deferredScenario.draftAs} onRevealStatement={revealStatement} />
        </Section>

        {run.rows.length > 0 && (
          <Section title="Compare with IAM">
            <CompareWithIam run={run} plan={comparisonPlan} />
          </Section>
        )}
      </Stack>
    </Box>
  );
}
