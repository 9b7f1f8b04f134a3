/**
 * Saving the workspace that a scenario opened from a link replaced, so that the person can
 * restore it after a reload too. It is written as soon as it changes and removed once it is
 * restored or discarded.
 */
import type { ShareSlice } from './share-slice';
import { readSavedWorkspace, serializeWorkspace } from './workspace-persistence';
import type { WorkspaceDocument } from './workspace-slice';

export const PREVIOUS_WORKSPACE_STORAGE_KEY = 'lambda-playground:workspace-before-link';

export type PreviousWorkspaceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

interface SubscribableStore {
  subscribe(listener: (state: ShareSlice, previous: ShareSlice) => void): () => void;
}

export function readPreviousWorkspace(storage: PreviousWorkspaceStorage): WorkspaceDocument | undefined {
  return readSavedWorkspace(storage, PREVIOUS_WORKSPACE_STORAGE_KEY);
}

/** Keeps the stored previous workspace equal to the store's; returns the unsubscribe function. */
export function savePreviousWorkspaceOnChange(store: SubscribableStore, storage: PreviousWorkspaceStorage): () => void {
  return store.subscribe((state, previous) => {
    if (state.previousWorkspace === previous.previousWorkspace) return;
    try {
      if (state.previousWorkspace) storage.setItem(PREVIOUS_WORKSPACE_STORAGE_KEY, serializeWorkspace(state.previousWorkspace));
      else storage.removeItem(PREVIOUS_WORKSPACE_STORAGE_KEY);
    } catch (error) {
      console.warn('workspace: saving the workspace from before the shared link failed; it is kept in this tab only.', error);
    }
  });
}
