/**
 * Reserved concurrency caps a function: with reserved concurrency 5, twenty requests sent at
 * once give five invocations and fifteen throttles, and a throttled request explains which
 * limit it hit.
 */
import { expect, test } from '@playwright/test';

test('reserved concurrency 5 throttles 15 of 20 requests', async ({ page }) => {
  await page.goto('/');
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('data-run-status', 'idle');
  await page.getByLabel('Playback speed').selectOption('100');

  await page.getByLabel('Reserved').fill('5');
  await page.getByLabel('Number of requests to send at once').fill('20');
  await page.getByRole('button', { name: 'Send 20 requests' }).click();
  await expect(timeline).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 });

  await page.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page.getByTestId('metric-invocations-value')).toHaveText('5');
  await expect(page.getByTestId('metric-throttles-value')).toHaveText('15');
  await expect(page.getByTestId('metric-throttle-reasons')).toContainText('ReservedFunctionConcurrentInvocationLimitExceeded');

  await page.getByRole('tab', { name: 'Inspector' }).click();
  const throttled = page.getByTestId('invocation-row').filter({ has: page.getByTestId('throttle-badge') });
  await expect(throttled).toHaveCount(15);
  await expect(throttled.first().getByTestId('throttle-badge')).toHaveText('throttled 429');
  await throttled.first().click();

  const details = page.getByTestId('throttle-details');
  await expect(details.getByTestId('throttle-reason')).toHaveText('ReservedFunctionConcurrentInvocationLimitExceeded');
  await expect(details).toContainText('Reserved concurrency is both a guarantee and a maximum');
  await expect(details).toContainText('HTTP 429');
});
