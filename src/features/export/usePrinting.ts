import { useSyncExternalStore } from 'react';
import { isPrinting, subscribePrinting } from './printing';

/** True while the page is printed (see printing.ts). */
export function usePrinting(): boolean {
  return useSyncExternalStore(subscribePrinting, isPrinting, () => false);
}
