/**
 * Draws one environment's lane: its label (with a badge for a provisioned environment), its
 * spans, the markers of resets and the line where Lambda shut it down. Lanes shorter than a
 * line of text drop the labels inside spans and thin out the lane labels.
 */
import { FONT, FONT_SMALL, outcomeColor, PALETTE } from './palette';
import { LABEL_WIDTH, timeX, type Context, type DrawInput } from './draw-common';
import { formatDuration, shortRequestId } from './format';
import { clipToPlayhead, firstSpanEndingAfter, type Lane, type Span } from './spans';

/** Narrowest drawn width of an INIT or INVOKE span, so a 1 ms invocation stays visible and clickable. */
const MIN_BUSY_WIDTH = 2;
/** Lane height from which span labels, hatching and the provisioned badge are drawn. */
const FULL_LANE_HEIGHT = 18;
/** Spacing of lane labels in compact lanes, in CSS pixels: a label every few lanes. */
const COMPACT_LABEL_SPACING = 14;

/** Vertical padding of a span inside a lane row of `height`. */
function spanInset(height: number): number {
  if (height >= 20) return 4;
  return height >= 12 ? 2 : 1;
}

/** Draws the lane's stripe and its label in the label column. */
export function drawLaneLabel(ctx: Context, input: DrawInput, lane: Lane, top: number, height: number, index: number): void {
  if (index % 2 === 1) {
    ctx.fillStyle = PALETTE.laneStripe;
    ctx.fillRect(0, top, input.width, height);
  }
  if (lane.provisioned) {
    ctx.fillStyle = PALETTE.provisioned;
    ctx.fillRect(8, top + 1, 3, Math.max(1, height - 2));
  }
  const full = height >= FULL_LANE_HEIGHT;
  const every = full ? 1 : Math.ceil(COMPACT_LABEL_SPACING / height);
  if (index % every !== 0) return;

  const ended = lane.end !== undefined && lane.end.timeMs <= input.playheadMs;
  ctx.font = full ? FONT : FONT_SMALL;
  ctx.fillStyle = PALETTE.laneText;
  ctx.textBaseline = 'middle';
  const label = `env ${lane.ordinal}${ended ? ' (shut down)' : ''}`;
  const middle = top + (full ? height / 2 : Math.min(height, COMPACT_LABEL_SPACING) / 2);
  ctx.fillText(label, 18, middle);
  if (lane.provisioned && full) drawProvisionedBadge(ctx, 18 + ctx.measureText(label).width + 6, top, height);
}

function drawProvisionedBadge(ctx: Context, x: number, top: number, height: number): void {
  ctx.font = FONT_SMALL;
  const text = 'provisioned';
  const width = ctx.measureText(text).width + 8;
  if (x + width > LABEL_WIDTH - 4) return;
  ctx.fillStyle = PALETTE.provisionedBadge;
  ctx.fillRect(x, top + height / 2 - 7, width, 14);
  ctx.fillStyle = PALETTE.provisioned;
  ctx.fillText(text, x + 4, top + height / 2 + 0.5);
}

/** Draws the lane's spans, resets and end inside the time area; the caller clips to it. */
export function drawLaneContent(ctx: Context, input: DrawInput, lane: Lane, top: number, height: number): void {
  const { scale, playheadMs } = input;
  const inset = spanInset(height);
  const viewEnd = Math.min(scale.endMs, playheadMs);
  const spans = lane.spans;
  for (let i = firstSpanEndingAfter(spans, scale.startMs); i < spans.length; i++) {
    const span = spans[i]!;
    if (span.startMs > viewEnd) break;
    const visible = clipToPlayhead(span, playheadMs);
    if (visible) drawSpan(ctx, input, span, visible.startMs, visible.endMs, top + inset, height - 2 * inset);
  }
  if (lane.end && lane.end.timeMs <= playheadMs) drawLaneEnd(ctx, input, lane, top, height);
  const size = Math.min(4, height / 2);
  for (const reset of lane.resets) {
    if (reset.timeMs > playheadMs || reset.timeMs < scale.startMs || reset.timeMs > scale.endMs) continue;
    const x = timeX(input, reset.timeMs);
    ctx.fillStyle = PALETTE.reset;
    ctx.beginPath();
    ctx.moveTo(x - size, top + 1);
    ctx.lineTo(x + size, top + 1);
    ctx.lineTo(x, top + 1 + size * 1.5);
    ctx.closePath();
    ctx.fill();
  }
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
  // Spans of full lanes are 18 px tall; compact ones have no room for a line of text.
  const labelled = height >= 14;

  switch (span.kind) {
    case 'platform':
      ctx.fillStyle = PALETTE.platform;
      ctx.fillRect(x1, top + height * 0.25, w, height * 0.5);
      break;
    case 'init':
      ctx.fillStyle = span.initFailed && finished ? PALETTE.initFailed : PALETTE.init;
      ctx.fillRect(x1, top, w, height);
      if (labelled) drawLabel(ctx, input, x1, w, top, height, PALETTE.initText, initLabels(span, finished, endMs - startMs));
      break;
    case 'invoke':
      ctx.fillStyle = finished ? outcomeColor(span.outcome) : PALETTE.running;
      ctx.fillRect(x1, top, w, height);
      if (span.spillover) {
        ctx.fillStyle = PALETTE.spillover;
        ctx.fillRect(x1, top, w, Math.max(1, Math.round(height / 6)));
      }
      if (labelled) drawLabel(ctx, input, x1, w, top, height, PALETTE.invokeText, invokeLabels(span, finished, endMs - startMs));
      break;
    case 'frozen':
    case 'reset': {
      const frozen = span.kind === 'frozen';
      const pad = labelled ? 2 : 1;
      ctx.fillStyle = frozen ? PALETTE.frozenFill : PALETTE.resetFill;
      ctx.fillRect(x1, top + pad, w, height - 2 * pad);
      if (!labelled) break;
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
  const start = span.cold ? ' · cold' : span.spillover ? ' · spillover' : '';
  if (span.attempt === undefined) return [`${id} · ${duration}${status}${start}`, `${id}${status}`, duration];
  const attempt = `#${span.attempt}`;
  return [`${attempt} ${id} · ${duration}${status}${start}`, `${attempt} ${id}${status}`, `${attempt}${status}`, attempt];
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
  ctx.moveTo(x, top + Math.min(3, height / 4));
  ctx.lineTo(x, top + height - Math.min(3, height / 4));
  ctx.stroke();
  ctx.lineWidth = 1;
  if (height < FULL_LANE_HEIGHT) return;

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
