/** The composition root: restores the workspace, connects the session, and renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useAppStore } from '../store';
import { readSavedWorkspace, saveWorkspaceOnChange } from '../store/workspace-persistence';
import { App } from './App';
import { connectSession } from './session';
import { installTestHook } from './test-hook';
import './styles.css';

const saved = readSavedWorkspace(window.localStorage);
if (saved) useAppStore.getState().loadWorkspace(saved);

const saver = saveWorkspaceOnChange(useAppStore, window.localStorage);
window.addEventListener('pagehide', () => saver.flush());

connectSession(useAppStore);

installTestHook();

const root = document.getElementById('root');
if (!root) throw new Error('app: index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
