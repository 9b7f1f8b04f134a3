/**
 * The invocation list of a run with many requests. It lists the latest 200, newest first, but
 * lays out only the rows near its view, so a large run can update it several times a second.
 * Scrolling down draws the older rows, and clicking one opens it in the inspector.
 */
import { expect, test } from '@playwright/test';

type HookedWindow = { __lambdaPlayground: { runScenario(text: string): void } };

const REQUESTS = 150;

const scenario = {
  version: 1,
  functions: [{ name: 'quick', code: 'export const handler = async (event) => ({ n: event.n });' }],
  traffic: Array.from({ length: REQUESTS }, (_, n) => ({ at: n * 200, function: 'quick', event: { n } })),
};

test('long invocation list draws the rows near its view', async ({ page }) => {
  await page.goto('/');
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('data-run-status', 'idle');
  await page.getByLabel('Playback speed').selectOption('100');
  await page.evaluate((text) => (window as unknown as HookedWindow).__lambdaPlayground.runScenario(text), JSON.stringify(scenario));
  await expect(timeline).toHaveAttribute('data-run-status', 'idle', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Inspector' }).click();

  const list = page.getByTestId('invocation-list');
  const rows = list.getByTestId('invocation-row');
  await expect(rows.first()).toBeVisible();
  const drawn = await rows.count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(REQUESTS);

  // The oldest request is the last row; it is drawn once the list is scrolled to the end.
  await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  const oldest = rows.last();
  await expect(oldest).toBeVisible();
  await expect(oldest).toContainText('cold');
  await oldest.click();
  await expect(page.getByTestId('inspector-details')).toContainText('"n": 0');
});
