/**
 * Loads handler modules in the browser worker: each load imports the source from a new Blob
 * URL, so every environment gets its own module instance. The sandbox page's
 * Content-Security-Policy allows `blob:` scripts and nothing remote. A module whose imports fail
 * rejects with the import error the Node sandbox gives, not with Chromium's own message.
 */
import { fromBrowserImportError } from './import-errors';
import type { MacrotaskScheduler, ModuleLoader } from './runtime';

export const blobLoader: ModuleLoader = {
  async load(source: string): Promise<Record<string, unknown>> {
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    try {
      return (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
    } catch (error) {
      throw fromBrowserImportError(error, { url, source }) ?? error;
    } finally {
      URL.revokeObjectURL(url);
    }
  },
};

/**
 * Schedules macrotasks with a private `MessageChannel`. `setTimeout(0)` would be clamped to
 * 4 ms once nested, which would cost seconds over thousands of invocations. The port methods
 * are captured now, so handler code that patches `MessagePort.prototype` later cannot stall
 * the scheduler.
 */
export function createMacrotaskScheduler(): MacrotaskScheduler {
  const channel = new MessageChannel();
  const post = MessagePort.prototype.postMessage.bind(channel.port2);
  const waiting: Array<() => void> = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      post(null);
    });
}
