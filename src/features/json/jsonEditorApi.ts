import type { SourceRange } from '../../policy/model';

/** What the JSON view offers the rest of the app once Monaco is ready. */
export interface JsonEditorApi {
  /** selects a range of the text, scrolls it into view and focuses the editor */
  reveal(range: SourceRange): void;
}
