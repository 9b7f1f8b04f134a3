/**
 * The invocation list of a run with many requests. It lists the latest 200, newest first, but
 * lays out only the rows near its view, so a large run can update it several times a second.
 * Scrolling down draws the older rows, and clicking one opens it in the inspector.
 */
import { expect, test, type Page } from '@playwright/test';

type HookedWindow = { __lambdaPlayground: { runScenario(text: string): void } };

const REQUESTS = 150;

const scenario = {
  version: 1,
  functions: [{ name: 'quick', code: 'export const handler = async (event) => ({ n: event.n });' }],
  traffic: Array.from({ length: REQUESTS }, (_, n) => ({ at: n * 200, function: 'quick', event: { n } })),
};

/** Plays the scenario at 100x until it ends, and opens the Inspector tab. */
async function playScenarioAndOpenInspector(page: Page): Promise<void> {
  await page.goto('/');
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('data-run-status', 'idle');
  await page.getByLabel('Playback speed').selectOption('100');
  await page.evaluate((text) => (window as unknown as HookedWindow).__lambdaPlayground.runScenario(text), JSON.stringify(scenario));
  await expect(timeline).toHaveAttribute('data-run-status', 'idle', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Inspector' }).click();
}

test('long invocation list draws the rows near its view', async ({ page }) => {
  await playScenarioAndOpenInspector(page);

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

test('arrow keys move the focus through the invocation list', async ({ page }) => {
  await playScenarioAndOpenInspector(page);

  const list = page.getByTestId('invocation-list');
  const rows = list.getByTestId('invocation-row');
  const focused = list.locator('tr:focus');
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('data-index', '1');
  await page.keyboard.press('ArrowUp');
  await expect(focused).toHaveAttribute('data-index', '0');

  // End reaches the oldest row, which the virtualizer draws only once it scrolls there.
  await page.keyboard.press('End');
  await expect(focused).toHaveAttribute('data-index', String(REQUESTS - 1));
  await expect(focused).toBeInViewport();
  await page.keyboard.press('ArrowUp');
  await expect(focused).toHaveAttribute('data-index', String(REQUESTS - 2));
  await page.keyboard.press('Home');
  await expect(focused).toHaveAttribute('data-index', '0');

  // Row 10 starts a few pixels under the sticky header; moving the focus to it scrolls it clear.
  await list.evaluate((element) => {
    const row = element.querySelector<HTMLElement>('tr[data-index="10"]')!;
    element.scrollTop += row.getBoundingClientRect().top - element.getBoundingClientRect().top - 10;
  });
  await list.locator('tr[data-index="11"]').focus();
  await page.keyboard.press('ArrowUp');
  await expect(focused).toHaveAttribute('data-index', '10');
  const headerBottom = await list.locator('thead').evaluate((element) => element.getBoundingClientRect().bottom);
  const rowTop = await focused.evaluate((element) => element.getBoundingClientRect().top);
  expect(rowTop).toBeGreaterThanOrEqual(headerBottom);

  // Enter still selects the focused row: row 10 is the eleventh newest request.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector-details')).toContainText(`"n": ${REQUESTS - 11}`);
});
