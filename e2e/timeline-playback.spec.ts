/**
 * Watching a run on the timeline: three requests sent at once give three environments, the
 * playback skips the idle time and stops by itself once they are reclaimed, and clicking an
 * INVOKE span selects that invocation.
 */
import { expect, test } from '@playwright/test';

interface LaneView {
  envId: string;
  end?: { timeMs: number };
  spans: { kind: string; startMs: number; endMs?: number; requestId?: string; outcome?: string }[];
}

interface RunState {
  runStatus: string;
  playheadMs: number;
  selection?: { requestId?: string; envId?: string };
  timeline: { groups: { lanes: LaneView[] }[] };
  view: { startMs: number; msPerPx: number };
  seek(timeMs: number): void;
  fitView(): void;
  setFollow(follow: boolean): void;
}

/** The part of the page's window this test reads: the app's test hook, which exposes the store. */
type HookedWindow = { __lambdaPlayground: { store: { getState(): RunState } } };

/** The canvas's layout constants, in CSS pixels (see src/timeline/draw.ts and layout.ts). */
const LABEL_WIDTH = 132;
const AXIS_HEIGHT = 26;
const ROW_HEIGHT = 26;

test('three concurrent requests play out and stop by themselves', async ({ page }) => {
  await page.goto('/');
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('data-run-status', 'idle');
  await page.getByLabel('Playback speed').selectOption('100');

  await page.getByLabel('Number of requests to send at once').fill('3');
  await page.getByRole('button', { name: 'Send 3 requests' }).click();
  await expect(timeline).toHaveAttribute('data-run-status', /playing|executing/);
  // At 100× the idle time before reclaim (5 to 7 simulated minutes) takes about 4 s.
  await expect(timeline).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 });

  const lanes = await page.evaluate(() => (window as unknown as HookedWindow).__lambdaPlayground.store.getState().timeline.groups[0]!.lanes);
  expect(lanes).toHaveLength(3);
  for (const lane of lanes) {
    expect(lane.spans.map((span) => span.kind).slice(0, 3)).toEqual(['platform', 'init', 'invoke']);
    expect(lane.end).toBeDefined();
  }

  // Go back to the first second and click the first lane's INVOKE span.
  await page.evaluate(() => {
    const state = (window as unknown as HookedWindow).__lambdaPlayground.store.getState();
    state.setFollow(false);
    state.seek(1500);
    (window as unknown as HookedWindow).__lambdaPlayground.store.getState().fitView();
  });
  const target = await page.evaluate(() => {
    const state = (window as unknown as HookedWindow).__lambdaPlayground.store.getState();
    const invoke = state.timeline.groups[0]!.lanes[0]!.spans.find((span) => span.kind === 'invoke')!;
    const middle = (invoke.startMs + invoke.endMs!) / 2;
    return { x: (middle - state.view.startMs) / state.view.msPerPx, requestId: invoke.requestId, outcome: invoke.outcome };
  });
  expect(target.outcome).toBe('success');

  const canvas = page.getByRole('img', { name: /Timeline of execution environments/ });
  const point = { x: LABEL_WIDTH + target.x, y: AXIS_HEIGHT + ROW_HEIGHT + ROW_HEIGHT / 2 };

  // The span is drawn in the success colour (#3f9f7f) where it is clicked.
  await expect
    .poll(() =>
      canvas.evaluate((element, { x, y }) => {
        const canvasElement = element as HTMLCanvasElement;
        const ratio = canvasElement.width / canvasElement.clientWidth;
        const [r, g, b] = canvasElement.getContext('2d')!.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
        return [r, g, b];
      }, point),
    )
    .toEqual([0x3f, 0x9f, 0x7f]);

  await canvas.click({ position: point });
  const selection = await page.evaluate(() => (window as unknown as HookedWindow).__lambdaPlayground.store.getState().selection);
  expect(selection?.requestId).toBe(target.requestId);
});
