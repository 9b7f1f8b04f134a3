/** How many of the latest invocations the invocation list shows. */
export const INVOCATION_LIST_LIMIT = 200;

/** Returns the note under a list cut to its limit, e.g. "Showing the latest 200 of 1,000 invocations." */
export function listLimitNote(shown: number, total: number): string {
  return `Showing the latest ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} invocations.`;
}
