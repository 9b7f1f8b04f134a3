/** How many of the latest invocations the invocation list shows. */
export const INVOCATION_LIST_LIMIT = 200;

/**
 * Returns the note under a list cut to its limit. It points to the timeline, where a click on a
 * span or request marker selects any invocation of the run.
 */
export function listLimitNote(shown: number, total: number): string {
  return `Showing the latest ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} invocations. To inspect an older one, click it on the timeline.`;
}
