/**
 * Expansion of traffic entries into requests. The expansion is a pure function of the entry,
 * so the same scenario always sends the same requests at the same simulated times.
 */
import type { RequestInput } from '../engine/model';
import { drain, mergeRuns, type RequestRun, type RequestStream } from './request-stream';
import type { ScenarioTrafficEntry, ServiceTrafficEntry, TrafficEntry } from './traffic-schema';

/** The source of a request whose entry names none. */
export const DEFAULT_TRAFFIC_SOURCE = 'scenario';

/** Number of requests an entry sends; a service event counts as one. */
export function trafficRequestCount(entry: ScenarioTrafficEntry): number {
  return trafficRuns(entry).reduce((sum, run) => sum + run.count, 0);
}

/** Arrival times of an entry's requests, in ms, in order. */
export function trafficArrivalTimes(entry: TrafficEntry): number[] {
  return drain(mergeRuns(arrivalRuns(entry, (at) => ({ at, functionName: entry.function, event: entry.event })))).map((request) => request.at);
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
  return drain(trafficStream(entry));
}

/** Returns the requests of an entry as a stream; see `expandTrafficEntry`. */
export function trafficStream(entry: ScenarioTrafficEntry): RequestStream {
  return mergeRuns(trafficRuns(entry));
}

/**
 * Returns the requests of an entry as runs in ascending time, each expanded only as it is
 * read. A spike is two runs, its base rate listed first, so at equal times a base request
 * comes before a spike request.
 */
export function trafficRuns(entry: ScenarioTrafficEntry): RequestRun[] {
  if (isServiceEntry(entry)) {
    const request = serviceRequest(entry);
    return [{ count: 1, timeAt: () => request.at, make: () => request }];
  }
  const source = entry.source ?? DEFAULT_TRAFFIC_SOURCE;
  if (entry.type === 'async') {
    return arrivalRuns(entry, (at) => ({ type: 'async', at, functionName: entry.function, event: entry.event, source }));
  }
  const invoker = entry.invoker ?? 'direct';
  return arrivalRuns(entry, (at) => ({ at, functionName: entry.function, event: entry.event, source, invoker }));
}

function arrivalRuns(entry: TrafficEntry, make: (at: number) => RequestInput): RequestRun[] {
  switch (entry.pattern) {
    case undefined:
    case 'at-once':
      return [{ count: entry.count, timeAt: () => entry.at, make }];
    case 'constant':
      return [constantRun(entry.at, entry.ratePerSecond, entry.durationMs, make)];
    case 'ramp':
      return [rampRun(entry.at, entry.fromRatePerSecond, entry.toRatePerSecond, entry.durationMs, make)];
    case 'spike':
      return [
        constantRun(entry.at, entry.ratePerSecond, entry.durationMs, make),
        constantRun(entry.spikeAt, entry.spikeRatePerSecond, entry.spikeDurationMs, make),
      ];
  }
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
function constantRun(start: number, ratePerSecond: number, durationMs: number, make: (at: number) => RequestInput): RequestRun {
  return { count: constantCount(ratePerSecond, durationMs), timeAt: (i) => start + (i * 1000) / ratePerSecond, make };
}

/**
 * Spaces requests at a rate changing linearly from `from` to `to` per second over `durationMs`. The
 * number of requests sent by time t (in s) is N(t) = from·t + (to − from)·t² / (2·D), and
 * request i is sent when N(t) = i. That root is written as 2i / (from + √(from² + 4ai)) with
 * a = (to − from) / (2D), which stays exact when the rate does not change (a = 0).
 */
function rampRun(start: number, from: number, to: number, durationMs: number, make: (at: number) => RequestInput): RequestRun {
  const durationS = durationMs / 1000;
  const a = (to - from) / (2 * durationS);
  return {
    count: Math.round(((from + to) / 2) * durationS),
    timeAt: (i) => start + (i === 0 ? 0 : (2 * i) / (from + Math.sqrt(Math.max(0, from * from + 4 * a * i)))) * 1000,
    make,
  };
}
