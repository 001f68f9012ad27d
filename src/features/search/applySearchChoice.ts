/**
 * What a choice from the search box does to the policy (one undo step). Loaded on first use (see
 * useSearchChoice), so that the first screen's chunk holds only the search.
 */
import type { Dispatch } from 'react';
import type { CatalogView } from '../../catalog/catalog';
import type { CatalogLoader } from '../../catalog/load';
import type { EditorState, PolicyAction } from '../../editor/policyReducer';
import type { JsonObject } from '../../policy/model';
import { whyNotMerge } from '../../policy/leastPrivilege/placement';
import { buildModel } from '../../policy/parse';
import { addPattern, setActionsSelected } from '../actions/actionEntries';
import { alreadyListed, placeAction, placeService, type BlockRef } from './searchPlacement';
import type { SearchOption } from './searchOptions';
import type { ChoiceOutcome } from './useSearchChoice';

export interface ChoiceContext {
  /** the editor's state when the choice is applied */
  readonly state: EditorState;
  readonly dispatch: Dispatch<PolicyAction>;
  readonly loader: CatalogLoader;
  readonly view: CatalogView;
}

/** Applies `option` to the policy and says what it did (undefined when the JSON does not parse). */
export function applySearchChoice(
  option: SearchOption,
  { state, dispatch, loader, view }: ChoiceContext,
): ChoiceOutcome | undefined {
  if (!state.textValid) return undefined;
  void loader.loadService(option.service).catch(() => {
    // the action picker shows the failure and offers a retry
  });
  // the blocks as they are now (the analysis may lag a keystroke behind)
  const statements = buildModel(state.document).statements;
  const blocks: BlockRef[] = [];
  state.ids.forEach((id, i) => {
    const statement = statements[i];
    if (statement) blocks.push({ id, statement, chosenService: state.meta[id]?.service });
  });
  const prefix = option.service.toLowerCase();
  const serviceName = view.service(prefix)?.name ?? prefix;

  if (option.kind === 'service') {
    const place = placeService(blocks);
    if (place.kind === 'new') {
      dispatch({ type: 'addBlock', meta: { service: prefix }, collapseOthers: true });
      return {
        message: `Added permission block ${state.ids.length + 1} for ${serviceName}.`,
        blockIndex: state.ids.length,
        added: true,
      };
    }
    dispatch({
      type: 'setMeta',
      id: place.id,
      meta: { service: prefix, collapsed: false },
      undoable: true,
    });
    return {
      message: `Permission block ${place.index + 1} is now for ${serviceName}.`,
      blockIndex: place.index,
    };
  }

  const entry = option.kind === 'pattern' ? option.entry : `${prefix}:${option.action}`;
  const place = placeAction(
    blocks,
    prefix,
    option.kind === 'pattern' ? undefined : (block) => whyNotMerge(block.statement, entry, view),
  );
  if (place.kind === 'new') {
    const statement: JsonObject = { Effect: 'Allow', Action: [entry], Resource: [] };
    dispatch({ type: 'addBlock', statement, meta: { service: prefix }, collapseOthers: true });
    const why = place.reason
      ? `: permission block ${place.reason.index + 1} was not used because ${place.reason.why}`
      : '';
    return {
      message: `Added ${entry} in a new permission block ${state.ids.length + 1}${why}.`,
      blockIndex: state.ids.length,
      added: true,
      ...(option.kind === 'action' ? { addedAction: entry } : {}),
    };
  }
  const block = blocks[place.index];
  if (!block) return undefined;
  if (alreadyListed(block.statement, entry)) {
    if (state.meta[block.id]?.collapsed)
      dispatch({ type: 'setMeta', id: block.id, meta: { collapsed: false } });
    return {
      message: `${entry} is already in permission block ${place.index + 1}.`,
      blockIndex: place.index,
    };
  }
  const actions = view.service(prefix)?.actions ?? [];
  const values = block.statement.action?.values ?? [];
  const next =
    option.kind === 'pattern'
      ? addPattern(values, prefix, actions, entry)
      : setActionsSelected(values, prefix, actions, [option.action], true);
  dispatch({ type: 'setMeta', id: block.id, meta: { service: prefix, collapsed: false } });
  dispatch({
    type: 'setFields',
    id: block.id,
    // an empty block may hold an empty NotAction: the action goes to Action
    fields: block.statement.notAction ? { NotAction: undefined, Action: next } : { Action: next },
    label: `Add ${entry}`,
  });
  return {
    message: `Added ${entry} to permission block ${place.index + 1}.`,
    blockIndex: place.index,
    ...(option.kind === 'action' ? { addedAction: entry } : {}),
  };
}
