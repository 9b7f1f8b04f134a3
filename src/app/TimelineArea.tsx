import { ConcurrencyChart } from '../components/ConcurrencyChart';
import { Timeline } from '../components/Timeline';

/** Renders the timeline card, whose playback controls serve as its title bar, with the concurrency chart under the lanes. */
export function TimelineArea() {
  return (
    <section aria-label="Timeline" className="flex h-full min-h-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-2 shadow-sm">
      <div className="flex-1">
        <Timeline />
      </div>
      <ConcurrencyChart />
    </section>
  );
}
