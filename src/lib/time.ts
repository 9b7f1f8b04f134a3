/**
 * Simulated time. Every value is in milliseconds: `SimTime` is an instant measured from the
 * start of the scenario, `DurationMs` is a length of time. Both are branded so that a
 * wall-clock number or a pixel count cannot be passed where simulated time is expected.
 */
export type SimTime = number & { readonly __unit: 'sim-ms-instant' };
export type DurationMs = number & { readonly __unit: 'ms-duration' };

export const simTime = (ms: number): SimTime => ms as SimTime;
export const durationMs = (ms: number): DurationMs => ms as DurationMs;

export const SIM_START = simTime(0);

export const addDuration = (time: SimTime, duration: DurationMs): SimTime =>
  (time + duration) as SimTime;

export const elapsed = (from: SimTime, to: SimTime): DurationMs => (to - from) as DurationMs;

export const SECOND = durationMs(1000);
export const MINUTE = durationMs(60_000);
