/**
 * The scenario a link shares: the workspace's functions, account settings and resources,
 * with the seed and the traffic of the current run, including the requests the person sent.
 */
import type { Scenario } from '../scenario/schema';
import { trafficRequestCount } from '../scenario/traffic';
import { encodeScenarioLink, MAX_LINK_LENGTH } from '../scenario/url-codec';
import type { AppState } from './index';
import { recordedTraffic, withTraffic } from './run-model';
import { selectRecordedScenario } from './run-slice';

export type ShareLink =
  | {
      readonly ok: true;
      readonly url: string;
      readonly functionCount: number;
      /** Requests the link's traffic sends. */
      readonly requestCount: number;
    }
  | { readonly ok: false; readonly message: string };

type ShareState = Pick<AppState, 'scenario' | 'runScenario' | 'runSource' | 'runRecorded' | 'snapshot'>;

/**
 * Returns the scenario to share. While the run is of the workspace as it is, that is the run's
 * own scenario with the requests sent so far. After a change to the workspace, it is what
 * Replay would run: the changed workspace with the run's requests.
 */
export function scenarioToShare(state: ShareState): Scenario {
  if (state.runScenario && state.runSource === state.scenario) return selectRecordedScenario(state)!;
  if (!state.runScenario) return state.scenario;
  const recorded = [...state.runRecorded, ...recordedTraffic(state.snapshot?.sent ?? [])];
  return withTraffic(state.scenario, recorded);
}

/** Builds the link to the scenario at `pageUrl` (the page's address; its fragment is replaced). */
export function shareLinkOf(state: ShareState, pageUrl: string): ShareLink {
  const scenario = scenarioToShare(state);
  const encoded = encodeScenarioLink(scenario);
  if (!encoded.ok) {
    const fromRun = encoded.issues.some((issue) => issue.path.startsWith('traffic'));
    const hint = fromRun ? " The requests come from the current run: press Clear in the timeline's controls to share the scenario without them." : '';
    return { ok: false, message: `${encoded.message}${hint}` };
  }

  const url = `${pageUrl.split('#')[0]}#${encoded.fragment}`;
  if (url.length > MAX_LINK_LENGTH) {
    return {
      ok: false,
      message: `The link would be ${url.length.toLocaleString('en-US')} characters long, more than the ${MAX_LINK_LENGTH.toLocaleString('en-US')} Chrome accepts. Shorten the code or send fewer requests, then share again.`,
    };
  }
  const requestCount = scenario.traffic.reduce((total, entry) => total + trafficRequestCount(entry), 0);
  return { ok: true, url, functionCount: scenario.functions.length, requestCount };
}
