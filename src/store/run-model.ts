/**
 * Pure derivations for the run slice: the run's status, the scenario a run starts from, and
 * the scenario with the requests a person sent recorded into its traffic.
 */
import type { SentRequest, SessionSnapshot } from '../driver/session';
import type { FunctionSpec, Scenario, ScenarioTrafficEntry } from '../scenario/schema';
import { scenarioSchema } from '../scenario/schema';
import type { TimelineModel } from '../timeline/spans';

/**
 * `idle`: nothing is running and nothing is scheduled (the run is over, or none started);
 * `playing`: the playhead moves; `paused`: the person stopped it with work left;
 * `executing`: handler code is running and the playhead waits for it.
 */
export type RunStatus = 'idle' | 'playing' | 'paused' | 'executing';

export function runStatusOf(
  playing: boolean,
  snapshot: SessionSnapshot | undefined,
  timeline: TimelineModel,
  playheadMs: number,
): RunStatus {
  if (snapshot?.executing) return 'executing';
  if (playing) return 'playing';
  if (!snapshot?.loaded || snapshot.error) return 'idle';
  const workLeft =
    snapshot.nextEventTime !== undefined ||
    snapshot.pendingSequential > 0 ||
    timeline.nextEventAfter(playheadMs) !== undefined ||
    timeline.isBusyAt(playheadMs);
  return workLeft ? 'paused' : 'idle';
}

/** The scenario for a run of the function being edited, with the schema's defaults. */
export function scenarioOfFunction(functionSpec: FunctionSpec): Scenario {
  return scenarioSchema.parse({ version: 1, functions: [functionSpec] });
}

/** `scenario` with the requests a person sent during the run appended to its traffic, in time order. */
export function withRecordedTraffic(scenario: Scenario, sent: readonly SentRequest[]): Scenario {
  return withTraffic(scenario, recordedTraffic(sent));
}

/** The traffic entries that record the requests a person sent. */
export function recordedTraffic(sent: readonly SentRequest[]): ScenarioTrafficEntry[] {
  return sent.map(
    (request): ScenarioTrafficEntry =>
      request.entry ?? {
        at: request.at,
        function: request.functionName,
        type: 'sync',
        count: request.count,
        event: request.event,
        source: request.source,
        ...(request.invoker && request.invoker !== 'direct' ? { invoker: request.invoker } : {}),
      },
  );
}

/** `scenario` with `entries` appended to its traffic, in time order. */
export function withTraffic(scenario: Scenario, entries: readonly ScenarioTrafficEntry[]): Scenario {
  if (entries.length === 0) return scenario;
  // A stable sort keeps the order of requests recorded at the same time.
  const traffic = [...scenario.traffic, ...entries].sort((a, b) => a.at - b.at);
  return { ...scenario, traffic };
}
