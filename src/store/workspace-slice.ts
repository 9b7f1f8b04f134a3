/**
 * What the person is editing: the scenario's functions and code, the test event, and their
 * validation. Owned by the app work; this is a placeholder to build against.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface WorkspaceSlice {
  readonly workspaceReady: boolean;
}

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = () => ({
  workspaceReady: false,
});
