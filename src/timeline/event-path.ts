/**
 * The path of a selected asynchronous event across the timeline: where it was queued, each
 * attempt, each throttle, the DLQ message or destination record, a drop or expiry, and the
 * event a function destination started with its record. The timeline draws an arrow between
 * consecutive points, labelled with the wait and its reason.
 */
import { formatDuration } from './format';
import type { AsyncRequest } from './async-lanes';
import type { TimelineModel } from './spans';

/** Where a point sits: a function's queue lane, an environment's lane, or a DLQ or destination lane. */
export type PathPlace =
  | { readonly kind: 'queue'; readonly functionName: string }
  | { readonly kind: 'env'; readonly functionName: string; readonly envId: string }
  | { readonly kind: 'target'; readonly functionName: string; readonly arn: string };

export interface PathPoint {
  readonly place: PathPlace;
  readonly startMs: number;
  /** Where an arrow leaves it: the end of an attempt, else its start. */
  readonly endMs: number;
  /** Undefined while the attempt is still running. */
  readonly open?: boolean;
}

export interface PathEdge {
  readonly from: PathPoint;
  readonly to: PathPoint;
  /** Reason and wait, e.g. `function error · retry after 1 min`; empty when there is nothing to say. */
  readonly label: string;
  /** A shorter form of `label` for short arrows, e.g. `error · 1 min`. */
  readonly shortLabel?: string;
}

export interface EventPath {
  readonly requestId: string;
  readonly points: readonly PathPoint[];
  readonly edges: readonly PathEdge[];
}

/** Builds the path of `requestId`, or undefined when it is not an asynchronous event. */
export function eventPath(model: TimelineModel, requestId: string): EventPath | undefined {
  const request = model.asyncRequest(requestId);
  if (!request) return undefined;
  const { points, edges } = ownPath(model, request);

  // A function destination links this event to the one it started, and the other way round.
  const destinationOut = points.find((point) => point.place.kind === 'target' && isLambdaTarget(request, point));
  for (const next of request.chainedTo) {
    const chained = model.asyncRequest(next);
    if (!chained || !destinationOut) continue;
    const to = queuedPoint(chained);
    points.push(to);
    edges.push({ from: destinationOut, to, label: `record → ${chained.functionName}` });
  }
  if (request.chainedFrom !== undefined) {
    const source = model.asyncRequest(request.chainedFrom);
    const mark = source?.marks.find((entry) => entry.lane.target.kind === 'lambda' && entry.lane.target.name === request.functionName);
    if (source && mark) {
      const from: PathPoint = {
        place: { kind: 'target', functionName: source.functionName, arn: mark.lane.target.arn },
        startMs: mark.mark.timeMs,
        endMs: mark.mark.timeMs,
      };
      points.unshift(from);
      edges.unshift({ from, to: points[1]!, label: `record of ${source.functionName}` });
    }
  }
  return { requestId, points, edges };
}

function ownPath(model: TimelineModel, request: AsyncRequest): { points: PathPoint[]; edges: PathEdge[] } {
  const fn = request.functionName;
  const points: PathPoint[] = [queuedPoint(request)];
  for (const span of model.spansOfRequest(request.requestId)) {
    if (span.kind !== 'invoke') continue;
    const endMs = span.endMs ?? span.startMs;
    points.push({ place: { kind: 'env', functionName: fn, envId: span.envId }, startMs: span.startMs, endMs, open: span.endMs === undefined });
  }
  for (const retry of request.retries) {
    if (retry.reason === 'throttle') points.push({ place: { kind: 'queue', functionName: fn }, startMs: retry.timeMs, endMs: retry.timeMs });
  }
  for (const { lane, mark } of request.marks) {
    points.push({ place: { kind: 'target', functionName: fn, arn: lane.target.arn }, startMs: mark.timeMs, endMs: mark.timeMs });
  }
  if (request.exit) points.push({ place: { kind: 'queue', functionName: fn }, startMs: request.exit.timeMs, endMs: request.exit.timeMs });
  // Stable: at one time the attempt's end comes before the DLQ message that follows it.
  points.sort((a, b) => a.startMs - b.startMs);

  const edges: PathEdge[] = [];
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1]!;
    const to = points[i]!;
    edges.push({ from, to, ...edgeLabels(request, from, to) });
  }
  return { points, edges };
}

/** The labels of the arrow from `from` to `to`: the retry Lambda scheduled where `from` ends, or how the event left the queue. */
function edgeLabels(request: AsyncRequest, from: PathPoint, to: PathPoint): { label: string; shortLabel?: string } {
  const exit = request.exit;
  if (exit && to.place.kind === 'queue' && to.startMs === exit.timeMs && to.startMs > from.startMs) {
    return { label: exit.kind === 'dropped' ? 'dropped' : 'expired' };
  }
  const retry = request.retries.find((candidate) => candidate.timeMs === from.endMs);
  if (!retry) return { label: '' };
  const wait = formatDuration(to.startMs - from.endMs);
  return retry.reason === 'throttle'
    ? { label: `throttled · retry after ${wait}`, shortLabel: `throttled · ${wait}` }
    : { label: `function error · retry after ${wait}`, shortLabel: `error · ${wait}` };
}

function queuedPoint(request: AsyncRequest): PathPoint {
  return { place: { kind: 'queue', functionName: request.functionName }, startMs: request.queuedMs, endMs: request.queuedMs };
}

function isLambdaTarget(request: AsyncRequest, point: PathPoint): boolean {
  return request.marks.some((entry) => entry.lane.target.kind === 'lambda' && point.place.kind === 'target' && entry.lane.target.arn === point.place.arn);
}
