/** The composition root: restores the workspace and the run, connects the session, and renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isScenarioLink } from '../scenario/link-format';
import { useAppStore } from '../store';
import { readPreviousWorkspace, savePreviousWorkspaceOnChange } from '../store/previous-workspace';
import { readSavedRunText, restoreSavedRun, saveRunOnChange } from '../store/saved-run';
import { readSavedWorkspace, saveWorkspaceOnChange } from '../store/workspace-persistence';
import { App } from './App';
import { openScenarioLinks } from './scenario-link';
import { connectSession } from './session';
import { installTestHook } from './test-hook';
import './styles.css';

const saved = readSavedWorkspace(window.localStorage);
if (saved) useAppStore.getState().loadWorkspace(saved);

const previous = readPreviousWorkspace(window.localStorage);
if (previous) useAppStore.getState().keepPreviousWorkspace(previous);

const saver = saveWorkspaceOnChange(useAppStore, window.localStorage);
window.addEventListener('pagehide', () => saver.flush());
savePreviousWorkspaceOnChange(useAppStore, window.localStorage);

// The run saved before a reload, read before the saver can overwrite it. A link in the address wins over it.
const runStorage = tabStorage();
const savedRun = runStorage && !isScenarioLink(window.location.hash) ? readSavedRunText(runStorage) : undefined;
const loadCodec = () => import('../scenario/url-codec');
if (runStorage) {
  const runSaver = saveRunOnChange(useAppStore, runStorage, loadCodec);
  window.addEventListener('pagehide', () => runSaver.flush());
}

connectSession(useAppStore);
// After the session is connected, because a link or a saved run is loaded as the session's run.
openScenarioLinks(useAppStore);
if (savedRun !== undefined) {
  restoreSavedRun(useAppStore, savedRun, loadCodec).catch((error: unknown) => {
    console.error('app: restoring the run from before the reload failed.', error);
  });
}

installTestHook();

/** Returns the tab's sessionStorage, or undefined when the browser denies it (storage disabled for the site). */
function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch (error) {
    console.warn('app: the browser denies sessionStorage, so a reload will not restore the run.', error);
    return undefined;
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('app: index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
