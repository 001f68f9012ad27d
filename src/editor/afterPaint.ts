/**
 * Runs `next` once, in a task after the next frame, so that what just rendered is painted first.
 * With `latestMs`, it runs by then at the latest (a tab in the background paints no frames).
 * Returns a cancel.
 */
export function afterPaint(next: () => void, latestMs?: number): () => void {
  let done = false;
  let timer: number | undefined;
  const stop = () => {
    done = true;
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
    window.clearTimeout(latest);
  };
  const run = () => {
    if (done) return;
    stop();
    next();
  };
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(run, 0);
  });
  const latest = latestMs === undefined ? undefined : window.setTimeout(run, latestMs);
  return stop;
}
