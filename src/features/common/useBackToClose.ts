import { useEffect } from 'react';
import { BackStack } from './backStack';

/**
 * MUI portals every modal (Dialog, Menu, Popover, Select's list) into <body> as a child with
 * this class; one kept mounted while closed also has MuiModal-hidden (the app keeps none mounted).
 */
function isOpenModal(element: Element): element is HTMLElement {
  return element instanceof HTMLElement && element.classList.contains('MuiModal-root') && !element.classList.contains('MuiModal-hidden');
}

/** Longer than MUI's exit transitions (225 ms for dialogs). */
const SETTLE_MS = 800;

function openModals(): HTMLElement[] {
  return Array.from(document.body.children).filter(isOpenModal);
}

/** Closes the topmost modal as Escape would (MUI's Modal listens on its root). */
function closeTopModal(): void {
  const top = openModals().at(-1);
  top?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true, cancelable: true }));
}

/**
 * Makes the browser's Back close the open dialog (menu, popover) instead of leaving the app, for
 * every MUI modal in the page: mount it once near the root. See BackStack for the history rules.
 */
export function useBackToClose(): void {
  useEffect(() => {
    const stack = new BackStack(window.history, closeTopModal);
    let settleTimer: number | undefined;
    const count = () => openModals().length;
    const observer = new MutationObserver(() => stack.dialogsChanged(count()));
    // only <body>'s own children: the app's edits deeper down never wake it
    observer.observe(document.body, { childList: true });
    const onPopState = () => {
      stack.popped();
      window.clearTimeout(settleTimer);
      settleTimer = window.setTimeout(() => stack.settle(count()), SETTLE_MS);
    };
    window.addEventListener('popstate', onPopState);
    stack.dialogsChanged(count());
    return () => {
      observer.disconnect();
      window.removeEventListener('popstate', onPopState);
      window.clearTimeout(settleTimer);
    };
  }, []);
}
