import { formatDuration, formatPlayhead, shortRequestId } from '../timeline/format';
import type { Hit } from '../timeline/hit-test';
import { targetLabel } from '../timeline/draw-async';
import type { Span, ThrottleMarker } from '../timeline/spans';

interface TimelineTooltipProps {
  readonly hit: Hit;
  readonly playheadMs: number;
  /** Pointer position inside the timeline, in CSS pixels. */
  readonly x: number;
  readonly y: number;
  /** Width of the timeline, to keep the tooltip inside it. */
  readonly containerWidth: number;
  /** The most attempts an asynchronous event of the hovered function gets, for "attempt 2 of 3". */
  readonly maxAttempts?: number;
}

/** The box that describes the span, marker or row under the pointer. */
export function TimelineTooltip({ hit, playheadMs, x, y, containerWidth, maxAttempts }: TimelineTooltipProps) {
  const lines = linesFor(hit, playheadMs, maxAttempts);
  const [title, ...rest] = lines;
  const width = 250;
  const left = Math.min(x + 14, containerWidth - width - 4);
  return (
    <div
      role="tooltip"
      className="pointer-events-none absolute z-10 rounded-md border border-slate-200 bg-white/95 px-2.5 py-1.5 text-xs leading-relaxed text-slate-700 shadow-md"
      style={{ left: Math.max(4, left), top: y + 16, width }}
    >
      <p className="font-semibold text-slate-900">{title}</p>
      {rest.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

function linesFor(hit: Hit, playheadMs: number, maxAttempts: number | undefined): string[] {
  switch (hit.kind) {
    case 'queue-wait': {
      const { wait } = hit;
      const end = wait.endMs === undefined || wait.endMs > playheadMs ? undefined : wait.endMs;
      const duration = formatDuration((end ?? playheadMs) - wait.startMs);
      const why =
        wait.reason === 'queued'
          ? 'Waiting in the queue for capacity'
          : `Waiting for a retry after a ${wait.reason === 'throttle' ? 'throttle (uses no retry attempt)' : 'function error'}`;
      return [`Queued event ${shortRequestId(wait.requestId)}`, why, `${duration}${end === undefined ? ' so far' : ''}, from ${formatPlayhead(wait.startMs)}`];
    }
    case 'queue-exit':
      return [
        hit.exit.kind === 'dropped' ? `Dropped: event ${shortRequestId(hit.exit.requestId)}` : `Expired: event ${shortRequestId(hit.exit.requestId)}`,
        hit.exit.explanation,
        `At ${formatPlayhead(hit.exit.timeMs)}`,
      ];
    case 'target-mark': {
      const { mark } = hit;
      const what = mark.kind === 'dlq' ? 'Dead-letter message' : `Destination record (${mark.condition ?? ''})`;
      return [what, `Event ${shortRequestId(mark.requestId)} of ${mark.functionName}`, targetLabel(hit.lane), `At ${formatPlayhead(mark.timeMs)}`];
    }
    case 'request':
      return requestLines(hit);
    case 'throttle':
      return throttleLines(hit.marker);
    case 'span':
      return spanLines(hit.span, hit.lane.ordinal, hit.lane.provisioned, playheadMs, maxAttempts);
    case 'group':
      return [
        hit.row.group.functionName,
        hit.row.collapsed ? 'Click to show one lane per environment' : 'Click to fold the lanes into one row',
      ];
    case 'aggregate':
      return [
        `${hit.busy.toLocaleString('en-US')} of ${hit.row.laneCount.toLocaleString('en-US')} environments busy`,
        `${hit.initializing.toLocaleString('en-US')} of them starting (platform work or INIT)`,
        `At ${formatPlayhead(hit.timeMs)}`,
      ];
  }
}

/** A sentence per throttle reason naming the limit that was reached and the concurrency counted against it. */
const THROTTLE_LIMITS: Record<ThrottleMarker['reason'], (marker: ThrottleMarker) => string> = {
  ReservedFunctionConcurrentInvocationLimitExceeded: (marker) =>
    `${marker.concurrency} busy of the function's reserved concurrency of ${marker.limit}`,
  ConcurrentInvocationLimitExceeded: (marker) =>
    `${marker.concurrency} busy of the ${marker.limit} the unreserved account concurrency allows`,
  ScalingRateExceeded: (marker) => `No environment could be added: the scaling rate's capacity of ${marker.limit} was used up`,
};

function throttleLines(marker: ThrottleMarker): string[] {
  const status =
    marker.statusCode === 500
      ? 'API Gateway returned 500 (Lambda: 429 TooManyRequestsException)'
      : `${marker.statusCode} TooManyRequestsException`;
  return [
    `Throttled: request ${shortRequestId(marker.requestId)}`,
    status,
    `Reason: ${marker.reason}`,
    THROTTLE_LIMITS[marker.reason](marker),
    `At ${formatPlayhead(marker.timeMs)}; Lambda does not retry it`,
  ];
}

function requestLines(hit: Extract<Hit, { kind: 'request' }>): string[] {
  const { marker } = hit;
  return [
    `Request ${shortRequestId(marker.requestId)}`,
    `Arrived at ${formatPlayhead(marker.timeMs)}`,
    `Sent by: ${marker.source}`,
  ];
}

function spanLines(span: Span, ordinal: number, provisioned: boolean, playheadMs: number, maxAttempts: number | undefined): string[] {
  const running = span.endMs === undefined || span.endMs > playheadMs;
  const shownEnd = running ? playheadMs : span.endMs!;
  const duration = `${formatDuration(shownEnd - span.startMs)}${running ? ' so far' : ''}`;
  const where = `${provisioned ? 'provisioned ' : ''}env ${ordinal}, from ${formatPlayhead(span.startMs)}`;
  const request = span.requestId ? `Request ${shortRequestId(span.requestId)}` : undefined;

  switch (span.kind) {
    case 'platform':
      return ['Placing the environment', `${duration}, before INIT`, 'Not part of Init Duration or Billed Duration', where];
    case 'init': {
      const title = span.initFailed && !running ? 'INIT failed' : running ? 'INIT running' : 'INIT';
      const initDuration = !running && span.initDurationMs !== undefined ? `Init Duration ${formatDuration(span.initDurationMs)}` : duration;
      let reason: string | undefined;
      if (request) reason = `Cold start for ${request}`;
      else if (provisioned) reason = 'Provisioned concurrency: initialised before any request';
      return compact([title, initDuration, reason, where]);
    }
    case 'invoke': {
      const outcome = running ? 'running' : (span.outcome ?? 'running');
      return compact([
        `INVOKE: ${outcome}`,
        request,
        span.attempt !== undefined ? `Event, attempt ${span.attempt}${maxAttempts !== undefined ? ` of ${maxAttempts}` : ''}` : undefined,
        `Duration ${duration}`,
        span.cold ? 'Cold start (after INIT)' : 'Warm start (environment reused)',
        span.spillover ? 'Spillover: every provisioned environment was busy, so it ran on demand' : undefined,
        where,
      ]);
    }
    case 'frozen':
      return ['Frozen', duration, 'Module state kept; pending timers wait for the next invoke', where];
    case 'reset':
      return ['Reset', duration, 'The runtime was shut down; the next request here runs INIT again', where];
  }
}

function compact(lines: readonly (string | undefined)[]): string[] {
  return lines.filter((line): line is string => line !== undefined);
}
