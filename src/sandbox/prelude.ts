/**
 * The prelude put in front of the user's first line, on that same line so that line numbers in
 * stack traces stay right. It declares module-scope constants (`setTimeout`, `Date`,
 * `console`, ...) that shadow the globals with the environment's virtual versions. It receives
 * them by calling a one-shot function stored on `globalThis` under a random key, which deletes
 * itself on the first call, so no other module can read them afterwards.
 */
import { BINDING_NAMES, type BindingName, type Bindings } from './environment';

/**
 * Finds the names the user's module declares itself with a `const`, `function`, `class` or
 * import. The prelude must not declare them again, because the module would then not parse.
 * NOTE: this is a pattern match, not a parse. A declaration in a comment or string also keeps
 * the prelude from binding the name, and the module then uses the real global.
 */
export function declaredNames(source: string): Set<string> {
  const found = new Set<string>();
  for (const name of BINDING_NAMES) {
    const simple = new RegExp(`\\b(?:const|let|var|class|function\\s*\\*?)\\s+${name}\\b`);
    const destructured = new RegExp(`\\b(?:const|let|var)\\s*[{[][^=;]*\\b${name}\\b[^=;]*[}\\]]\\s*=`);
    const defaultOrNamespace = new RegExp(`\\bimport\\s+(?:\\*\\s+as\\s+)?${name}\\b`);
    if (simple.test(source) || destructured.test(source) || defaultOrNamespace.test(source)) {
      found.add(name);
    }
  }
  for (const match of source.matchAll(/\bimport\s*(?:[\w$]+\s*,\s*)?\{([^}]*)\}/g)) {
    for (const specifier of match[1]!.split(',')) {
      const local = specifier.trim().split(/\s+as\s+/).pop()?.trim();
      if (local) found.add(local);
    }
  }
  return found;
}

export interface PreludedSource {
  readonly source: string;
  /** Characters the prelude adds in front of line 1. */
  readonly preludeWidth: number;
}

/** Puts the prelude in front of `code`; `registryKey` names the one-shot function. */
export function addPrelude(code: string, registryKey: string): PreludedSource {
  const declared = declaredNames(code);
  const names = BINDING_NAMES.filter((name) => !declared.has(name));
  const prelude = `const {${names.join(',')}} = globalThis[${JSON.stringify(registryKey)}](import.meta.url);`;
  // A hashbang is only valid at the very start, so it becomes a comment of the same width.
  const body = code.startsWith('#!') ? `//${code.slice(2)}` : code;
  return { source: prelude + body, preludeWidth: prelude.length };
}

let registrations = 0;

function randomSuffix(): string {
  const bytes = new Uint32Array(2);
  globalThis.crypto.getRandomValues(bytes);
  return `${bytes[0]!.toString(36)}${bytes[1]!.toString(36)}`;
}

/**
 * Stores the one-shot function for one module load and returns its key. `onConsumed` runs
 * with the module's URL when the prelude calls it.
 */
export function registerBindings(
  bindings: Bindings,
  onConsumed: (moduleUrl: string) => void,
): { key: string; withdraw: () => void } {
  registrations += 1;
  const key = `__lp_env_${registrations}_${randomSuffix()}`;
  const withdraw = () => {
    delete (globalThis as Record<string, unknown>)[key];
  };
  Object.defineProperty(globalThis, key, {
    configurable: true,
    enumerable: false,
    value: (moduleUrl: unknown) => {
      withdraw();
      onConsumed(String(moduleUrl));
      const values: Partial<Bindings> = {};
      for (const name of BINDING_NAMES) values[name as BindingName] = bindings[name];
      return values;
    },
  });
  return { key, withdraw };
}
