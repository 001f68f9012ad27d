/**
 * Whether the page is being printed: the print review (PrintReview) renders only then, so it costs
 * nothing on screen. True from `beforeprint` (Ctrl+P or window.print) to `afterprint`, and while
 * the print media query matches (print preview, or a test emulating print media).
 */
import { flushSync } from 'react-dom';

const listeners = new Set<() => void>();
let requested = false;
let installed = false;

function notify(): void {
  for (const listener of listeners) listener();
}

function setRequested(value: boolean): void {
  if (requested === value) return;
  requested = value;
  // The browser lays the page out for print right after beforeprint: render now, not later.
  flushSync(notify);
}

let query: MediaQueryList | null | undefined;

/** One MediaQueryList for the page: isPrinting is read on every render of the toolbar. */
function printQuery(): MediaQueryList | null {
  query ??= typeof window.matchMedia === 'function' ? window.matchMedia('print') : null;
  return query;
}

function install(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('beforeprint', () => setRequested(true));
  window.addEventListener('afterprint', () => setRequested(false));
  printQuery()?.addEventListener('change', notify);
}

export function subscribePrinting(listener: () => void): () => void {
  install();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isPrinting(): boolean {
  return requested || (printQuery()?.matches ?? false);
}

/** Renders the print review and opens the browser's print dialog. */
export function printReview(): void {
  install();
  setRequested(true);
  window.print();
}
