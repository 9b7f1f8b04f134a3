/**
 * An asynchronous event's life on the timeline: a failing handler invoked once with the
 * defaults gets a queue lane, three numbered attempts and a DLQ lane with one message, and
 * selecting the event draws the path between them.
 */
import { expect, test } from '@playwright/test';

interface TimelineGroupState {
  readonly functionName: string;
  readonly queue?: { readonly waits: readonly { readonly reason: string }[] };
  readonly targets: readonly { readonly target: { readonly name: string }; readonly marks: readonly { readonly requestId: string }[] }[];
  readonly lanes: readonly { readonly spans: readonly { readonly kind: string; readonly attempt?: number; readonly requestId?: string }[] }[];
}

interface HookedWindow {
  __lambdaPlayground: {
    store: {
      getState(): {
        timeline: { groups: readonly TimelineGroupState[] };
        select(selection: { requestId: string }): void;
        fitView(): void;
        setSpeed(speed: number): void;
      };
    };
  };
}

test('failing async event shows its queue, attempts and DLQ on the timeline', async ({ page }) => {
  // Tall enough for the queue, DLQ and environment lanes in one screenshot.
  await page.setViewportSize({ width: 1280, height: 1200 });
  await page.goto('/');
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('data-run-status', 'idle');
  await page.evaluate(() => (window as unknown as HookedWindow).__lambdaPlayground.store.getState().setSpeed(100));

  await page.getByRole('tab', { name: 'Async' }).click();
  await page.getByRole('button', { name: 'Add failing handler example' }).click();
  await page.getByRole('tab', { name: 'Event', exact: true }).click();
  await page.getByRole('button', { name: 'Invoke async (Event)' }).click();
  await expect(timeline).toHaveAttribute('data-run-status', 'idle', { timeout: 60_000 });

  const model = await page.evaluate(() => {
    const groups = (window as unknown as HookedWindow).__lambdaPlayground.store.getState().timeline.groups;
    const group = groups.find((candidate) => candidate.functionName === 'failing-handler')!;
    const invokes = group.lanes.flatMap((lane) => lane.spans.filter((span) => span.kind === 'invoke'));
    return {
      waitReasons: group.queue?.waits.map((wait) => wait.reason) ?? [],
      attempts: invokes.map((span) => span.attempt),
      requestIds: [...new Set(invokes.map((span) => span.requestId))],
      targets: group.targets.map((lane) => ({ name: lane.target.name, requestIds: lane.marks.map((mark) => mark.requestId) })),
    };
  });
  expect(model.waitReasons).toEqual(['queued', 'function-error', 'function-error']);
  expect(model.attempts).toEqual([1, 2, 3]);
  expect(model.requestIds).toHaveLength(1);
  expect(model.targets).toEqual([{ name: 'dlq', requestIds: model.requestIds }]);

  await page.evaluate((requestId) => {
    const state = (window as unknown as HookedWindow).__lambdaPlayground.store.getState();
    state.select({ requestId: requestId! });
    state.fitView();
  }, model.requestIds[0]);
  await expect(page.getByTestId('async-life')).toBeVisible();
  await page.getByTestId('timeline').locator('canvas').screenshot({ path: test.info().outputPath('async-timeline.png') });
});
