/**
 * Asynchronous invocation of a failing handler: with the defaults Lambda runs it three times
 * under one request ID and then sends the original event to the dead-letter queue, with the
 * RequestID, ErrorCode and ErrorMessage attributes; with retries set to 0 it runs once. At
 * reserved concurrency 0 the event goes to the DLQ without a run, and the list shows that.
 */
import { expect, test, type Page } from '@playwright/test';

interface HookedWindow {
  __lambdaPlayground: { store: { getState(): { selection?: { requestId?: string } } } };
}

async function invokeAsyncAndWait(page: Page) {
  await page.getByRole('tab', { name: 'Event', exact: true }).click();
  await page.getByRole('button', { name: 'Invoke async (Event)' }).click();
  await expect(page.getByTestId('trigger-feedback')).toContainText('202 Accepted');
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-run-status', 'idle', { timeout: 60_000 });
}

test('failing async event retries twice, then reaches the DLQ', async ({ page }) => {
  await page.goto('/');
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('data-run-status', 'idle');
  await page.getByLabel('Playback speed').selectOption('100');

  await page.getByRole('tab', { name: 'Async' }).click();
  await page.getByRole('button', { name: 'Add failing handler example' }).click();
  await expect(page.getByLabel('Dead-letter queue')).toHaveValue('sqs:dlq');
  await expect(page.getByLabel('Function name')).toHaveValue('failing-handler');

  await invokeAsyncAndWait(page);

  const rows = page.getByTestId('invocation-row');
  await expect(rows).toHaveCount(1);
  const requestId = await rows.first().getAttribute('data-request-id');
  expect(requestId).toBeTruthy();
  await expect(rows.first().getByTestId('event-badge')).toContainText('attempt 3/3');
  await rows.first().click();

  const life = page.getByTestId('async-life');
  await expect(life.locator('[data-step="attempt-end"]')).toHaveCount(3);
  await expect(life.locator('[data-step="retry"]')).toHaveCount(2);
  await expect(life.locator('[data-step="dlq"]')).toHaveCount(1);
  const selected = await page.evaluate(() => (window as unknown as HookedWindow).__lambdaPlayground.store.getState().selection?.requestId);
  expect(selected).toBe(requestId);

  await page.getByRole('tab', { name: 'Messages' }).click();
  const dlq = page.locator('[data-testid="mailbox"][data-name="dlq"]');
  await expect(dlq.getByTestId('mailbox-count')).toHaveText('1');
  await dlq.click();
  const attributes = page.getByTestId('dlq-attributes');
  await expect(attributes.locator('[data-attribute="RequestID"]')).toHaveText(requestId!);
  await expect(attributes.locator('[data-attribute="ErrorCode"]')).toHaveText('200');
  await expect(attributes.locator('[data-attribute="ErrorMessage"]')).toContainText('Could not process order');
});

test('async event with retries 0 runs once', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-run-status', 'idle');
  await page.getByLabel('Playback speed').selectOption('100');

  await page.getByRole('tab', { name: 'Async' }).click();
  await page.getByRole('button', { name: 'Add failing handler example' }).click();
  await page.getByLabel('Retry attempts').fill('0');

  await invokeAsyncAndWait(page);

  const rows = page.getByTestId('invocation-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('event-badge')).toContainText('attempt 1/1');
  await rows.first().click();
  await expect(page.getByTestId('async-life').locator('[data-step="attempt-end"]')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Messages' }).click();
  await expect(page.locator('[data-testid="mailbox"][data-name="dlq"]').getByTestId('mailbox-count')).toHaveText('1');
});

test('async event at reserved concurrency 0 is marked not run', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-run-status', 'idle');
  await page.getByLabel('Playback speed').selectOption('100');

  await page.getByRole('tab', { name: 'Async' }).click();
  await page.getByRole('button', { name: 'Add failing handler example' }).click();
  await page.getByLabel('Reserved').fill('0');

  await invokeAsyncAndWait(page);

  const row = page.getByTestId('invocation-row').first();
  await expect(row.getByTestId('event-badge')).toContainText('no attempt');
  await expect(row).toContainText('not run');
  await expect(row).not.toContainText('running');
  await page.getByRole('tab', { name: 'Messages' }).click();
  await expect(page.locator('[data-testid="mailbox"][data-name="dlq"]').getByTestId('mailbox-count')).toHaveText('1');
});
