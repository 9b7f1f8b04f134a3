import { formatDuration, formatPlayhead, shortRequestId } from '../timeline/format';
import type { Hit } from '../timeline/layout';
import type { Span } from '../timeline/spans';

interface TimelineTooltipProps {
  readonly hit: Hit;
  readonly playheadMs: number;
  /** Pointer position inside the timeline, in CSS pixels. */
  readonly x: number;
  readonly y: number;
  /** Width of the timeline, to keep the tooltip inside it. */
  readonly containerWidth: number;
}

/** The box that describes the span or request marker under the pointer. */
export function TimelineTooltip({ hit, playheadMs, x, y, containerWidth }: TimelineTooltipProps) {
  const lines = hit.kind === 'request' ? requestLines(hit) : spanLines(hit.span, hit.lane.ordinal, playheadMs);
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

function requestLines(hit: Extract<Hit, { kind: 'request' }>): string[] {
  const { marker } = hit;
  return [
    `Request ${shortRequestId(marker.requestId)}`,
    `Arrived at ${formatPlayhead(marker.timeMs)}`,
    `Sent by: ${marker.source}`,
  ];
}

function spanLines(span: Span, ordinal: number, playheadMs: number): string[] {
  const running = span.endMs === undefined || span.endMs > playheadMs;
  const shownEnd = running ? playheadMs : span.endMs!;
  const duration = `${formatDuration(shownEnd - span.startMs)}${running ? ' so far' : ''}`;
  const where = `env ${ordinal}, from ${formatPlayhead(span.startMs)}`;
  const request = span.requestId ? `Request ${shortRequestId(span.requestId)}` : undefined;

  switch (span.kind) {
    case 'platform':
      return ['Placing the environment', `${duration}, before INIT`, 'Not part of Init Duration or Billed Duration', where];
    case 'init': {
      const title = span.initFailed && !running ? 'INIT failed' : running ? 'INIT running' : 'INIT';
      const initDuration = !running && span.initDurationMs !== undefined ? `Init Duration ${formatDuration(span.initDurationMs)}` : duration;
      return compact([title, initDuration, request && `Cold start for ${request}`, where]);
    }
    case 'invoke': {
      const outcome = running ? 'running' : (span.outcome ?? 'running');
      return compact([
        `INVOKE: ${outcome}`,
        request,
        `Duration ${duration}`,
        span.cold ? 'Cold start (after INIT)' : 'Warm start (environment reused)',
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
