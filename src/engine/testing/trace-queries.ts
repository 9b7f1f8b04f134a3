/** Typed look-ups in a trace, for tests. */
import type { TraceEvent } from '../trace';

export type TraceEventOf<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

export function eventsOfType<T extends TraceEvent['type']>(trace: readonly TraceEvent[], type: T): TraceEventOf<T>[] {
  return trace.filter((event): event is TraceEventOf<T> => event.type === type);
}

/** The invoke-end of request `requestId`; throws if there is none. */
export function invokeEndOf(trace: readonly TraceEvent[], requestId: string): TraceEventOf<'invoke-end'> {
  const end = eventsOfType(trace, 'invoke-end').find((event) => event.requestId === requestId);
  if (end === undefined) throw new Error(`no invoke-end for request ${requestId}`);
  return end;
}
