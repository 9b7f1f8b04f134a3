/**
 * Throttles on the timeline. With reserved concurrency 5, twenty requests sent at once give five
 * environments and fifteen throttled requests, drawn as a marker in the function's throttle
 * row. Clicking the marker selects a throttled request, and the inspector explains the limit.
 */
import { expect, test } from '@playwright/test';

interface ThrottleView {
  timeMs: number;
  requestId: string;
  reason: string;
  statusCode: number;
}

interface RunState {
  runStatus: string;
  playheadMs: number;
  selection?: { requestId?: string };
  timeline: { groups: { functionName: string; lanes: unknown[]; throttles: ThrottleView[] }[] };
  view: { startMs: number; msPerPx: number };
  timelineScrollY: number;
  setSettingsField(field: string, text: string): void;
  setSpeed(speed: number): void;
  sendConcurrent(count: number): void;
  pause(): void;
  setFollow(follow: boolean): void;
  fitView(): void;
}

/** The part of the page's window this test reads: the app's test hook, which exposes the store. */
type HookedWindow = { __lambdaPlayground: { store: { getState(): RunState } } };

/** The canvas's layout constants, in CSS pixels (see src/timeline/draw-common.ts and layout.ts). */
const LABEL_WIDTH = 132;
const AXIS_HEIGHT = 26;
const HEADER_HEIGHT = 26;
const THROTTLE_ROW_HEIGHT = 18;
/** PALETTE.throttle in src/timeline/palette.ts. */
const THROTTLE_COLOR = [0xc0, 0x26, 0xd3];

test('twenty requests over reserved concurrency 5 show fifteen throttles', async ({ page }) => {
  await page.goto('/');
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('data-run-status', 'idle');

  await page.evaluate(() => {
    const state = (window as unknown as HookedWindow).__lambdaPlayground.store.getState();
    state.setSettingsField('reservedConcurrency', '5');
    state.setSpeed(10);
    state.sendConcurrent(20);
  });

  // Model state first: five lanes and fifteen throttles in the function's group.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const group = (window as unknown as HookedWindow).__lambdaPlayground.store.getState().timeline.groups[0];
        return { lanes: group?.lanes.length ?? 0, throttles: group?.throttles.length ?? 0 };
      }),
    )
    .toEqual({ lanes: 5, throttles: 15 });

  const throttles = await page.evaluate(() => {
    const state = (window as unknown as HookedWindow).__lambdaPlayground.store.getState();
    state.pause();
    state.setFollow(false);
    state.fitView();
    return state.timeline.groups[0]!.throttles;
  });
  for (const throttle of throttles) {
    expect(throttle.reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
    expect(throttle.statusCode).toBe(429);
  }

  // Then pixels: the throttle marker sits in the row under the header, at the throttles' time.
  const point = await page.evaluate(
    ({ labelWidth, axisHeight, headerHeight, rowHeight }) => {
      const state = (window as unknown as HookedWindow).__lambdaPlayground.store.getState();
      const timeMs = state.timeline.groups[0]!.throttles[0]!.timeMs;
      const column = Math.floor((timeMs - state.view.startMs) / state.view.msPerPx);
      return { x: labelWidth + column + 0.5, y: axisHeight - state.timelineScrollY + headerHeight + rowHeight / 2 };
    },
    { labelWidth: LABEL_WIDTH, axisHeight: AXIS_HEIGHT, headerHeight: HEADER_HEIGHT, rowHeight: THROTTLE_ROW_HEIGHT },
  );
  const canvas = page.getByRole('img', { name: /Timeline of execution environments/ });
  await expect
    .poll(() =>
      canvas.evaluate((element, { x, y }) => {
        const canvasElement = element as HTMLCanvasElement;
        const ratio = canvasElement.width / canvasElement.clientWidth;
        const [r, g, b] = canvasElement.getContext('2d')!.getImageData(Math.floor(x * ratio), Math.floor(y * ratio), 1, 1).data;
        return [r, g, b];
      }, point),
    )
    .toEqual(THROTTLE_COLOR);

  // Hovering explains the throttle; clicking selects it for the inspector.
  await canvas.hover({ position: point });
  await expect(page.getByRole('tooltip')).toContainText('429 TooManyRequestsException');
  await expect(page.getByRole('tooltip')).toContainText('ReservedFunctionConcurrentInvocationLimitExceeded');

  await canvas.click({ position: point });
  const selected = await page.evaluate(() => (window as unknown as HookedWindow).__lambdaPlayground.store.getState().selection?.requestId);
  expect(throttles.map((throttle) => throttle.requestId)).toContain(selected);
  await expect(page.getByTestId('throttle-reason')).toHaveText('ReservedFunctionConcurrentInvocationLimitExceeded');
});
