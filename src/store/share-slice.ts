/**
 * Opening a scenario from a link. The link's scenario replaces the workspace and is loaded as
 * a run that waits for Play, and the person's own workspace is kept so that it can be restored.
 * The run saved before a reload is restored the same way, into the workspace as it is.
 */
import type { StateCreator } from 'zustand';
import type { Scenario } from '../scenario/schema';
import type { DecodedLink, LinkProblem } from '../scenario/url-codec';
import type { AppState } from './index';
import { withTraffic } from './run-model';
import { workspaceOfScenario } from './workspace-of-scenario';
import { DEFAULT_WORKSPACE, documentOf, type WorkspaceDocument } from './workspace-slice';

export type LinkNotice =
  | {
      readonly kind: 'opened';
      /** The scenario's name, or undefined when it has none of its own. */
      readonly scenarioName: string | undefined;
      /** Paths of the scenario's values the editor cannot keep after a change. */
      readonly notKept: readonly string[];
    }
  /** `load`: the scenario did not fit the editor; `app`: the page could not read links at all. */
  | { readonly kind: 'failed'; readonly problem: LinkProblem | 'load' | 'app'; readonly message: string }
  /** A workspace from before a link was opened is kept, e.g. after a reload. */
  | { readonly kind: 'previous-kept' }
  /**
   * The run from before a reload was restored and waits for Play. `workspaceChanged`: the
   * code or settings changed after that run, so it now sends its requests to the workspace as it is.
   */
  | { readonly kind: 'run-restored'; readonly workspaceChanged: boolean };

export interface ShareSlice {
  /** The person's own workspace from before a link replaced it, until it is restored or discarded. */
  readonly previousWorkspace: WorkspaceDocument | undefined;
  readonly linkNotice: LinkNotice | undefined;

  /**
   * Opens a decoded scenario link and returns whether it opened. A link that could not be
   * decoded leaves the workspace as it is, and the notice names the problem.
   */
  openScenarioLink(decoded: DecodedLink): boolean;
  /** Shows why the page could not open a link, leaving the workspace as it is. */
  reportLinkFailure(message: string): void;
  /** Takes the previous workspace saved before a reload, with a notice that offers to restore it. */
  keepPreviousWorkspace(document: WorkspaceDocument): void;
  /**
   * Loads the run saved before a reload as a run that waits for Play, with a notice. When the
   * workspace changed since that run, the run is what Replay would start: the workspace as it
   * is with the saved run's requests.
   */
  restoreRun(scenario: Scenario, workspaceChanged: boolean): void;
  /** Puts the previous workspace back in place of the link's scenario, and clears the run. */
  restorePreviousWorkspace(): void;
  discardPreviousWorkspace(): void;
  dismissLinkNotice(): void;
}

const UNTITLED = 'Untitled scenario';

function sameDocument(a: WorkspaceDocument, b: WorkspaceDocument): boolean {
  return JSON.stringify(documentOf(a)) === JSON.stringify(documentOf(b));
}

export const createShareSlice: StateCreator<AppState, [], [], ShareSlice> = (set, get) => ({
  previousWorkspace: undefined,
  linkNotice: undefined,

  openScenarioLink: (decoded) => {
    if (!decoded.ok) {
      set({ linkNotice: { kind: 'failed', problem: decoded.problem, message: decoded.message } });
      return false;
    }
    const state = get();
    const current = documentOf(state);
    const workspace = workspaceOfScenario(decoded.scenario, current);
    if (!workspace.ok) {
      set({ linkNotice: { kind: 'failed', problem: 'load', message: workspace.message } });
      return false;
    }

    // NOTE: only the workspace from before the first link is kept. Opening a second link
    // replaces the first link's scenario, with any changes made to it, without keeping it.
    const keep = state.previousWorkspace === undefined && !sameDocument(current, DEFAULT_WORKSPACE) && !sameDocument(current, workspace.document);
    state.loadWorkspace(workspace.document);
    get().loadRun(decoded.scenario);
    const name = decoded.scenario.name === UNTITLED ? undefined : decoded.scenario.name;
    set({
      ...(keep ? { previousWorkspace: current } : {}),
      linkNotice: { kind: 'opened', scenarioName: name, notKept: workspace.notKept },
    });
    return true;
  },

  reportLinkFailure: (message) => set({ linkNotice: { kind: 'failed', problem: 'app', message } }),

  keepPreviousWorkspace: (document) => set({ previousWorkspace: document, linkNotice: get().linkNotice ?? { kind: 'previous-kept' } }),

  restoreRun: (scenario, workspaceChanged) => {
    get().loadRun(workspaceChanged ? withTraffic(get().scenario, scenario.traffic) : scenario);
    set({ linkNotice: { kind: 'run-restored', workspaceChanged } });
  },

  restorePreviousWorkspace: () => {
    const { previousWorkspace } = get();
    if (!previousWorkspace) return;
    get().loadWorkspace(previousWorkspace);
    set({ previousWorkspace: undefined, linkNotice: undefined });
    get().reset();
  },

  discardPreviousWorkspace: () => set({ previousWorkspace: undefined, linkNotice: undefined }),

  dismissLinkNotice: () => set({ linkNotice: undefined }),
});

// Named selectors.

export const selectLinkNotice = (state: ShareSlice) => state.linkNotice;
export const selectHasPreviousWorkspace = (state: ShareSlice) => state.previousWorkspace !== undefined;
