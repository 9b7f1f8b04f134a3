/**
 * The wording of the "running handlers" status. The live session resolves a step's executions
 * together, once the slowest of them finishes, so while a single step runs the count of ended
 * requests stays at 0. The status then names the batch and shows no count.
 */
export interface RunProgressLabel {
  readonly text: string;
  /** The fraction of requests ended, or undefined while none has, for an indeterminate bar. */
  readonly fraction: number | undefined;
}

/** Builds the status text for `total` requests sent since the run became busy, `done` of them ended. */
export function runProgressLabel(done: number, total: number): RunProgressLabel {
  const format = (n: number) => n.toLocaleString('en-US');
  if (done <= 0 || total <= 0) {
    const handlers = total === 1 ? 'handler' : 'handlers';
    return { text: total > 0 ? `Running ${format(total)} ${handlers}…` : 'Running handlers…', fraction: undefined };
  }
  // A throttled request is done too: its caller has its 429 at once.
  return { text: `Running handlers… ${format(done)} of ${format(total)} requests done`, fraction: Math.min(1, done / total) };
}
