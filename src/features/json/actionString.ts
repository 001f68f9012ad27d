/**
 * Where the cursor is in the JSON text, for action completion and hovers: inside a string that is
 * an Action or NotAction value (a single string or an element of the list) of a statement.
 * Pure: works on text and offsets, with jsonc-parser's error-tolerant scanner.
 */
import { getLocation, type JSONPath } from 'jsonc-parser';

export type ActionElement = 'Action' | 'NotAction';

export interface ActionString {
  readonly element: ActionElement;
  /** the string's content, without quotes */
  readonly value: string;
  /** what the content holds before the cursor */
  readonly typed: string;
  /** offsets of the content in the text (inside the quotes) */
  readonly start: number;
  readonly end: number;
}

const ACTION_ELEMENTS: ReadonlySet<string> = new Set(['Action', 'NotAction']);

/** The Action or NotAction element a path lies in: Statement[/n]/Action[/k]. */
export function actionElementOfPath(path: JSONPath): ActionElement | undefined {
  if (path[0] !== 'Statement') return undefined;
  const at = typeof path[1] === 'number' ? 2 : 1;
  const key = path[at];
  if (typeof key !== 'string' || !ACTION_ELEMENTS.has(key)) return undefined;
  const rest = path.slice(at + 1);
  if (rest.length === 0 || (rest.length === 1 && typeof rest[0] === 'number')) return key as ActionElement;
  return undefined;
}

/**
 * The Action or NotAction string that holds `offset` (the cursor sits after the opening quote and
 * at or before the closing one), or undefined elsewhere.
 */
export function actionStringAt(text: string, offset: number): ActionString | undefined {
  const location = getLocation(text, offset);
  if (location.isAtPropertyKey) return undefined;
  const node = location.previousNode;
  if (!node || node.type !== 'string') return undefined;
  const element = actionElementOfPath(location.path);
  if (!element) return undefined;
  const start = node.offset + 1;
  const closed = node.length >= 2 && text.charCodeAt(node.offset + node.length - 1) === 34; /* " */
  const end = node.offset + node.length - (closed ? 1 : 0);
  if (offset < start || offset > end) return undefined;
  return { element, value: text.slice(start, end), typed: text.slice(start, offset), start, end };
}
