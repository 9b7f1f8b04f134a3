import { Panel } from '../components/Panel';

/**
 * The timeline and its playback controls.
 * TODO: render the Timeline and Playback components here once they exist; until then this
 * panel only reserves their place in the layout.
 */
export function TimelineArea() {
  return (
    <Panel title="Timeline" labelledBy="timeline-title" className="h-full" bodyClassName="p-3">
      <p className="text-sm text-slate-500">The timeline appears here.</p>
    </Panel>
  );
}
