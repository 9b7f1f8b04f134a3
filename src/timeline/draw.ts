/**
 * Draws the timeline on a 2D canvas: the axis, a header row per function with request
 * markers, a lane per environment with its spans, and the playhead. Only what lies inside the
 * view and before the playhead is drawn, so a frame costs about the number of visible spans.
 */
import { formatDuration, shortRequestId } from './format';
import type { TimelineLayout } from './layout';
import { firstRequestAtOrAfter, laneTop } from './layout';
import { FONT, FONT_BOLD, outcomeColor, PALETTE } from './palette';
import type { TimeScale } from './scale';
import { clipToPlayhead, firstSpanEndingAfter, type Lane, type RequestMarker, type Span } from './spans';

/** Height of the time axis at the top, in CSS pixels. */
export const AXIS_HEIGHT = 26;
/** Width of the label column at the left, in CSS pixels. */
export const LABEL_WIDTH = 132;
/** Vertical padding of a span inside its lane row. */
const SPAN_INSET = 4;
/** Narrowest drawn width of an INIT or INVOKE span, so a 1 ms invocation stays visible and clickable. */
const MIN_BUSY_WIDTH = 2;

export interface DrawInput {
  readonly layout: TimelineLayout;
  /** Maps time to x within the time area (which starts at `LABEL_WIDTH`). */
  readonly scale: TimeScale;
  readonly playheadMs: number;
  /** Canvas size in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** How far the rows are scrolled up, in CSS pixels. */
  readonly scrollY: number;
  readonly selectedRequestId: string | undefined;
  readonly selectedEnvId: string | undefined;
  readonly hovered: Span | undefined;
  /** Text shown when there are no rows yet. */
  readonly emptyMessage: string;
}

type Context = CanvasRenderingContext2D;

export function drawTimeline(ctx: Context, input: DrawInput): void {
  const { width, height } = input;
  ctx.fillStyle = PALETTE.background;
  ctx.fillRect(0, 0, width, height);

  drawGrid(ctx, input);
  drawRows(ctx, input);
  drawAxis(ctx, input);
  drawPlayhead(ctx, input);

  if (input.layout.rows.length === 0) {
    ctx.font = FONT;
    ctx.fillStyle = PALETTE.axisText;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(input.emptyMessage, LABEL_WIDTH + (width - LABEL_WIDTH) / 2, AXIS_HEIGHT + (height - AXIS_HEIGHT) / 2);
    ctx.textAlign = 'left';
  }
}

function timeX(input: DrawInput, timeMs: number): number {
  return LABEL_WIDTH + input.scale.timeToX(timeMs);
}

function drawGrid(ctx: Context, input: DrawInput): void {
  ctx.strokeStyle = PALETTE.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const tick of input.scale.ticks()) {
    const x = Math.round(LABEL_WIDTH + tick.x) + 0.5;
    ctx.moveTo(x, AXIS_HEIGHT);
    ctx.lineTo(x, input.height);
  }
  ctx.stroke();
}

function drawAxis(ctx: Context, input: DrawInput): void {
  const { width } = input;
  ctx.fillStyle = PALETTE.background;
  ctx.fillRect(0, 0, width, AXIS_HEIGHT);
  ctx.strokeStyle = PALETTE.axisLine;
  ctx.beginPath();
  ctx.moveTo(0, AXIS_HEIGHT - 0.5);
  ctx.lineTo(width, AXIS_HEIGHT - 0.5);
  ctx.stroke();

  ctx.font = FONT;
  ctx.fillStyle = PALETTE.axisText;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  for (const tick of input.scale.ticks()) {
    const x = LABEL_WIDTH + tick.x;
    if (x < LABEL_WIDTH + 12 || x > width - 12) continue;
    ctx.fillText(tick.label, x, AXIS_HEIGHT / 2);
  }
  ctx.textAlign = 'left';
  ctx.fillStyle = PALETTE.axisText;
  ctx.fillText('Simulated time', 10, AXIS_HEIGHT / 2);
}

function drawRows(ctx: Context, input: DrawInput): void {
  const { layout, width, height, scrollY } = input;
  const { headerHeight, laneHeight } = layout.metrics;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, AXIS_HEIGHT, width, height - AXIS_HEIGHT);
  ctx.clip();

  for (const row of layout.rows) {
    const headerTop = AXIS_HEIGHT + row.top - scrollY;
    const rowBottom = headerTop + headerHeight + row.laneCount * laneHeight;
    if (rowBottom < AXIS_HEIGHT || headerTop > height) continue;

    drawHeader(ctx, input, row.group.functionName, row.laneCount, headerTop);
    drawRequestMarkers(ctx, input, row.group.requests, headerTop + headerHeight);

    // Only the lanes inside the canvas's height.
    const first = Math.max(0, Math.floor((AXIS_HEIGHT - headerTop - headerHeight) / laneHeight));
    const last = Math.min(row.laneCount, Math.ceil((height - headerTop - headerHeight) / laneHeight));
    for (let index = first; index < last; index++) {
      const lane = row.group.lanes[index]!;
      const top = AXIS_HEIGHT + laneTop(layout, row, index) - scrollY;
      drawLane(ctx, input, lane, top, laneHeight, index);
    }
  }
  ctx.restore();
}

function drawHeader(ctx: Context, input: DrawInput, functionName: string, laneCount: number, top: number): void {
  const { headerHeight } = input.layout.metrics;
  ctx.fillStyle = PALETTE.headerBackground;
  ctx.fillRect(0, top, input.width, headerHeight);
  ctx.font = FONT_BOLD;
  ctx.fillStyle = PALETTE.headerText;
  ctx.textBaseline = 'middle';
  ctx.fillText(fitText(ctx, functionName, LABEL_WIDTH - 16), 10, top + headerHeight / 2);
  ctx.font = FONT;
  ctx.fillStyle = PALETTE.laneText;
  const count = `${laneCount} ${laneCount === 1 ? 'environment' : 'environments'}`;
  ctx.textAlign = 'right';
  ctx.fillText(count, input.width - 10, top + headerHeight / 2);
  ctx.textAlign = 'left';
}

function drawRequestMarkers(ctx: Context, input: DrawInput, requests: readonly RequestMarker[], bottom: number): void {
  const { scale, playheadMs } = input;
  const end = Math.min(scale.endMs, playheadMs);
  let lastX = Number.NEGATIVE_INFINITY;
  for (let i = firstRequestAtOrAfter(requests, scale.startMs); i < requests.length; i++) {
    const marker = requests[i]!;
    if (marker.timeMs > end) break;
    const x = Math.round(timeX(input, marker.timeMs));
    const selected = marker.requestId === input.selectedRequestId;
    // Markers closer than a pixel draw as one, unless one of them is selected.
    if (x === lastX && !selected) continue;
    lastX = x;
    ctx.fillStyle = selected ? PALETTE.selection : PALETTE.request;
    ctx.beginPath();
    ctx.moveTo(x - 4, bottom - 9);
    ctx.lineTo(x + 4, bottom - 9);
    ctx.lineTo(x, bottom - 3);
    ctx.closePath();
    ctx.fill();
  }
}

function drawLane(ctx: Context, input: DrawInput, lane: Lane, top: number, height: number, index: number): void {
  const { width, scale, playheadMs } = input;
  if (index % 2 === 1) {
    ctx.fillStyle = PALETTE.laneStripe;
    ctx.fillRect(0, top, width, height);
  }
  const ended = lane.end !== undefined && lane.end.timeMs <= playheadMs;
  ctx.font = FONT;
  ctx.fillStyle = PALETTE.laneText;
  ctx.textBaseline = 'middle';
  ctx.fillText(`env ${lane.ordinal}${ended ? ' (shut down)' : ''}`, 18, top + height / 2);

  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_WIDTH, top, width - LABEL_WIDTH, height);
  ctx.clip();

  const viewEnd = Math.min(scale.endMs, playheadMs);
  const spans = lane.spans;
  for (let i = firstSpanEndingAfter(spans, scale.startMs); i < spans.length; i++) {
    const span = spans[i]!;
    if (span.startMs > viewEnd) break;
    const visible = clipToPlayhead(span, playheadMs);
    if (visible) drawSpan(ctx, input, span, visible.startMs, visible.endMs, top + SPAN_INSET, height - 2 * SPAN_INSET);
  }
  if (lane.end && lane.end.timeMs <= playheadMs) drawLaneEnd(ctx, input, lane, top, height);
  for (const reset of lane.resets) {
    if (reset.timeMs > playheadMs || reset.timeMs < scale.startMs || reset.timeMs > scale.endMs) continue;
    const x = timeX(input, reset.timeMs);
    ctx.fillStyle = PALETTE.reset;
    ctx.beginPath();
    ctx.moveTo(x - 4, top + 1);
    ctx.lineTo(x + 4, top + 1);
    ctx.lineTo(x, top + 7);
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
}

function drawSpan(ctx: Context, input: DrawInput, span: Span, startMs: number, endMs: number, top: number, height: number): void {
  let x1 = timeX(input, startMs);
  let x2 = timeX(input, endMs);
  const busy = span.kind === 'init' || span.kind === 'invoke' || span.kind === 'platform';
  if (busy && x2 - x1 < MIN_BUSY_WIDTH) x2 = x1 + MIN_BUSY_WIDTH;
  // Keep coordinates near the canvas: very long spans at deep zoom would lose precision.
  x1 = Math.max(x1, LABEL_WIDTH - 10);
  x2 = Math.min(x2, input.width + 10);
  const w = x2 - x1;
  if (w <= 0) return;
  const finished = span.endMs !== undefined && span.endMs <= input.playheadMs;

  switch (span.kind) {
    case 'platform':
      ctx.fillStyle = PALETTE.platform;
      ctx.fillRect(x1, top + height * 0.25, w, height * 0.5);
      break;
    case 'init':
      ctx.fillStyle = span.initFailed && finished ? PALETTE.initFailed : PALETTE.init;
      ctx.fillRect(x1, top, w, height);
      drawLabel(ctx, input, x1, w, top, height, PALETTE.initText, initLabels(span, finished, endMs - startMs));
      break;
    case 'invoke':
      ctx.fillStyle = finished ? outcomeColor(span.outcome) : PALETTE.running;
      ctx.fillRect(x1, top, w, height);
      drawLabel(ctx, input, x1, w, top, height, PALETTE.invokeText, invokeLabels(span, finished, endMs - startMs));
      break;
    case 'frozen':
    case 'reset': {
      const frozen = span.kind === 'frozen';
      ctx.fillStyle = frozen ? PALETTE.frozenFill : PALETTE.resetFill;
      ctx.fillRect(x1, top + 2, w, height - 4);
      hatch(ctx, x1, top + 2, w, height - 4, frozen ? PALETTE.frozenHatch : PALETTE.resetHatch);
      const duration = formatDuration(endMs - startMs);
      const labels = frozen ? [`frozen ${duration}`, 'frozen'] : [`reset: next request runs INIT (${duration})`, 'reset'];
      drawLabel(ctx, input, x1, w, top, height, PALETTE.frozenText, labels);
      break;
    }
  }

  // A thin gap where a span starts keeps back-to-back invocations apart.
  if ((span.kind === 'init' || span.kind === 'invoke') && w > 4) {
    ctx.fillStyle = PALETTE.background;
    ctx.fillRect(x1, top, 1, height);
  }

  const selected = span.requestId !== undefined && span.requestId === input.selectedRequestId && span.kind !== 'platform';
  if (selected || span === input.hovered) {
    ctx.strokeStyle = selected ? PALETTE.selection : PALETTE.hover;
    ctx.lineWidth = selected ? 2 : 1;
    ctx.strokeRect(x1 - 1, top - 1, w + 2, height + 2);
  }
}

function initLabels(span: Span, finished: boolean, shownMs: number): string[] {
  if (!finished) return [`INIT ${formatDuration(shownMs)}`, 'INIT'];
  const duration = formatDuration(span.initDurationMs ?? shownMs);
  return span.initFailed ? [`INIT failed ${duration}`, 'INIT failed', 'INIT'] : [`INIT ${duration}`, 'INIT'];
}

function invokeLabels(span: Span, finished: boolean, shownMs: number): string[] {
  const id = span.requestId ? shortRequestId(span.requestId) : '';
  const duration = formatDuration(shownMs);
  const status = finished && span.outcome && span.outcome !== 'success' ? ` ${span.outcome}` : '';
  return [`${id} · ${duration}${status}${span.cold ? ' · cold' : ''}`, `${id}${status}`, duration];
}

/** Draws the first of `labels` that fits inside the span, or none. */
function drawLabel(
  ctx: Context,
  input: DrawInput,
  x: number,
  w: number,
  top: number,
  height: number,
  color: string,
  labels: readonly string[],
): void {
  if (w < 24) return;
  ctx.font = FONT;
  // A span that starts left of the view keeps its label in view.
  const left = Math.max(x, LABEL_WIDTH) + 5;
  const room = Math.min(x + w, input.width) - left - 4;
  for (const label of labels) {
    if (ctx.measureText(label).width <= room) {
      ctx.fillStyle = color;
      ctx.textBaseline = 'middle';
      ctx.fillText(label, left, top + height / 2 + 0.5);
      return;
    }
  }
}

function drawLaneEnd(ctx: Context, input: DrawInput, lane: Lane, top: number, height: number): void {
  const end = lane.end!;
  const x = timeX(input, end.timeMs);
  if (x < LABEL_WIDTH - 200 || x > input.width) return;
  ctx.strokeStyle = PALETTE.reclaimed;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x, top + 3);
  ctx.lineTo(x, top + height - 3);
  ctx.stroke();
  ctx.lineWidth = 1;
  ctx.font = FONT;
  ctx.fillStyle = PALETTE.reclaimed;
  ctx.textBaseline = 'middle';
  const text =
    end.reason === 'code-updated'
      ? 'shut down: the code or configuration changed'
      : `reclaimed after ${formatDuration(end.idleMs)} idle`;
  const textWidth = ctx.measureText(text).width;
  const right = Math.max(x, LABEL_WIDTH) + 6;
  if (right + textWidth <= input.width - 4) {
    ctx.fillText(text, right, top + height / 2);
    return;
  }
  // No room right of the marker (the playhead is near the edge): write it left of the marker.
  const left = x - 8 - textWidth;
  ctx.fillStyle = PALETTE.background;
  ctx.fillRect(left - 3, top + 3, textWidth + 6, height - 6);
  ctx.fillStyle = PALETTE.reclaimed;
  ctx.fillText(text, left, top + height / 2);
}

function drawPlayhead(ctx: Context, input: DrawInput): void {
  const x = timeX(input, input.playheadMs);
  if (x < LABEL_WIDTH || x > input.width) return;
  const px = Math.round(x) + 0.5;
  ctx.strokeStyle = PALETTE.playhead;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(px, AXIS_HEIGHT - 6);
  ctx.lineTo(px, input.height);
  ctx.stroke();
  ctx.lineWidth = 1;
  ctx.fillStyle = PALETTE.playhead;
  ctx.beginPath();
  ctx.moveTo(px - 5, AXIS_HEIGHT - 10);
  ctx.lineTo(px + 5, AXIS_HEIGHT - 10);
  ctx.lineTo(px, AXIS_HEIGHT - 3);
  ctx.closePath();
  ctx.fill();
}

/** Diagonal hatching anchored to the canvas, so it stays still while the view pans. */
function hatch(ctx: Context, x: number, y: number, w: number, h: number, color: string): void {
  if (w < 3) return;
  const spacing = 6;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.beginPath();
  const start = Math.floor((x - h) / spacing) * spacing;
  for (let lx = start; lx < x + w; lx += spacing) {
    ctx.moveTo(lx, y + h);
    ctx.lineTo(lx + h, y);
  }
  ctx.stroke();
  ctx.restore();
}

/** Shortens `text` with an ellipsis to fit `maxWidth`. */
function fitText(ctx: Context, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let end = text.length;
  while (end > 1 && ctx.measureText(`${text.slice(0, end)}…`).width > maxWidth) end--;
  return `${text.slice(0, end)}…`;
}
