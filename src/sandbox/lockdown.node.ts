/**
 * Removes the globals that would give handler code the real Node: the process object, module
 * loading, raw memory, the network, and channels to other threads. Call it after the runtime
 * and Comlink have captured what they use, because they cannot get these back afterwards either.
 */

/**
 * `require`, `module`, `exports`, `__filename` and `__dirname` are globals in a worker started
 * from source text (`eval: true`); the rest are Node's own globals.
 */
const REMOVED_GLOBALS = [
  'process',
  'Buffer',
  'global',
  'require',
  'module',
  'exports',
  '__filename',
  '__dirname',
  'fetch',
  'WebSocket',
  'EventSource',
  'BroadcastChannel',
  'navigator',
] as const;

/** A console that discards everything: Node's own exposes the process's stdout stream. */
function silentConsole(): Console {
  const discard = (): void => undefined;
  return new Proxy({} as Console, { get: () => discard });
}

export function removeNodeGlobals(): void {
  const scope = globalThis as Record<string, unknown>;
  for (const name of REMOVED_GLOBALS) {
    if (!(name in scope)) continue;
    if (!delete scope[name]) {
      throw new Error(`sandbox: could not remove the global '${name}' from the worker`);
    }
  }
  Object.defineProperty(globalThis, 'console', { value: silentConsole(), writable: true, configurable: true });
  hideGlobalKeys();
}

/**
 * Makes Node's remaining globals (`setTimeout`, `crypto`, ...) non-enumerable, so that
 * `Object.keys(globalThis)` lists only what handler code adds, as in the browser worker, whose
 * lockdown leaves no enumerable global.
 */
function hideGlobalKeys(): void {
  for (const name of Object.keys(globalThis)) {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
    if (descriptor?.configurable) Object.defineProperty(globalThis, name, { enumerable: false });
  }
}
