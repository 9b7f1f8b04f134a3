/** Durations Lambda bills and the memory-dependent cost of a fresh environment's first invoke. */
import type { RuntimeProfile } from './runtimes';

/**
 * Billed Duration in ms: the invocation's duration, plus Init Duration when the invocation was
 * cold and INIT is billed, rounded up to the next millisecond (the granularity since December
 * 2020) and at least 1 ms.
 */
export function billedDurationMs(durationMs: number, initDurationMs: number | undefined, initBilled: boolean): number {
  const billable = durationMs + (initBilled && initDurationMs !== undefined ? initDurationMs : 0);
  // Round to a nanosecond first so that float noise such as 1000.0000000001 bills 1000 ms.
  return Math.max(1, Math.ceil(Math.round(billable * 1e6) / 1e6));
}

/**
 * Extra duration of the first invocation after INIT, in ms. The runtime profile gives it at
 * 128 MB and 1,024 MB; CPU share is proportional to memory, so between the two it falls
 * linearly in 1/memory, and above 1,024 MB it stays at the 1,024 MB figure.
 */
export function firstInvokeCostMs(profile: RuntimeProfile, memoryMb: number): number {
  const { at128Mb, at1024Mb } = profile.firstInvokeMs;
  const clamped = Math.min(1024, Math.max(128, memoryMb));
  const weight = (1024 / clamped - 1) / (1024 / 128 - 1);
  return at1024Mb + (at128Mb - at1024Mb) * weight;
}
