/**
 * Installs `window.__lambdaPlayground`, which browser tests read besides the DOM. Its store
 * gives the model state: run status, trace and workspace. Its `spans()` returns the timeline's
 * spans for the current trace, built the same way the timeline builds them.
 */
import { useAppStore } from '../store';
import { selectTrace } from '../store/run-view';
import { TimelineModel, type Span } from '../timeline/spans';

export function installTestHook(): void {
  const spans = (): Span[] => {
    const model = new TimelineModel();
    model.update(selectTrace(useAppStore.getState()));
    return model.groups.flatMap((group) => group.lanes.flatMap((lane) => [...lane.spans]));
  };
  window.__lambdaPlayground = { ...window.__lambdaPlayground, store: useAppStore, spans };
}
