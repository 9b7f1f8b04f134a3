/**
 * Measures the timeline's per-frame work on a large run: building lanes and spans from the
 * trace (all at once, and incrementally as the trace grows), and one frame of drawing into a
 * context that records nothing, with 1,000 lanes and 20,000 throttled requests, expanded and
 * collapsed. Prints figures against the 16 ms budget of a 60 Hz frame.
 */
import { performance } from 'node:perf_hooks';
import { drawTimeline, LABEL_WIDTH } from '../src/timeline/draw';
import { computeLayout } from '../src/timeline/layout';
import { TimeScale } from '../src/timeline/scale';
import { TimelineModel } from '../src/timeline/spans';
import { TraceBuilder } from '../src/timeline/testing/trace-builder';

const ENVIRONMENTS = 1000;
const REQUESTS_PER_ENVIRONMENT = 20;
const THROTTLES = 20_000;
const FRAME_BUDGET_MS = 16;

function buildTrace() {
  const trace = new TraceBuilder('burst');
  for (let env = 0; env < ENVIRONMENTS; env++) {
    const envId = `burst#${env + 1}`;
    trace.cold(env, envId, `req-${env}-0`, { platform: 150, init: 140, duration: 80 });
    for (let n = 1; n < REQUESTS_PER_ENVIRONMENT; n++) trace.warm(env + n * 1000, envId, `req-${env}-${n}`, 80);
    trace.reclaim(env + REQUESTS_PER_ENVIRONMENT * 1000 + 360_000, envId, 360_000);
  }
  for (let n = 0; n < THROTTLES; n++) trace.throttle(n, `throttled-${n}`, 'ConcurrentInvocationLimitExceeded', ENVIRONMENTS);
  return trace.build();
}

function time(label: string, run: () => void, repeat = 1): number {
  run();
  const start = performance.now();
  for (let i = 0; i < repeat; i++) run();
  const perRun = (performance.now() - start) / repeat;
  console.log(`${label.padEnd(52)} ${perRun.toFixed(2).padStart(9)} ms (${(perRun / FRAME_BUDGET_MS).toFixed(2)} of a frame)`);
  return perRun;
}

const trace = buildTrace();
console.log(`trace: ${trace.length.toLocaleString('en-US')} events, ${ENVIRONMENTS} environments, ${THROTTLES.toLocaleString('en-US')} throttles`);

time('build the model from the whole trace', () => new TimelineModel().update(trace), 5);

const growing = new TimelineModel();
const steps = 1000;
const chunk = Math.ceil(trace.length / steps);
let grown = 0;
const incremental = time(`apply the trace in ${steps} increments (total)`, () => {
  const model = new TimelineModel();
  for (let end = chunk; end < trace.length + chunk; end += chunk) model.update(trace.slice(0, Math.min(end, trace.length)));
  grown = model.eventCount;
});
console.log(`  per increment: ${(incremental / steps).toFixed(3)} ms (includes copying the trace prefix), ${grown} events applied`);
growing.update(trace);

const noop = new Proxy({}, { get: (_, property) => (property === 'measureText' ? () => ({ width: 40 }) : () => undefined), set: () => true });
const ctx = noop as unknown as CanvasRenderingContext2D;
const width = 1400;
const height = 600;

for (const [label, startMs, endMs, scrollY, collapsed] of [
  ['one frame, 2 s view at the start', 0, 2000, 0, false],
  ['one frame, whole run in view', 0, 390_000, 0, false],
  ['one frame, whole run, scrolled to lane 500', 0, 390_000, 4000, false],
  ['one frame, whole run, lanes collapsed', 0, 390_000, 0, true],
] as const) {
  const playheadMs = 390_000;
  time(`${label}`, () => {
    const layout = computeLayout(growing, playheadMs, { collapsed: collapsed ? ['burst'] : [] });
    drawTimeline(ctx, {
      layout,
      scale: TimeScale.fromRange(startMs, endMs, width - LABEL_WIDTH),
      playheadMs,
      width,
      height,
      scrollY,
      selectedRequestId: undefined,
      selectedEnvId: undefined,
      hovered: undefined,
      emptyMessage: '',
    });
  }, 50);
}

time('isBusyAt over every lane (playback, once per frame)', () => growing.isBusyAt(200_000), 200);
