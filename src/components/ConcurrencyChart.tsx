import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useAppStore, type AppState } from '../store';
import { chartData, ConcurrencyTracker, type ChartData } from '../store/concurrency-chart';
import { selectPlayheadMs, selectView } from '../store/run-slice';
import { selectTrace } from '../store/run-view';
import { ACCOUNT_COLOR, LIMIT_COLORS, functionColor } from './chart/chart-colors';
import { parseBoolean, useStoredState } from './use-stored-state';
import { useThrottledDerivation } from './use-throttled-derivation';

// uPlot is about 20 KB gzipped: it loads after the first render, with the chart.
const UPlotConcurrencyChart = lazy(() => import('./chart/UPlotConcurrencyChart'));

/** Width of the timeline's label column, so the plot lines up with the timeline's time axis. */
const LABEL_WIDTH_PX = 132;
/** Short enough to leave the timeline its lanes at 1280×800; the limits still read as separate lines. */
const CHART_HEIGHT_PX = 56;
const OPEN_STORAGE_KEY = 'lambda-playground:concurrency-chart-open';
/** Bucket width in pixels: each bucket shows the maximum within it. */
const BUCKET_PX = 2;

const tracker = new ConcurrencyTracker();

const deriveChart = (state: AppState): ChartData =>
  chartData(tracker.update(selectTrace(state)), state.runScenario ?? state.scenario, {
    startMs: state.view.startMs,
    endMs: state.view.endMs,
    columns: state.view.widthPx / BUCKET_PX,
    playheadMs: state.playheadMs,
  });
const chartInputsChanged = (state: AppState, previous: AppState) =>
  state.snapshot !== previous.snapshot ||
  state.view !== previous.view ||
  state.playheadMs !== previous.playheadMs ||
  state.runScenario !== previous.runScenario ||
  state.scenario !== previous.scenario;
const refreshInterval = (state: AppState) => Math.min(1000, Math.max(100, selectTrace(state).length / 200));

/**
 * Busy environments over the timeline's visible range, per function and for the account, with
 * the limits drawn as lines; it follows the playhead. It can be folded away, and the page
 * remembers that across reloads.
 */
export function ConcurrencyChart() {
  const [open, setOpen] = useStoredState(OPEN_STORAGE_KEY, true, parseBoolean);

  return (
    <section aria-label="Concurrency" className="shrink-0 rounded-md border border-slate-200" data-testid="concurrency-chart">
      <header className="flex h-7 items-center gap-3 px-2 text-xs">
        <button
          type="button"
          className="flex items-center gap-1 font-semibold text-slate-700 hover:text-slate-900"
          aria-expanded={open}
          onClick={() => setOpen((value) => !value)}
        >
          <span aria-hidden className="inline-block w-3 text-slate-400">
            {open ? '▾' : '▸'}
          </span>
          Concurrency
        </button>
        {open && <ChartLegend />}
      </header>
      {open && <ChartBody />}
    </section>
  );
}

function ChartBody() {
  const data = useThrottledDerivation(deriveChart, chartInputsChanged, refreshInterval);
  const playheadMs = useAppStore(selectPlayheadMs);
  const view = useAppStore(selectView);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={box} style={{ height: CHART_HEIGHT_PX }} className="border-t border-slate-100">
      {width > 0 && (
        <Suspense fallback={null}>
          <UPlotConcurrencyChart
            data={data}
            playheadMs={playheadMs}
            labelWidthPx={LABEL_WIDTH_PX}
            width={width}
            height={CHART_HEIGHT_PX}
            startMs={view.startMs}
            endMs={view.endMs}
          />
        </Suspense>
      )}
    </div>
  );
}

const selectFunctionNames = (state: AppState) => (state.runScenario ?? state.scenario).functions;

function ChartLegend() {
  const functions = useAppStore(selectFunctionNames);
  const accountLimit = useAppStore((state) => (state.runScenario ?? state.scenario).settings.account.concurrencyLimit);
  return (
    <ul className="flex min-w-0 flex-1 items-center gap-3 overflow-hidden text-[11px] text-slate-600">
      {functions.length > 1 && <LegendItem color={ACCOUNT_COLOR} label="account" />}
      {functions.map((fn, index) => (
        <LegendItem key={fn.name} color={functionColor(index)} label={fn.name} />
      ))}
      <LegendItem color={LIMIT_COLORS.account} label={`account limit ${accountLimit.toLocaleString('en-US')}`} dashed />
      <LegendItem color={LIMIT_COLORS.reserved} label="reserved" dashed />
      <LegendItem color={LIMIT_COLORS.provisioned} label="provisioned" dashed />
    </ul>
  );
}

function LegendItem({ color, label, dashed = false }: { readonly color: string; readonly label: string; readonly dashed?: boolean }) {
  return (
    <li className="flex shrink-0 items-center gap-1 whitespace-nowrap">
      <span aria-hidden className="inline-block w-3" style={{ borderTop: `2px ${dashed ? 'dashed' : 'solid'} ${color}` }} />
      {label}
    </li>
  );
}
