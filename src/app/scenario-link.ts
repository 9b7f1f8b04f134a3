/**
 * Opens the scenario link in the page's address: at startup, and when only the fragment
 * changes (a link pasted into the address bar of an open tab does not reload the page). The
 * codec loads only when the address has a link, so that the first page load stays small.
 */
import { isScenarioLink } from '../scenario/link-format';
import type { useAppStore } from '../store';

/** Opens a scenario link now and on every later `hashchange`; returns a function that stops listening. */
export function openScenarioLinks(store: typeof useAppStore, page: Window = window): () => void {
  const open = async () => {
    const { hash, pathname, search } = page.location;
    if (!isScenarioLink(hash)) return;
    const { decodeScenarioLink } = await import('../scenario/url-codec');
    // A link that opened leaves the address, so that a reload keeps the person's later changes
    // rather than opening the link again. A broken one stays, for the person to check.
    if (store.getState().openScenarioLink(decodeScenarioLink(hash))) {
      page.history.replaceState(page.history.state, '', `${pathname}${search}`);
    }
  };
  const openAndReport = () => {
    open().catch((error: unknown) => {
      // The codec's chunk failed to load, e.g. the app was updated on the server since this page loaded.
      console.error('app: opening the scenario link failed.', error);
      store.getState().reportLinkFailure(`The code that reads links could not be loaded (${(error as Error).message}). Reload the page to try again.`);
    });
  };
  openAndReport();
  page.addEventListener('hashchange', openAndReport);
  return () => page.removeEventListener('hashchange', openAndReport);
}
