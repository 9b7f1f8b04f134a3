/**
 * Exposes the browser worker pool to e2e/sandbox-isolation.spec.ts as
 * `window.__sandboxCheck`, so the spec can drive it without the app's UI.
 */
import { createWorkerPool } from '../src/driver/worker-pool';

declare global {
  interface Window {
    __sandboxCheck?: { createWorkerPool: typeof createWorkerPool };
  }
}

window.__sandboxCheck = { createWorkerPool };
document.getElementById('status')!.textContent = 'ready';
