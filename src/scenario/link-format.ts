/**
 * The parts of the scenario link format that tell a link apart without decoding it, kept
 * apart from the codec so that the page can check its address without loading compression.
 */

/** The version of the link format this playground writes and reads. */
export const LINK_FORMAT = 1;

/** The fragment's parameter that contains the scenario: `#s=…`. */
export const LINK_PARAMETER_PREFIX = 's=';

/** Returns whether `fragment` (a URL's hash, with or without `#`) is meant as a scenario link. */
export function isScenarioLink(fragment: string): boolean {
  return (fragment.startsWith('#') ? fragment.slice(1) : fragment).startsWith(LINK_PARAMETER_PREFIX);
}
