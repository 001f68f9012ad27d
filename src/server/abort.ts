/**
 * Waits for `promise` unless `signal` aborts first; then rejects at once with `reasonOf(signal)`
 * (the signal's reason by default), whatever the promise does afterwards. The promise itself is
 * not stopped: pass the signal to the work too when it can be (client.send's abortSignal).
 */
export function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  reasonOf: (signal: AbortSignal) => unknown = (s) => s.reason,
): Promise<T> {
  if (!signal) return promise;
  promise.catch(() => undefined); // a rejection after the abort has no one to tell
  if (signal.aborted) return Promise.reject(reasonOf(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(reasonOf(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
