/** The composition root: restores the workspace, connects the session, and renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useAppStore } from '../store';
import { readPreviousWorkspace, savePreviousWorkspaceOnChange } from '../store/previous-workspace';
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

connectSession(useAppStore);
// After the session is connected, because a link is loaded as the session's run.
openScenarioLinks(useAppStore);

installTestHook();

const root = document.getElementById('root');
if (!root) throw new Error('app: index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
