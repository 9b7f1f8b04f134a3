/**
 * The error a handler gets for any import: the playground runs one `index.mjs` without Node's
 * built-in modules, `node_modules` or other files. In Node the import guard throws it from a
 * module hook (import-guard.node.ts). Chromium fails such imports with messages of its own,
 * which `fromBrowserImportError` recognises and replaces, so both hosts report the same error.
 */
import { findStaticImport } from './import-scan';

/** Node.js 22's `module.builtinModules` that can be imported without the `node:` scheme. */
export const NODE_BUILTIN_MODULES: readonly string[] = [
  '_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing', '_http_server',
  '_stream_duplex', '_stream_passthrough', '_stream_readable', '_stream_transform', '_stream_wrap',
  '_stream_writable', '_tls_common', '_tls_wrap', 'assert', 'assert/strict', 'async_hooks', 'buffer',
  'child_process', 'cluster', 'console', 'constants', 'crypto', 'dgram', 'diagnostics_channel',
  'dns', 'dns/promises', 'domain', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https',
  'inspector', 'inspector/promises', 'module', 'net', 'os', 'path', 'path/posix', 'path/win32',
  'perf_hooks', 'process', 'punycode', 'querystring', 'readline', 'readline/promises', 'repl',
  'stream', 'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers',
  'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm', 'wasi',
  'worker_threads', 'zlib',
];

const builtins = new Set(NODE_BUILTIN_MODULES);

/** The `code` Node gives a module that cannot be found; the import guard's errors carry it too. */
export const IMPORT_ERROR_CODE = 'ERR_MODULE_NOT_FOUND';

/** Returns the message for an import of `specifier` from handler code. */
export function importErrorMessage(specifier: string): string {
  if (specifier.startsWith('node:') || builtins.has(specifier)) {
    const name = specifier.startsWith('node:') ? specifier : `node:${specifier}`;
    return `Cannot import built-in module '${name}': the playground runs handlers without Node's built-in modules`;
  }
  return `Cannot import '${specifier}': the playground runs a single index.mjs, without node_modules or other files`;
}

/**
 * Creates the import error for `specifier`, shaped as Node's module errors are: code
 * `ERR_MODULE_NOT_FOUND`, shown in the stack's header line. The stack has no frames, because
 * the frames of a failed import differ between Node and Chromium.
 */
export function importError(specifier: string): Error {
  const message = importErrorMessage(specifier);
  const error = new Error(message) as Error & { code: string };
  error.code = IMPORT_ERROR_CODE;
  Object.defineProperty(error, 'stack', {
    value: `Error [${IMPORT_ERROR_CODE}]: ${message}`,
    configurable: true,
    writable: true,
  });
  return error;
}

const FETCH_FAILED = 'Failed to fetch dynamically imported module: ';
const RESOLVE_FAILED = /^Failed to resolve module specifier "([^"]*)"/;

/**
 * Returns the playground's import error for one of Chromium's failed-import TypeErrors, or
 * undefined for any other value. `module` names the module being loaded, if any: when Chromium
 * reports that module itself, one of its static imports failed, and the first one is named.
 * NOTE: the sandbox applies this to errors that reach it. A handler that catches a failed
 * `import()` itself still sees Chromium's message in the browser.
 */
export function fromBrowserImportError(
  error: unknown,
  module?: { readonly url: string; readonly source: string },
): Error | undefined {
  if (!(error instanceof TypeError)) return undefined;
  let message: string;
  try {
    // Handler code can throw a TypeError whose `message` getter throws.
    message = String(error.message);
  } catch {
    return undefined;
  }
  const resolveFailure = RESOLVE_FAILED.exec(message);
  if (resolveFailure) return importError(resolveFailure[1]!);
  if (!message.startsWith(FETCH_FAILED)) return undefined;
  const target = message.slice(FETCH_FAILED.length);
  if (module && target === module.url) {
    const specifier = findStaticImport(module.source);
    return specifier === undefined ? undefined : importError(specifier);
  }
  return importError(target);
}
