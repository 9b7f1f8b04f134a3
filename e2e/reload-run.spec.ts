/**
 * A person sends requests, then reloads the page. The run comes back as a run that waits for
 * Play: a notice explains it, no handler code runs, and Play gives the same trace as before the
 * reload. A link in the address wins over the saved run.
 */
import { expect, test, type Page } from '@playwright/test';
import type { InvokeEnded, TraceEvent, TracePrefix } from '../src/engine/trace';
import { encodeScenarioLink } from '../src/scenario/url-codec';
import { parseScenarioText } from '../src/scenario/validate';

interface HookedWindow {
  __lambdaPlayground: {
    editor?: { getValue(): string };
    store: { getState(): { snapshot?: { trace: TracePrefix } } };
  };
}

test.use({ viewport: { width: 1280, height: 800 } });

/** Waits until the page and its code editor are ready; playback runs at 100×. */
async function waitForApp(page: Page) {
  await page.locator('.monaco-editor .view-lines').waitFor();
  await page.waitForFunction(() => (window as unknown as HookedWindow).__lambdaPlayground?.editor !== undefined);
  await page.getByLabel('Playback speed').selectOption('100');
}

async function traceOf(page: Page): Promise<readonly TraceEvent[]> {
  const trace = await page.evaluate(() => (window as unknown as HookedWindow).__lambdaPlayground.store.getState().snapshot?.trace);
  return trace ? trace.events.slice(0, trace.length) : [];
}

const invokeEnds = (trace: readonly TraceEvent[]) => trace.filter((event): event is InvokeEnded => event.type === 'invoke-end');

/** The request times and the cold and warm starts of a run. */
const pattern = (trace: readonly TraceEvent[]) => invokeEnds(trace).map((end) => ({ time: end.time, cold: end.cold, envId: end.envId }));

/** Waits for the run's own signal that everything has happened, environments reclaimed included. */
async function waitUntilRunEnds(page: Page) {
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-run-status', 'idle', { timeout: 45_000 });
}

/** Invokes three times, sends three requests at once, and waits until the run ends. */
async function sendRequests(page: Page): Promise<readonly TraceEvent[]> {
  const invoke = page.getByRole('button', { name: /^Invoke(?! async)/ });
  for (let i = 1; i <= 3; i++) {
    await invoke.click();
    await expect.poll(async () => invokeEnds(await traceOf(page)).length).toBe(i);
  }
  await page.getByLabel('Number of requests to send at once').fill('3');
  await page.getByRole('button', { name: 'Send 3 requests' }).click();
  await waitUntilRunEnds(page);
  const trace = await traceOf(page);
  expect(invokeEnds(trace)).toHaveLength(6);
  return trace;
}

test('reload keeps the run until Play', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  const original = await sendRequests(page);

  await page.reload();
  await waitForApp(page);
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText('Restored the run from before the reload. It has not run again: press ▶ Play to run it again.');
  // The timeline waits for Play: its message is drawn on the canvas, so the status is checked.
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-run-status', 'paused');
  await expect(page.getByRole('button', { name: 'Replay' })).toBeEnabled();
  await expect(page.locator('iframe[title="Lambda Playground sandbox"]')).toHaveCount(0);
  await expect(page.getByTestId('invocation-row')).toHaveCount(0);
  await expect(page.getByTestId('invocation-list')).toContainText('This run has requests to send: press Play to run them.');
  expect(await traceOf(page)).toEqual([]);

  await page.getByRole('button', { name: '▶ Play', exact: true }).click();
  await waitUntilRunEnds(page);
  const replayed = await traceOf(page);
  expect(pattern(replayed)).toEqual(pattern(original));
  expect(JSON.stringify(replayed)).toBe(JSON.stringify(original));
  await expect(page.getByTestId('invocation-row')).toHaveCount(6);
  await expect(notice).toContainText('Restored the run from before the reload.');
});

test('link in the address wins over the saved run', async ({ page, baseURL }) => {
  await page.goto('/');
  await waitForApp(page);
  await sendRequests(page);

  const parsed = parseScenarioText(
    JSON.stringify({ version: 1, name: 'Linked', functions: [{ name: 'linked', code: 'export const handler = async () => 1;\n' }], traffic: [{ at: 0, function: 'linked' }] }),
  );
  if (!parsed.ok) throw new Error('the test scenario is invalid');
  const encoded = encodeScenarioLink(parsed.scenario);
  if (!encoded.ok) throw new Error(encoded.message);

  // The same tab, so its sessionStorage still contains the saved run.
  await page.goto('about:blank');
  await page.goto(`${baseURL}/#${encoded.fragment}`);
  await waitForApp(page);
  await expect(page.getByTestId('link-notice')).toContainText('Opened “Linked” from a shared link.');
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('link-notice')).not.toContainText('Restored');
});
