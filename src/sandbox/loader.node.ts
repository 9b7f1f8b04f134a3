/**
 * A module loader and macrotask scheduler for running the sandbox runtime in Node. Each load
 * imports the source from its own `data:` URL, so every environment gets a fresh module
 * instance. A `setImmediate` callback runs once every microtask has run.
 */
import type { MacrotaskScheduler, ModuleLoader } from './runtime';

let loads = 0;

export const dataUrlLoader: ModuleLoader = {
  async load(source: string, envId: string) {
    loads += 1;
    // A trailing comment makes the URL unique, so Node's module cache never returns an old instance.
    const unique = `${source}\n//# sandbox-load=${loads} ${envId.replace(/[^\w#.-]/g, '_')}`;
    const url = `data:text/javascript;base64,${Buffer.from(unique, 'utf8').toString('base64')}`;
    return (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
  },
};

export const setImmediateMacrotask: MacrotaskScheduler = () =>
  new Promise((resolve) => setImmediate(resolve));
