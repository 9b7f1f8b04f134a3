/**
 * Expansion of traffic entries into requests. The expansion is a pure function of the entry,
 * so the same scenario always sends the same requests at the same simulated times.
 */
import type { RequestInput } from '../engine/model';
import type { ScenarioTrafficEntry, ServiceTrafficEntry, TrafficEntry } from './traffic-schema';

/** The source of a request whose entry names none. */
export const DEFAULT_TRAFFIC_SOURCE = 'scenario';

/** Number of requests an entry sends; a service event counts as one. */
export function trafficRequestCount(entry: ScenarioTrafficEntry): number {
  if (isServiceEntry(entry)) return 1;
  switch (entry.pattern) {
    case undefined:
    case 'at-once':
      return entry.count;
    case 'constant':
      return constantCount(entry.ratePerSecond, entry.durationMs);
    case 'ramp':
      return Math.round(((entry.fromRatePerSecond + entry.toRatePerSecond) / 2) * (entry.durationMs / 1000));
    case 'spike':
      return constantCount(entry.ratePerSecond, entry.durationMs) + constantCount(entry.spikeRatePerSecond, entry.spikeDurationMs);
  }
}

/** Arrival times of an entry's requests, in ms, in order. */
export function trafficArrivalTimes(entry: TrafficEntry): number[] {
  switch (entry.pattern) {
    case undefined:
    case 'at-once':
      return new Array<number>(entry.count).fill(entry.at);
    case 'constant':
      return constantTimes(entry.at, entry.ratePerSecond, entry.durationMs);
    case 'ramp':
      return rampTimes(entry.at, entry.fromRatePerSecond, entry.toRatePerSecond, entry.durationMs);
    case 'spike':
      return mergeSorted(
        constantTimes(entry.at, entry.ratePerSecond, entry.durationMs),
        constantTimes(entry.spikeAt, entry.spikeRatePerSecond, entry.spikeDurationMs),
      );
  }
}

/** Whether an entry is an S3, SNS or EventBridge event rather than requests to a function. */
export function isServiceEntry(entry: ScenarioTrafficEntry): entry is ServiceTrafficEntry {
  return entry.type === 's3' || entry.type === 'sns' || entry.type === 'eventbridge';
}

/**
 * Expands an entry into its requests, in arrival order: synchronous requests (without a
 * `type`), asynchronous ones, or the one service event of an S3, SNS or EventBridge entry.
 */
export function expandTrafficEntry(entry: ScenarioTrafficEntry): RequestInput[] {
  if (isServiceEntry(entry)) return [serviceRequest(entry)];
  const source = entry.source ?? DEFAULT_TRAFFIC_SOURCE;
  if (entry.type === 'async') {
    return trafficArrivalTimes(entry).map((at) => ({ type: 'async', at, functionName: entry.function, event: entry.event, source }));
  }
  const invoker = entry.invoker ?? 'direct';
  return trafficArrivalTimes(entry).map((at) => ({ at, functionName: entry.function, event: entry.event, source, invoker }));
}

function serviceRequest(entry: ServiceTrafficEntry): RequestInput {
  switch (entry.type) {
    case 's3':
      return {
        type: 's3',
        at: entry.at,
        bucket: entry.bucket,
        operation: entry.operation,
        key: entry.key,
        size: entry.size,
        source: entry.source ?? DEFAULT_TRAFFIC_SOURCE,
      };
    case 'sns': {
      const source = entry.source ?? DEFAULT_TRAFFIC_SOURCE;
      return entry.subject === undefined
        ? { type: 'sns', at: entry.at, topic: entry.topic, message: entry.message, source }
        : { type: 'sns', at: entry.at, topic: entry.topic, message: entry.message, subject: entry.subject, source };
    }
    case 'eventbridge':
      return { type: 'eventbridge', at: entry.at, eventBus: entry.eventBus, source: entry.source, detailType: entry.detailType, detail: entry.detail };
  }
}

function constantCount(ratePerSecond: number, durationMs: number): number {
  return Math.round((ratePerSecond * durationMs) / 1000);
}

/** Evenly spaced requests: the first at `start`, then one every 1,000 / rate ms. */
function constantTimes(start: number, ratePerSecond: number, durationMs: number): number[] {
  const count = constantCount(ratePerSecond, durationMs);
  const times = new Array<number>(count);
  for (let i = 0; i < count; i++) times[i] = start + (i * 1000) / ratePerSecond;
  return times;
}

/**
 * Spaces requests at a rate changing linearly from `from` to `to` per second over `durationMs`. The
 * number of requests sent by time t (in s) is N(t) = from·t + (to − from)·t² / (2·D), and
 * request i is sent when N(t) = i. That root is written as 2i / (from + √(from² + 4ai)) with
 * a = (to − from) / (2D), which stays exact when the rate does not change (a = 0).
 */
function rampTimes(start: number, from: number, to: number, durationMs: number): number[] {
  const durationS = durationMs / 1000;
  const count = Math.round(((from + to) / 2) * durationS);
  const a = (to - from) / (2 * durationS);
  const times = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const seconds = i === 0 ? 0 : (2 * i) / (from + Math.sqrt(Math.max(0, from * from + 4 * a * i)));
    times[i] = start + seconds * 1000;
  }
  return times;
}

/** Merges two ascending lists; on equal times the first list's element comes first. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const merged = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) merged[k++] = b[j]! < a[i]! ? b[j++]! : a[i++]!;
  while (i < a.length) merged[k++] = a[i++]!;
  while (j < b.length) merged[k++] = b[j++]!;
  return merged;
}
