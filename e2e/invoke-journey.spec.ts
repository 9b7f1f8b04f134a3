/**
 * The first journey a person takes: put a handler into the editor, invoke it three times,
 * and see one cold start followed by two warm starts on the timeline and in the REPORT lines.
 * Also: an invalid setting keeps its text and shows the range, and a reload keeps the code.
 */
import { expect, test, type Page } from '@playwright/test';

const HANDLER = `let count = 0;

export const handler = async (event) => {
  count += 1;
  console.log('call', count);
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { statusCode: 200, body: JSON.stringify({ count }) };
};
`;

interface SpanView {
  kind: string;
  envId: string;
  endMs?: number;
  cold?: boolean;
  requestId?: string;
}

interface TestHook {
  store: { getState(): { code: string; seek(timeMs: number): void; fitView(): void } };
  spans(): SpanView[];
  editor?: { getValue(): string };
}

declare global {
  interface Window {
    __lambdaPlayground?: Partial<TestHook> & Record<string, unknown>;
  }
}

async function openEditor(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /Lambda Playground/ })).toBeVisible();
  await page.locator('.monaco-editor .view-lines').waitFor();
  await page.waitForFunction(() => window.__lambdaPlayground?.editor !== undefined);
}

/**
 * Clicks the editor's first line. The lines element is as tall as the whole text, so its
 * centre can lie below the editor's visible area when the code is long.
 */
async function clickIntoEditor(page: Page) {
  await page.locator('.monaco-editor .view-lines').click({ position: { x: 60, y: 8 } });
}

/** Pastes `text` over the editor's contents through the clipboard, as a person would. */
async function pasteIntoEditor(page: Page, text: string) {
  await clickIntoEditor(page);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => page.evaluate(() => window.__lambdaPlayground?.editor?.getValue())).toBe(text);
}

async function endedInvocations(page: Page): Promise<number> {
  return page.evaluate(() => (window.__lambdaPlayground?.spans?.() ?? []).filter((span) => span.kind === 'invoke').length);
}

test.use({ viewport: { width: 1280, height: 800 } });

test.describe('invoke journey', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('three invokes show one cold and two warm starts', async ({ page }) => {
    await openEditor(page);
    await pasteIntoEditor(page, HANDLER);
    await expect.poll(() => page.evaluate(() => window.__lambdaPlayground?.store?.getState().code)).toBe(HANDLER);

    const invoke = page.getByRole('button', { name: /^Invoke(?! async)/ });
    await expect(invoke).toBeEnabled();
    await invoke.click();
    await invoke.click();
    // The third through the shortcut, pressed in the editor, where Monaco handles keys first.
    await clickIntoEditor(page);
    await page.keyboard.press('ControlOrMeta+Enter');

    // The run's own signal: idle once every request has returned and the idle environment
    // has been reclaimed (playback compresses the minutes of idle time into seconds).
    await expect(page.getByTestId('timeline')).toHaveAttribute('data-run-status', 'idle', { timeout: 45_000 });
    expect(await endedInvocations(page)).toBe(3);

    // Model state first: one environment, one INIT, three INVOKE spans of which only the first is cold.
    const spans = await page.evaluate(() => window.__lambdaPlayground!.spans!());
    const invokeSpans = spans.filter((span) => span.kind === 'invoke');
    expect(invokeSpans.map((span) => span.cold)).toEqual([true, false, false]);
    expect(spans.filter((span) => span.kind === 'init')).toHaveLength(1);
    expect(new Set(invokeSpans.map((span) => span.envId)).size).toBe(1);

    // Then the inspector: each invocation's REPORT line, Init Duration on the cold one only.
    const rows = page.getByTestId('invocation-row');
    await expect(rows).toHaveCount(3);
    const reports: string[] = [];
    for (const requestId of invokeSpans.map((span) => span.requestId!)) {
      await page.locator(`[data-testid="invocation-row"][data-request-id="${requestId}"]`).click();
      const log = page.getByTestId('invocation-log');
      await expect(log).toContainText(`REPORT RequestId: ${requestId}`);
      const text = (await log.textContent()) ?? '';
      reports.push(text.split('\n').find((line) => line.startsWith('REPORT'))!);
    }
    expect(reports[0]).toContain('Init Duration');
    expect(reports[1]).not.toContain('Init Duration');
    expect(reports[2]).not.toContain('Init Duration');
    await expect(page.getByTestId('invocation-log')).toContainText('call 3');

    // Show the three invocations: move the playhead just past the last one and fit the view.
    const lastEnd = await page.evaluate(() => {
      const invokes = window.__lambdaPlayground!.spans!().filter((span) => span.kind === 'invoke');
      return Math.max(...invokes.map((span) => span.endMs ?? 0));
    });
    await page.evaluate((time) => {
      const state = window.__lambdaPlayground!.store!.getState();
      state.seek(time);
      state.fitView();
    }, lastEnd + 100);
    await page.screenshot({ path: 'reports/invoke-journey-timeline.png' });
  });

  test('invalid memory shows the range and keeps the text', async ({ page }) => {
    await openEditor(page);
    const memory = page.getByLabel('Memory (MB)');
    await memory.fill('64');
    await expect(page.getByText('Memory 64 MB is out of range. Choose from 128 to 10,240 MB.')).toBeVisible();
    await expect(memory).toHaveValue('64');
    await expect(memory).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Until it is fixed, the function keeps 128 MB.')).toBeVisible();

    await memory.fill('1024');
    await expect(page.getByText(/Memory 64 MB is out of range/)).toHaveCount(0);
  });

  test('reload keeps the edited code', async ({ page }) => {
    await openEditor(page);
    const code = 'export const handler = async () => "kept after reload";\n';
    await pasteIntoEditor(page, code);
    // Saving is debounced, so wait until the saved copy contains the new code.
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('lambda-playground:workspace') ?? ''))
      .toContain('kept after reload');

    await page.reload();
    await page.locator('.monaco-editor .view-lines').waitFor();
    await page.waitForFunction(() => window.__lambdaPlayground?.editor !== undefined);
    expect(await page.evaluate(() => window.__lambdaPlayground?.editor?.getValue())).toBe(code);
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('kept after reload');
  });
});
