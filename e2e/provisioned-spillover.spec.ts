/**
 * Provisioned concurrency serves requests warm: once two provisioned environments are ready,
 * five requests at once run two warm on them and three cold on on-demand environments,
 * counted as spillover.
 */
import { expect, test } from '@playwright/test';

test('provisioned concurrency 2 serves 2 of 5 requests warm', async ({ page }) => {
  await page.goto('/');
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('data-run-status', 'idle');
  await page.getByLabel('Playback speed').selectOption('100');

  // Play until the provisioned environments are allocated and initialized.
  await page.getByLabel('Provisioned').fill('2');
  await page.getByRole('button', { name: '▶ Play' }).click();
  await expect(timeline).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 });

  await page.getByLabel('Number of requests to send at once').fill('5');
  await page.getByRole('button', { name: 'Send 5 requests' }).click();
  await expect(timeline).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 });

  const rows = page.getByTestId('invocation-row');
  await expect(rows).toHaveCount(5);
  await expect(rows.filter({ hasText: 'provisioned' })).toHaveCount(2);
  await expect(rows.filter({ hasText: 'provisioned' }).filter({ hasText: 'warm' })).toHaveCount(2);
  await expect(rows.filter({ hasText: 'spillover' })).toHaveCount(3);
  await expect(rows.filter({ hasText: 'spillover' }).filter({ hasText: 'cold' })).toHaveCount(3);

  await page.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page.getByTestId('metric-invocations-value')).toHaveText('5');
  await expect(page.getByTestId('metric-cold-starts-value')).toHaveText('3');
  await expect(page.getByTestId('metric-provisioned')).toContainText('2');
  await expect(page.getByTestId('metric-provisioned')).toContainText('3 spillover');
  await expect(page.getByTestId('metric-cost')).toContainText('Provisioned concurrency');
});
