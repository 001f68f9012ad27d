/**
 * The JSON view's IAM support in Monaco: the policy JSON Schema (key completion, value
 * completion for Version and Effect, hovers on keys), action-name completion from the catalog and
 * hovers on action strings. Every provider answers only for the policy model.
 */
import type { CatalogView } from '../../catalog/catalog';
import { actionCompletions, actionHover, servicePrefixOf } from './actionCompletions';
import { actionStringAt } from './actionString';
import { jsonDefaults, monaco } from './monaco';
import { POLICY_MODEL_URI, POLICY_SCHEMA_URI, policySchema } from './policySchema';

export interface CatalogAccess {
  readonly view: CatalogView;
  /** loads a service's detail (descriptions); resolves when it is in `view` */
  readonly loadService: (prefix: string) => Promise<unknown>;
}

/**
 * The schema is registered for the policy model's URI. Monaco's own JSON diagnostics stay off:
 * the parser's and the validator's findings are the editor's markers (the same problems, with the
 * codes the Findings tab shows), so nothing is reported twice.
 */
export function configurePolicySchema(): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: false,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: [{ uri: POLICY_SCHEMA_URI, fileMatch: [POLICY_MODEL_URI], schema: policySchema }],
  });
}

function isPolicyModel(model: monaco.editor.ITextModel): boolean {
  return model.uri.toString() === monaco.Uri.parse(POLICY_MODEL_URI).toString();
}

async function withService(catalog: CatalogAccess, typed: string): Promise<void> {
  const prefix = servicePrefixOf(typed);
  if (prefix === undefined || !catalog.view.service(prefix)) return;
  try {
    await catalog.loadService(prefix);
  } catch {
    // without the detail there are no descriptions; names and access levels still come
  }
}

/** Registers the completion and hover providers; dispose them with the editor. */
export function registerPolicyLanguage(getCatalog: () => CatalogAccess): monaco.IDisposable {
  configurePolicySchema();
  const completion = monaco.languages.registerCompletionItemProvider('json', {
    triggerCharacters: ['"', ':'],
    async provideCompletionItems(model, position) {
      if (!isPolicyModel(model)) return undefined;
      const at = actionStringAt(model.getValue(), model.getOffsetAt(position));
      if (!at) return undefined;
      const catalog = getCatalog();
      await withService(catalog, at.typed);
      if (model.isDisposed()) return undefined;
      const start = model.getPositionAt(at.start);
      const end = model.getPositionAt(at.end);
      const insert = monaco.Range.fromPositions(start, position);
      const replace = monaco.Range.fromPositions(start, end);
      const suggestions = actionCompletions(at.typed, catalog.view).map(
        (item): monaco.languages.CompletionItem => ({
          label: { label: item.label, description: item.detail },
          kind:
            item.kind === 'service'
              ? monaco.languages.CompletionItemKind.Module
              : item.kind === 'wildcard'
                ? monaco.languages.CompletionItemKind.Constant
                : monaco.languages.CompletionItemKind.Function,
          insertText: item.insertText,
          filterText: item.label,
          sortText: item.sortText,
          detail: item.detail,
          ...(item.documentation ? { documentation: item.documentation } : {}),
          range: { insert, replace },
          ...(item.retrigger
            ? { command: { id: 'editor.action.triggerSuggest', title: 'Suggest actions' } }
            : {}),
        }),
      );
      return { suggestions };
    },
  });
  const hover = monaco.languages.registerHoverProvider('json', {
    async provideHover(model, position) {
      if (!isPolicyModel(model)) return undefined;
      const at = actionStringAt(model.getValue(), model.getOffsetAt(position));
      if (!at || at.value === '') return undefined;
      const catalog = getCatalog();
      await withService(catalog, at.value);
      if (model.isDisposed()) return undefined;
      const text = actionHover(at.value, catalog.view);
      if (!text) return undefined;
      return {
        range: monaco.Range.fromPositions(model.getPositionAt(at.start), model.getPositionAt(at.end)),
        contents: [{ value: text }],
      };
    },
  });
  return {
    dispose() {
      completion.dispose();
      hover.dispose();
    },
  };
}
