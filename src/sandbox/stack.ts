/**
 * Stack traces of user code, made to look as they do on Lambda and the same in Node and
 * Chromium: the module's URL (a Blob or data URL) becomes `file:///var/task/index.mjs`, the
 * prelude's width is taken off line 1 columns, and frames of the sandbox itself are dropped.
 *
 * V8 (in both Node and Chromium) calls `Error.prepareStackTrace` when a stack is first read.
 * Errors that involve no user module keep the formatting in place before.
 */

export const TASK_MODULE_URL = 'file:///var/task/index.mjs';

/** The URL of every loaded user module, with the width of its prelude on line 1. */
const preludeWidths = new Map<string, number>();

interface CallSiteLike {
  getFileName(): string | null | undefined;
  getEvalOrigin(): string | undefined;
  toString(): string;
}

type PrepareStackTrace = (error: Error, sites: CallSiteLike[]) => unknown;

export function registerModuleUrl(url: string, preludeWidth: number): void {
  preludeWidths.set(url, preludeWidth);
}

export function unregisterModuleUrl(url: string): void {
  preludeWidths.delete(url);
}

function userUrlOf(site: CallSiteLike): string | undefined {
  const fileName = site.getFileName();
  if (fileName && preludeWidths.has(fileName)) return fileName;
  const evalOrigin = site.getEvalOrigin();
  if (evalOrigin) {
    for (const url of preludeWidths.keys()) if (evalOrigin.includes(url)) return url;
  }
  return undefined;
}

function headerOf(error: Error): string {
  try {
    return Error.prototype.toString.call(error);
  } catch {
    return '<error>';
  }
}

/** Rewrites one frame's text so it names `file:///var/task/index.mjs` with true line 1 columns. */
export function rewriteFrame(text: string, url: string): string {
  const width = preludeWidths.get(url) ?? 0;
  let result = text;
  const lineOne = `${url}:1:`;
  let index = result.indexOf(lineOne);
  while (index !== -1) {
    const columnStart = index + lineOne.length;
    const digits = /^\d+/.exec(result.slice(columnStart))?.[0] ?? '';
    const column = Math.max(1, Number(digits) - width);
    result = `${result.slice(0, columnStart)}${column}${result.slice(columnStart + digits.length)}`;
    index = result.indexOf(lineOne, columnStart);
  }
  return result.replaceAll(url, TASK_MODULE_URL);
}

function formatUserStack(error: Error, sites: CallSiteLike[]): string {
  const userUrls = sites.map(userUrlOf);
  let last = -1;
  userUrls.forEach((url, index) => {
    if (url !== undefined) last = index;
  });
  const lines: string[] = [];
  for (let i = 0; i <= last; i++) {
    const text = sites[i]!.toString();
    const url = userUrls[i];
    if (url !== undefined) {
      lines.push(`    at ${rewriteFrame(text, url)}`);
    } else if (!/\w+:\/\//.test(text) && !text.includes('node:')) {
      // Built-in frames between user frames, such as `Array.map` or `async Promise.all`.
      lines.push(`    at ${text}`);
    }
  }
  return [headerOf(error), ...lines].join('\n');
}

let installed = false;

/** Installs the stack formatter once per realm; later calls do nothing. */
export function installStackFormatter(): void {
  if (installed) return;
  installed = true;
  const errorConstructor = Error as unknown as { prepareStackTrace?: PrepareStackTrace };
  const previous = errorConstructor.prepareStackTrace;
  errorConstructor.prepareStackTrace = (error, sites) => {
    if (sites.some((site) => userUrlOf(site) !== undefined)) return formatUserStack(error, sites);
    if (previous) return previous(error, sites);
    return [headerOf(error), ...sites.map((site) => `    at ${site.toString()}`)].join('\n');
  };
}
