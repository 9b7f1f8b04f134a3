/**
 * Frame times of the timeline with 1,000 environment lanes, in Chromium on the production
 * build. A scenario sends 1,000 requests at once, three times, so that a function scales to
 * 1,000 environments. Then the page zooms, pans and scrolls the timeline every frame for a few
 * seconds while it records the gaps between animation frames. Chromium runs without vsync and
 * without its frame rate limit, so a gap is the time a frame really took rather than 16.7 ms.
 * Prints the median, 95th percentile and maximum frame time, and the median's ratio to the
 * 16.7 ms of a 60 Hz frame. Run it with `npx tsx bench/timeline-frames.bench.ts`; set
 * `TIMELINE_SCREENSHOT=file.png` to save a picture of the timeline before the measurement.
 */
import { availableParallelism, cpus } from 'node:os';
import { chromiumPath, openAppInChromium, summarize } from './browser-page';

const ENVIRONMENTS = 1000;
const WAVES = 3;
const WAVE_INTERVAL_MS = 30_000;
const MEASURE_MS = 5000;
const FRAME_BUDGET_MS = 1000 / 60;

/** One function that sleeps 1 s on the simulated clock; each wave keeps all 1,000 environments busy. */
const scenario = {
  version: 1,
  functions: [
    {
      name: 'burst',
      code: 'export const handler = async (event) => { await new Promise((r) => setTimeout(r, 1000)); return event.wave; };',
    },
  ],
  traffic: Array.from({ length: WAVES }, (_, wave) => ({ at: wave * WAVE_INTERVAL_MS, function: 'burst', count: ENVIRONMENTS, event: { wave } })),
};

interface HookedWindow {
  __lambdaPlayground: {
    runScenario(text: string): void;
    store: {
      getState(): {
        playheadMs: number;
        timeline: { groups: readonly { lanes: readonly unknown[] }[] };
        view: { widthPx: number };
        setSpeed(speed: number): void;
        pause(): void;
        setFollow(follow: boolean): void;
        fitView(): void;
        zoomBy(factor: number, x?: number): void;
        panBy(dx: number): void;
        setTimelineScroll(scrollY: number): void;
      };
    };
  };
}

const executablePath = chromiumPath();
if (!executablePath) {
  console.log('Chromium: not installed (set CHROMIUM_PATH), timeline frame times skipped');
  process.exit(0);
}

const app = await openAppInChromium(executablePath, ['--disable-gpu-vsync', '--disable-frame-rate-limit']);
try {
  const { page } = app;
  const loadStarted = performance.now();
  await page.evaluate((text) => {
    const hook = (window as unknown as HookedWindow).__lambdaPlayground;
    hook.runScenario(text);
    hook.store.getState().setSpeed(100);
  }, JSON.stringify(scenario));
  const endOfWaves = (WAVES - 1) * WAVE_INTERVAL_MS + 5000;
  await page.waitForFunction((end) => (window as unknown as HookedWindow).__lambdaPlayground.store.getState().playheadMs >= end, endOfWaves, {
    timeout: 600_000,
    polling: 250,
  });
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const screenshot = process.env.TIMELINE_SCREENSHOT;
  if (screenshot) {
    await page.evaluate(() => {
      const state = (window as unknown as HookedWindow).__lambdaPlayground.store.getState();
      state.pause();
      state.setFollow(false);
      state.fitView();
    });
    await page.waitForTimeout(500);
    await page.getByTestId('timeline').screenshot({ path: screenshot });
  }

  const result = await page.evaluate(async (measureMs) => {
    const store = (window as unknown as HookedWindow).__lambdaPlayground.store;
    const state = store.getState();
    state.pause();
    state.setFollow(false);
    state.fitView();
    const lanes = store.getState().timeline.groups.reduce((sum, group) => sum + group.lanes.length, 0);

    const gaps: number[] = [];
    await new Promise<void>((resolve) => {
      let frame = 0;
      let last = performance.now();
      const end = last + measureMs;
      const step = (now: number) => {
        gaps.push(now - last);
        last = now;
        const current = store.getState();
        const middle = current.view.widthPx / 2;
        // Zoom in, pan right, zoom out, pan left, and scroll the lanes all the while.
        const phase = frame % 160;
        if (phase < 40) current.zoomBy(1.05, middle);
        else if (phase < 80) current.panBy(12);
        else if (phase < 120) current.zoomBy(1 / 1.05, middle);
        else current.panBy(-12);
        current.setTimelineScroll((frame * 23) % 8000);
        frame++;
        if (now < end) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    return { lanes, gaps: gaps.slice(1) };
  }, MEASURE_MS);

  const frames = summarize(result.gaps);
  console.log(`machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), Chromium without vsync`);
  console.log(`lanes: ${result.lanes} environments (scenario played to ${endOfWaves / 1000} s at 100x in ${loadSeconds.toFixed(1)} s)`);
  console.log(`frames: ${result.gaps.length} in ${MEASURE_MS / 1000} s of zooming, panning and scrolling`);
  console.log(`  median ${frames.median.toFixed(2)} ms, p95 ${frames.p95.toFixed(2)} ms, max ${frames.max.toFixed(2)} ms`);
  console.log(`  median / ${FRAME_BUDGET_MS.toFixed(1)} ms: ${(frames.median / FRAME_BUDGET_MS).toFixed(2)} (below 1 meets the target)`);
} finally {
  await app.close();
}
