import { useCallback, useEffect, useRef } from 'react';

/**
 * One account call at a time that the user can cancel: `start()` gives the signal to pass to
 * `call` (the signal of the call before it is aborted), `cancel()` aborts the call in flight, so
 * the browser closes its request and the server aborts the IAM call it was making. A component
 * that goes away cancels its call too.
 */
export function useCancellable() {
  const current = useRef<AbortController | null>(null);
  useEffect(
    () => () => {
      current.current?.abort();
    },
    [],
  );
  const start = useCallback((): AbortSignal => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    return controller.signal;
  }, []);
  const cancel = useCallback(() => {
    current.current?.abort();
  }, []);
  return { start, cancel };
}
