/** The app's Zustand store, composed of slices. */
import { create } from 'zustand';
import { createRunSlice, type RunSlice } from './run-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';

export type AppState = RunSlice & WorkspaceSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createRunSlice(...args),
  ...createWorkspaceSlice(...args),
}));
