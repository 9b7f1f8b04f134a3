/**
 * A person shares a run by link, and another person opens it. The link carries the code and
 * the requests the person sent. Opening it runs no handler code until Play, and Play gives
 * the same trace. A broken link is reported and leaves the workspace as it was. The workspace
 * a link replaced can be restored, also after a reload. A hostile handler in a link does
 * nothing on open.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { InvokeEnded, TraceEvent, TracePrefix } from '../src/engine/trace';
import { encodeScenarioLink } from '../src/scenario/url-codec';
import { parseScenarioText } from '../src/scenario/validate';

interface HookedWindow {
  __lambdaPlayground: {
    editor?: { getValue(): string };
    store: { getState(): { snapshot?: { trace: TracePrefix; error?: string } } };
  };
}

const SHARED_HANDLER = `let calls = 0;

export const handler = async (event) => {
  calls += 1;
  await new Promise((resolve) => setTimeout(resolve, 80));
  return { calls };
};
`;

const OWN_HANDLER = `// My own handler, not shared.
export const handler = async () => 'mine';
`;

test.use({ viewport: { width: 1280, height: 800 } });

/** A loopback server that records every request a handler manages to make. */
let probe: Server;
let probeHits: string[] = [];
let probeOrigin: string;

test.beforeAll(async () => {
  probe = createServer((request, response) => {
    probeHits.push(`${request.method} ${request.url}`);
    response.setHeader('access-control-allow-origin', '*');
    response.end('reached');
  });
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  probeOrigin = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => probe?.close(resolve));
});

/** The browser contexts a test opened, one per person, closed after the test. */
let contexts: BrowserContext[] = [];

test.beforeEach(() => {
  probeHits = [];
});

test.afterEach(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  contexts = [];
});

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  contexts.push(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return context;
}

/** Opens `url` and waits until the code editor is ready; playback runs at 100×. */
async function openApp(page: Page, url = '/') {
  await page.goto(url);
  await page.locator('.monaco-editor .view-lines').waitFor();
  await page.waitForFunction(() => (window as unknown as HookedWindow).__lambdaPlayground?.editor !== undefined);
  await page.getByLabel('Playback speed').selectOption('100');
}

function editorText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as unknown as HookedWindow).__lambdaPlayground.editor?.getValue());
}

/** Pastes `text` over the editor's contents and waits until the workspace is saved with it. */
async function pasteIntoEditor(page: Page, text: string) {
  await page.locator('.monaco-editor .view-lines').click({ position: { x: 60, y: 8 } });
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => editorText(page)).toBe(text);
  await expect.poll(() => savedWorkspace(page)).toContain(JSON.stringify(text).slice(1, 40));
}

function savedWorkspace(page: Page): Promise<string> {
  return page.evaluate(() => localStorage.getItem('lambda-playground:workspace') ?? '');
}

async function traceOf(page: Page): Promise<readonly TraceEvent[]> {
  const trace = await page.evaluate(() => (window as unknown as HookedWindow).__lambdaPlayground.store.getState().snapshot?.trace);
  return trace ? trace.events.slice(0, trace.length) : [];
}

const invokeEnds = (trace: readonly TraceEvent[]) => trace.filter((event): event is InvokeEnded => event.type === 'invoke-end');

/** Waits for the run's own signal that everything has happened, environments reclaimed included. */
async function waitUntilRunEnds(page: Page) {
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-run-status', 'idle', { timeout: 45_000 });
}

/** Builds a link to the scenario document `document` on the test server. */
function linkTo(baseURL: string, document: object): string {
  const parsed = parseScenarioText(JSON.stringify(document));
  if (!parsed.ok) throw new Error(`the test scenario is invalid: ${JSON.stringify(parsed.issues)}`);
  const encoded = encodeScenarioLink(parsed.scenario);
  if (!encoded.ok) throw new Error(encoded.message);
  return `${baseURL}/#${encoded.fragment}`;
}

const sharedScenario = (code: string) => ({
  version: 1,
  functions: [{ name: 'shared', code }],
  traffic: [{ at: 0, function: 'shared' }],
});

/** Checks that no handler code has run: no sandbox, no trace, no invocation rows. */
async function expectNothingRan(page: Page) {
  await expect(page.locator('iframe[title="Lambda Playground sandbox"]')).toHaveCount(0);
  expect(await traceOf(page)).toEqual([]);
  await expect(page.getByTestId('invocation-row')).toHaveCount(0);
}

test('shared link replays the same run', async ({ browser }) => {
  const sharer = await (await newContext(browser)).newPage();
  await openApp(sharer);
  await pasteIntoEditor(sharer, SHARED_HANDLER);

  const invoke = sharer.getByRole('button', { name: /^Invoke(?! async)/ });
  await invoke.click();
  await invoke.click();
  await expect.poll(async () => invokeEnds(await traceOf(sharer)).length).toBe(2);
  await sharer.getByLabel('Number of requests to send at once').fill('3');
  await sharer.getByRole('button', { name: 'Send 3 requests' }).click();
  await waitUntilRunEnds(sharer);
  const original = await traceOf(sharer);
  expect(invokeEnds(original)).toHaveLength(5);

  await sharer.getByRole('button', { name: 'Share' }).click();
  const field = sharer.getByLabel('Link to this scenario');
  await expect(field).toHaveValue(/#s=1\.\d+\.[A-Za-z0-9_-]+$/);
  const link = await field.inputValue();
  await expect(sharer.getByTestId('share-copy-status')).toHaveText('Copied to the clipboard.');
  expect(await sharer.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(sharer.getByTestId('share-link-length')).toHaveText(`${link.length.toLocaleString('en-US')} characters`);
  await expect(sharer.getByRole('dialog', { name: 'Share this scenario' })).toContainText('1 function and the 5 requests of this run');

  // Another person, with a browser of their own.
  const receiver = await (await newContext(browser)).newPage();
  await openApp(receiver, link);
  await expect(receiver.getByTestId('link-notice')).toContainText('Opened a scenario from a shared link. Its code has not run: press ▶ Play');
  await expect.poll(() => editorText(receiver)).toBe(SHARED_HANDLER);
  expect(receiver.url()).not.toContain('#s=');
  await expectNothingRan(receiver);

  await receiver.getByRole('button', { name: '▶ Play', exact: true }).click();
  await expect(receiver.getByTestId('timeline')).toHaveAttribute('data-run-status', /playing|executing/);
  await waitUntilRunEnds(receiver);
  const replayed = await traceOf(receiver);

  // The same request times and cold and warm starts, then the whole trace.
  const pattern = (trace: readonly TraceEvent[]) => invokeEnds(trace).map((end) => ({ time: end.time, cold: end.cold, envId: end.envId }));
  expect(pattern(replayed)).toEqual(pattern(original));
  expect(JSON.stringify(replayed)).toBe(JSON.stringify(original));
  await expect(receiver.getByTestId('invocation-row')).toHaveCount(5);
});

for (const [problem, breakLink, expected] of [
  ['truncated', (link: string) => link.slice(0, -25), 'This link is incomplete'],
  ['corrupt', (link: string) => link.slice(0, -25) + (link.at(-25) === 'A' ? 'w' : 'A') + link.slice(-24), 'This link is damaged'],
  ['from a newer version', (link: string) => link.replace('#s=1.', '#s=2.'), 'This link was made by a newer version of Lambda Playground (format 2)'],
] as const) {
  test(`link ${problem} keeps the workspace`, async ({ browser, baseURL }) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await openApp(page);
    await pasteIntoEditor(page, OWN_HANDLER);
    const saved = await savedWorkspace(page);

    const broken = breakLink(linkTo(baseURL!, sharedScenario(SHARED_HANDLER)));
    const other = await context.newPage();
    await openApp(other, broken);
    const notice = other.getByTestId('link-notice');
    await expect(notice).toContainText('The shared link could not be opened.');
    await expect(notice).toContainText(expected);
    await expect(notice).toContainText('Your workspace was not changed.');
    expect(await editorText(other)).toBe(OWN_HANDLER);
    expect(await savedWorkspace(other)).toBe(saved);
    await expectNothingRan(other);
    await other.screenshot({ path: `reports/share-link-${problem.replace(/ /g, '-')}.png` });
  });
}

test('previous workspace is restored after a reload', async ({ browser, baseURL }) => {
  const page = await (await newContext(browser)).newPage();
  await openApp(page);
  await pasteIntoEditor(page, OWN_HANDLER);

  // A link pasted into the address bar of the open tab changes only the fragment.
  await page.goto(linkTo(baseURL!, sharedScenario(SHARED_HANDLER)));
  await expect.poll(() => editorText(page)).toBe(SHARED_HANDLER);
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText('Opened a scenario from a shared link.');
  await expect(notice.getByRole('button', { name: 'Restore my previous workspace' })).toBeVisible();
  await expectNothingRan(page);

  await page.reload();
  await page.locator('.monaco-editor .view-lines').waitFor();
  await expect(notice).toContainText('Your workspace from before you opened a shared link is kept.');
  expect(await editorText(page)).toBe(SHARED_HANDLER);

  await notice.getByRole('button', { name: 'Restore my previous workspace' }).click();
  await expect.poll(() => editorText(page)).toBe(OWN_HANDLER);
  await expect(notice).toHaveCount(0);

  await page.reload();
  await page.locator('.monaco-editor .view-lines').waitFor();
  await page.waitForFunction(() => (window as unknown as HookedWindow).__lambdaPlayground?.editor !== undefined);
  expect(await editorText(page)).toBe(OWN_HANDLER);
  await expect(notice).toHaveCount(0);
});

test('hostile link runs nothing until Play', async ({ browser, baseURL }) => {
  const code = `const attempts = [];
try {
  await fetch(${JSON.stringify(probeOrigin)} + '/module');
  attempts.push('fetch REACHED');
} catch (error) {
  attempts.push('fetch blocked: ' + error.name);
}
try {
  localStorage.setItem('lambda-playground:stolen', 'yes');
  attempts.push('localStorage REACHED');
} catch (error) {
  attempts.push('localStorage blocked: ' + error.name);
}
export const handler = async () => attempts;
`;
  const context = await newContext(browser);
  const page = await context.newPage();
  await openApp(page, linkTo(baseURL!, { ...sharedScenario(code), name: 'Hostile' }));
  await expect(page.getByTestId('link-notice')).toContainText('Opened “Hostile” from a shared link. Its code has not run');
  await page.waitForLoadState('networkidle');

  await expectNothingRan(page);
  expect(probeHits).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('lambda-playground:stolen'))).toBeNull();

  // Play runs it, in the sandbox, where both attempts fail.
  await page.getByRole('button', { name: '▶ Play', exact: true }).click();
  await waitUntilRunEnds(page);
  const [ended] = invokeEnds(await traceOf(page));
  expect(ended?.outcome).toBe('success');
  expect(ended?.responseJson).toContain('fetch blocked: TypeError');
  expect(ended?.responseJson).toContain('localStorage blocked: ReferenceError');
  expect(ended?.responseJson).not.toContain('REACHED');
  expect(probeHits).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('lambda-playground:stolen'))).toBeNull();
});
