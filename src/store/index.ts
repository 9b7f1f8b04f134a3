/** The app's Zustand store, composed of slices. */
import { create } from 'zustand';
import { createAsyncSlice, type AsyncSlice } from './async-slice';
import { createLoadSlice, type LoadSlice } from './load-slice';
import { createRunSlice, type RunSlice } from './run-slice';
import { createShareSlice, type ShareSlice } from './share-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';

export type AppState = RunSlice & WorkspaceSlice & LoadSlice & AsyncSlice & ShareSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createRunSlice(...args),
  ...createWorkspaceSlice(...args),
  ...createLoadSlice(...args),
  ...createAsyncSlice(...args),
  ...createShareSlice(...args),
}));
