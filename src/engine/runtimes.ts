/**
 * The Node.js runtimes the playground offers and the numbers that differ between them.
 *
 * Init Duration percentiles are the maxday/lambda-perf measurements of a hello-world ZIP
 * function at 512 MB, aggregated over 2026-07-23 to 2026-08-22 (about 290 cold starts a
 * cell). Init Duration does not change with memory size in that data. The first-invoke
 * figures are the extra duration of the first invocation on a fresh environment, measured
 * at 128 MB and 1,024 MB on x86_64 in the same data set.
 */
export type RuntimeId = 'nodejs22.x' | 'nodejs24.x';
export type Architecture = 'x86_64' | 'arm64';

export interface RuntimeProfile {
  readonly id: RuntimeId;
  readonly label: string;
  /** Whether `(event, context, callback)` handlers are supported. Node.js 24 removed them. */
  readonly callbackHandlers: boolean;
  /** Init Duration of a hello-world function, in ms, by architecture. */
  readonly initMs: Readonly<Record<Architecture, { p50: number; p90: number }>>;
  /** Extra duration of the first invocation on a new environment, in ms, at 128 and 1,024 MB. */
  readonly firstInvokeMs: { readonly at128Mb: number; readonly at1024Mb: number };
  /**
   * The `Runtime Version` shown in the INIT_START log line.
   * NOTE: an example of the form AWS prints; the real value changes with every runtime patch.
   */
  readonly runtimeVersion: string;
}

export const RUNTIMES: Readonly<Record<RuntimeId, RuntimeProfile>> = {
  'nodejs22.x': {
    id: 'nodejs22.x',
    label: 'Node.js 22',
    callbackHandlers: true,
    initMs: { x86_64: { p50: 140, p90: 160 }, arm64: { p50: 130, p90: 139 } },
    firstInvokeMs: { at128Mb: 12.1, at1024Mb: 3.2 },
    runtimeVersion: 'nodejs:22.v60',
  },
  'nodejs24.x': {
    id: 'nodejs24.x',
    label: 'Node.js 24',
    callbackHandlers: false,
    initMs: { x86_64: { p50: 134, p90: 152 }, arm64: { p50: 124, p90: 133 } },
    firstInvokeMs: { at128Mb: 10.7, at1024Mb: 2.9 },
    runtimeVersion: 'nodejs:24.v20',
  },
};

export const RUNTIME_IDS = Object.keys(RUNTIMES) as RuntimeId[];
export const DEFAULT_RUNTIME: RuntimeId = 'nodejs24.x';
