/**
 * Installs `window.__lambdaPlayground`, which browser tests read besides the DOM. Its store
 * gives the model state: run status, trace and workspace. Its `spans()` returns the timeline's
 * spans for the current trace, built the same way the timeline builds them. Its
 * `runScenario(text)` starts a run of a scenario document and plays it.
 */
import { parseScenarioText } from '../scenario/validate';
import { useAppStore } from '../store';
import { selectTrace } from '../store/run-view';
import { TimelineModel, type Span } from '../timeline/spans';

export function installTestHook(): void {
  const spans = (): Span[] => {
    const model = new TimelineModel();
    const { events, length } = selectTrace(useAppStore.getState());
    model.update(events, length);
    return model.groups.flatMap((group) => group.lanes.flatMap((lane) => [...lane.spans]));
  };
  window.__lambdaPlayground = { ...window.__lambdaPlayground, store: useAppStore, spans, runScenario };
}

/**
 * Starts a fresh run of the scenario JSON `text` from time 0 and plays it. Throws when the
 * text is not a valid scenario. The run ends on its own, and the timeline's
 * `data-run-status` turns `idle` once nothing is left to happen.
 */
function runScenario(text: string): void {
  const result = parseScenarioText(text);
  if (!result.ok) {
    const problems = result.issues.map((issue) => `${issue.path || '(the document)'}: ${issue.message}`);
    throw new Error(`test hook: the scenario is invalid: ${problems.join('; ')}`);
  }
  const { driver } = useAppStore.getState();
  if (!driver) throw new Error('test hook: no session is attached to the store yet. Wait for the page to load.');
  // The session loads the scenario directly, because `play` and `replay` replace a run that
  // did not come from the workspace with a run of the workspace. Playback never does that.
  useAppStore.setState({
    runScenario: result.scenario,
    runSource: undefined,
    playheadMs: 0,
    selection: undefined,
    runError: undefined,
    playing: true,
    skipping: false,
  });
  driver.session.load(result.scenario);
}
