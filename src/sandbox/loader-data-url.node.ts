/**
 * Loads handler modules in the Node sandbox worker from `data:` URLs. Node caches modules by
 * URL, so each load appends a comment with a sequence number: the same source loaded for two
 * environments gives two module instances with separate module scopes. Unlike loader.node.ts
 * it needs no `Buffer`, which the worker removes before the first load.
 */
import type { ModuleLoader } from './runtime';

/** Marks handler URLs for the import guard; it must match HANDLER_URL_PREFIX there. */
const HANDLER_URL_PREFIX = 'data:text/javascript,';

let loadCount = 0;

export const dataUrlLoader: ModuleLoader = {
  load(source: string, envId: string): Promise<Record<string, unknown>> {
    loadCount += 1;
    const instanceTag = `\n// environment ${envId.replace(/[\r\n]/g, ' ')}, module instance ${loadCount}\n`;
    return import(/* @vite-ignore */ HANDLER_URL_PREFIX + encodeURIComponent(source + instanceTag)) as Promise<
      Record<string, unknown>
    >;
  },
};
