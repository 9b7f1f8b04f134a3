/**
 * Keeps handler modules away from Node's built-in modules and from every other file. Handler
 * modules are loaded from `data:` URLs (see loader-data-url.node.ts), so a module hook can tell
 * them apart: whatever a `data:` module imports, statically, with `import()`, or from code run
 * by `eval` or `Function` (which resolve against the module that runs them), is rejected with
 * a message that names the specifier. The hooks also serve `data:` modules themselves, so
 * another loader in the chain (tsx) never rewrites handler code.
 */
import { register } from 'node:module';
import { IMPORT_ERROR_CODE, NODE_BUILTIN_MODULES } from './import-errors';

/**
 * The hooks run on Node's module-hooks thread, so they are registered as source text. They build
 * the same message and stack as `importError` (import-errors.ts), which the browser uses.
 */
const HOOKS_SOURCE = `
const BUILTINS = new Set(${JSON.stringify(NODE_BUILTIN_MODULES)});
const CODE = ${JSON.stringify(IMPORT_ERROR_CODE)};

const HANDLER_URL_PREFIX = 'data:text/javascript,';

function importErrorMessage(specifier) {
  if (specifier.startsWith('node:') || BUILTINS.has(specifier)) {
    const name = specifier.startsWith('node:') ? specifier : 'node:' + specifier;
    return "Cannot import built-in module '" + name + "': the playground runs handlers without Node's built-in modules";
  }
  return "Cannot import '" + specifier + "': the playground runs a single index.mjs, without node_modules or other files";
}

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL ?? '';
  if (parent.startsWith('data:')) {
    const message = importErrorMessage(specifier);
    const error = new Error(message);
    error.code = CODE;
    error.stack = 'Error [' + CODE + ']: ' + message;
    throw error;
  }
  if (specifier.startsWith(HANDLER_URL_PREFIX)) return { url: specifier, shortCircuit: true };
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (url.startsWith(HANDLER_URL_PREFIX)) {
    const source = decodeURIComponent(url.slice(HANDLER_URL_PREFIX.length));
    return { format: 'module', source, shortCircuit: true };
  }
  return nextLoad(url, context);
}
`;

/** Registers the hooks for this thread's module loader. Call it before any handler loads. */
export function installImportGuard(): void {
  register(`data:text/javascript,${encodeURIComponent(HOOKS_SOURCE)}`);
}
