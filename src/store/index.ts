/** The app's Zustand store, composed of slices. */
import { createAppStore } from './create-store';

export type { AppState } from './create-store';

export const useAppStore = createAppStore();
