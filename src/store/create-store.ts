/** Composes the app's Zustand store from its slices. */
import { create } from 'zustand';
import { createAsyncSlice, type AsyncSlice } from './async-slice';
import { createLoadSlice, type LoadSlice } from './load-slice';
import { createRunSlice, type RunSlice } from './run-slice';
import { createShareSlice, type ShareSlice } from './share-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';

export type AppState = RunSlice & WorkspaceSlice & LoadSlice & AsyncSlice & ShareSlice;

/** Creates a store with every slice: the app makes one, and each store test its own. */
export function createAppStore() {
  return create<AppState>()((...args) => ({
    ...createRunSlice(...args),
    ...createWorkspaceSlice(...args),
    ...createLoadSlice(...args),
    ...createAsyncSlice(...args),
    ...createShareSlice(...args),
  }));
}
