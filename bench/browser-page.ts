/**
 * Opens the production build of the app in Chromium for the browser benchmarks. It builds the
 * app into a temporary folder, so it never disturbs `dist/` of a running test, serves it with
 * `vite preview` on a free port of 127.0.0.1, and launches Chromium on it. `close()` stops
 * both again.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface BenchPage {
  readonly page: Page;
  close(): Promise<void>;
}

/** Returns the Chromium to use: `CHROMIUM_PATH`, else Debian's, or undefined when neither exists. */
export function chromiumPath(): string | undefined {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, preview: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (preview.exitCode !== null) throw new Error(`vite preview exited with status ${preview.exitCode} before serving ${url}.`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not serve ${url} within ${timeoutMs} ms.`);
}

/**
 * Builds the app, serves it and opens it in Chromium with `args` added to the launch flags,
 * then waits until the app's test hook is installed.
 */
export async function openAppInChromium(executablePath: string, args: readonly string[] = []): Promise<BenchPage> {
  const outDir = mkdtempSync(join(tmpdir(), 'lambda-playground-bench-'));
  // BENCH_NO_MINIFY=1 keeps function names readable in a CPU profile of the page.
  const minify = process.env.BENCH_NO_MINIFY ? ['--minify', 'false'] : [];
  // Vite rejects a second build or preview of one project without --bypass-lock; these use their own folder.
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir', '--bypass-lock', ...minify], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`vite build failed with status ${build.status}.`);
  }

  const port = await freePort();
  const previewArgs = ['vite', 'preview', '--host', '127.0.0.1', '--strictPort', '--port', String(port), '--outDir', outDir, '--bypass-lock'];
  const preview = spawn('npx', previewArgs, {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true,
  });
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    // The preview runs in its own process group, so this stops npx and the server under it.
    if (preview.pid !== undefined && preview.exitCode === null) process.kill(-preview.pid, 'SIGTERM');
    rmSync(outDir, { recursive: true, force: true });
  };

  try {
    const url = `http://127.0.0.1:${port}/`;
    await waitForServer(url, preview);
    browser = await chromium.launch({
      executablePath,
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-background-networking', '--no-first-run', ...args],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    // tsx compiles functions passed to `page.evaluate` with esbuild's keepNames, which calls a
    // `__name` helper that exists only in Node.
    await page.addInitScript('globalThis.__name = (target) => target;');
    await page.goto(url);
    await page.waitForFunction(() => (window as { __lambdaPlayground?: { runScenario?: unknown } }).__lambdaPlayground?.runScenario !== undefined);
    // The editor loads lazily after the first render; its megabytes of script would otherwise
    // be evaluated in the middle of a measurement.
    await page.locator('.monaco-editor').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Returns the median, 95th percentile and maximum of `values`. */
export function summarize(values: readonly number[]): { median: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? Number.NaN };
}
