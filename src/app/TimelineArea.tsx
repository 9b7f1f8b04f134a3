import { Timeline } from '../components/Timeline';

/** The timeline card: its playback controls serve as its title bar. */
export function TimelineArea() {
  return (
    <section aria-label="Timeline" className="h-full min-h-0 rounded-lg border border-slate-200 bg-white p-2 shadow-sm">
      <Timeline />
    </section>
  );
}
