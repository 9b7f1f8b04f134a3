/**
 * Draws asynchronous invocation: a function's queue lane (its depth as a step area, each
 * event's wait as a bar, drops and expiries as crosses), its DLQ and destination lanes (a mark
 * per message), and the arrows along the selected event's path.
 */
import { depthIndexAt, firstWaitFrom, type QueueWait, type TargetLane, type TargetMark } from './async-lanes';
import { AXIS_HEIGHT, fitText, LABEL_WIDTH, timeX, type Context, type DrawInput } from './draw-common';
import type { PathPlace, PathPoint } from './event-path';
import { firstMarkerAtOrAfter, targetTop, type GroupRow } from './layout';
import { FONT, FONT_SMALL, PALETTE } from './palette';

/** Waits drawn one by one in a frame at most; past that the depth area stands for them. */
const MAX_WAIT_BARS = 2000;
/** Rows the wait bars cycle through, so that overlapping waits stay apart. */
const WAIT_ROWS = 3;
const WAIT_BAR_HEIGHT = 4;

const WAIT_COLORS: Record<QueueWait['reason'], string> = {
  queued: PALETTE.queueWait,
  'function-error': PALETTE.error,
  throttle: PALETTE.throttle,
};

/** Draws the queue lane of `row`, whose top is at canvas y `top`. */
export function drawQueueLane(ctx: Context, input: DrawInput, row: GroupRow, top: number): void {
  const queue = row.group.queue;
  if (!queue) return;
  const height = input.layout.metrics.queueHeight;
  ctx.fillStyle = PALETTE.queueRow;
  ctx.fillRect(0, top, input.width, height);
  ctx.font = FONT_SMALL;
  ctx.fillStyle = PALETTE.laneText;
  ctx.textBaseline = 'middle';
  ctx.fillText('async queue', 18, top + height / 2 - 6);
  ctx.fillText(`depth up to ${queue.maxDepth.toLocaleString('en-US')}`, 18, top + height / 2 + 7);

  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_WIDTH, top, input.width - LABEL_WIDTH, height);
  ctx.clip();
  drawDepth(ctx, input, row, top, height);
  drawWaits(ctx, input, row, top);
  drawExits(ctx, input, row, top, height);
  ctx.restore();
}

/** The depth as a step area along the bottom of the lane, up to the playhead. */
function drawDepth(ctx: Context, input: DrawInput, row: GroupRow, top: number, height: number): void {
  const queue = row.group.queue!;
  if (queue.maxDepth === 0) return;
  const { scale, playheadMs } = input;
  const viewEnd = Math.min(scale.endMs, playheadMs);
  const bottom = top + height - 1;
  const room = height - 8;
  const yOf = (depth: number) => bottom - (room * depth) / queue.maxDepth;
  let index = Math.max(0, depthIndexAt(queue, scale.startMs));
  if (index >= queue.depthTimes.length || queue.depthTimes[index]! > viewEnd) return;

  ctx.beginPath();
  ctx.moveTo(Math.max(timeX(input, queue.depthTimes[index]!), LABEL_WIDTH - 2), bottom);
  let lastY = bottom;
  for (; index < queue.depthTimes.length && queue.depthTimes[index]! <= viewEnd; index++) {
    const x = Math.max(timeX(input, queue.depthTimes[index]!), LABEL_WIDTH - 2);
    const y = yOf(queue.depths[index]!);
    ctx.lineTo(x, lastY);
    ctx.lineTo(x, y);
    lastY = y;
  }
  const endX = Math.min(timeX(input, viewEnd), input.width + 2);
  ctx.lineTo(endX, lastY);
  ctx.lineTo(endX, bottom);
  ctx.closePath();
  ctx.fillStyle = PALETTE.queueDepth;
  ctx.fill();
}

function drawWaits(ctx: Context, input: DrawInput, row: GroupRow, top: number): void {
  const queue = row.group.queue!;
  const { scale, playheadMs } = input;
  const viewEnd = Math.min(scale.endMs, playheadMs);
  const selected: { x: number; w: number; y: number }[] = [];
  let drawn = 0;
  for (let i = firstWaitFrom(queue, scale.startMs); i < queue.waits.length; i++) {
    const wait = queue.waits[i]!;
    if (wait.startMs > viewEnd) break;
    const end = Math.min(wait.endMs ?? playheadMs, playheadMs);
    if (end < scale.startMs) continue;
    if (++drawn > MAX_WAIT_BARS) break;
    const x1 = Math.max(timeX(input, wait.startMs), LABEL_WIDTH - 4);
    const x2 = Math.min(timeX(input, end), input.width + 4);
    const w = Math.max(2, x2 - x1);
    const y = top + 3 + (i % WAIT_ROWS) * (WAIT_BAR_HEIGHT + 1);
    ctx.fillStyle = WAIT_COLORS[wait.reason];
    ctx.fillRect(x1, y, w, WAIT_BAR_HEIGHT);
    if (wait.requestId === input.selectedRequestId) selected.push({ x: x1, w, y });
  }
  if (selected.length === 0) return;
  ctx.strokeStyle = PALETTE.selection;
  ctx.lineWidth = 2;
  for (const bar of selected) ctx.strokeRect(bar.x - 1, bar.y - 1, bar.w + 2, WAIT_BAR_HEIGHT + 2);
  ctx.lineWidth = 1;
}

/** A cross per event dropped or expired, with its reason written beside it when there is room. */
function drawExits(ctx: Context, input: DrawInput, row: GroupRow, top: number, height: number): void {
  const exits = row.group.queue!.exits;
  const { scale, playheadMs } = input;
  const viewEnd = Math.min(scale.endMs, playheadMs);
  const middle = top + height / 2 + 2;
  let lastLabelEnd = -Infinity;
  ctx.font = FONT_SMALL;
  ctx.textBaseline = 'middle';
  for (let i = firstMarkerAtOrAfter(exits, scale.startMs - scale.msPerPx * 6); i < exits.length; i++) {
    const exit = exits[i]!;
    if (exit.timeMs > viewEnd) break;
    const x = timeX(input, exit.timeMs);
    const selected = exit.requestId === input.selectedRequestId;
    ctx.strokeStyle = selected ? PALETTE.selection : PALETTE.dropped;
    ctx.lineWidth = selected ? 3 : 2;
    ctx.beginPath();
    ctx.moveTo(x - 5, middle - 5);
    ctx.lineTo(x + 5, middle + 5);
    ctx.moveTo(x + 5, middle - 5);
    ctx.lineTo(x - 5, middle + 5);
    ctx.stroke();
    ctx.lineWidth = 1;
    if (x - 8 < lastLabelEnd) continue;
    const text = exitLabel(exit);
    const textWidth = ctx.measureText(text).width;
    // Beside the cross, or left of it when the playhead is near the right edge.
    const left = x + 9 + textWidth <= input.width - 4 ? x + 9 : x - 9 - textWidth;
    ctx.fillStyle = PALETTE.queueRow;
    ctx.fillRect(left - 2, middle - 7, textWidth + 4, 14);
    ctx.fillStyle = PALETTE.dropped;
    ctx.fillText(text, left, middle + 0.5);
    lastLabelEnd = left + textWidth;
  }
}

/** Draws a DLQ or destination lane at canvas y `top`. */
export function drawTargetLane(ctx: Context, input: DrawInput, lane: TargetLane, top: number): void {
  const height = input.layout.metrics.targetHeight;
  ctx.fillStyle = PALETTE.targetRow;
  ctx.fillRect(0, top, input.width, height);
  ctx.font = FONT_SMALL;
  ctx.fillStyle = PALETTE.laneText;
  ctx.textBaseline = 'middle';
  ctx.fillText(fitText(ctx, targetLabel(lane), LABEL_WIDTH - 24), 18, top + height / 2);

  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_WIDTH, top, input.width - LABEL_WIDTH, height);
  ctx.clip();
  const { scale, playheadMs } = input;
  const viewEnd = Math.min(scale.endMs, playheadMs);
  const middle = top + height / 2;
  let lastX = Number.NEGATIVE_INFINITY;
  let selectedX: number | undefined;
  for (let i = firstMarkerAtOrAfter(lane.marks, scale.startMs - scale.msPerPx * 6); i < lane.marks.length; i++) {
    const mark = lane.marks[i]!;
    if (mark.timeMs > viewEnd) break;
    const x = timeX(input, mark.timeMs);
    if (mark.requestId === input.selectedRequestId) selectedX = x;
    // Marks closer than a pixel draw as one.
    if (x - lastX < 1) continue;
    lastX = x;
    ctx.fillStyle = markColor(mark);
    ctx.fillRect(x - 3, middle - 5, 6, 10);
  }
  if (selectedX !== undefined) {
    ctx.strokeStyle = PALETTE.selection;
    ctx.lineWidth = 2;
    ctx.strokeRect(selectedX - 5, middle - 7, 10, 14);
    ctx.lineWidth = 1;
  }
  ctx.restore();
}

/** "DLQ sqs:dlq" or "on failure → sqs:failures", as the lane's label. */
export function targetLabel(lane: TargetLane): string {
  const name = `${lane.target.kind}:${lane.target.name}`;
  const first = lane.marks[0];
  if (!first || first.kind === 'dlq') return `DLQ ${name}`;
  const success = lane.marks.some((mark) => mark.success);
  const failure = lane.marks.some((mark) => !mark.success);
  return `${success && failure ? 'destination' : success ? 'on success' : 'on failure'} → ${name}`;
}

function markColor(mark: TargetMark): string {
  if (mark.kind === 'dlq') return PALETTE.dlq;
  return mark.success ? PALETTE.success : PALETTE.error;
}

/**
 * Draws the arrows along the selected event's path, up to the playhead, over the rows. Points
 * whose row is scrolled away still anchor their arrows, clipped at the rows' edge.
 */
export function drawEventPath(ctx: Context, input: DrawInput): void {
  const path = input.selectedPath;
  if (!path) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_WIDTH, AXIS_HEIGHT, input.width - LABEL_WIDTH, input.height - AXIS_HEIGHT);
  ctx.clip();
  ctx.font = FONT;
  for (const edge of path.edges) {
    if (edge.to.startMs > input.playheadMs) continue;
    const fromY = placeY(input, edge.from.place);
    const toY = placeY(input, edge.to.place);
    if (fromY === undefined || toY === undefined) continue;
    const labels = edge.shortLabel ? [edge.label, edge.shortLabel] : [edge.label];
    drawArrow(ctx, input, timeX(input, leaveMs(edge.from, input.playheadMs)), fromY, timeX(input, edge.to.startMs), toY, labels);
  }
  ctx.restore();
}

function leaveMs(point: PathPoint, playheadMs: number): number {
  return Math.min(point.endMs, playheadMs);
}

function drawArrow(ctx: Context, input: DrawInput, x1: number, y1: number, x2: number, y2: number, labels: readonly string[]): void {
  // Off-canvas coordinates stay near the canvas so that deep zoom keeps its precision.
  const clampX = (x: number) => Math.min(Math.max(x, LABEL_WIDTH - 2000), input.width + 2000);
  x1 = clampX(x1);
  x2 = clampX(x2);
  const sameRow = Math.abs(y2 - y1) < 2;
  // An arrow within one row bows upwards so that it does not hide the row's marks.
  const controlX = (x1 + x2) / 2;
  const controlY = sameRow ? y1 - 14 : (y1 + y2) / 2;
  ctx.strokeStyle = PALETTE.selection;
  ctx.lineWidth = 1.5;
  ctx.setLineDash(x2 - x1 > 40 ? [5, 3] : []);
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.quadraticCurveTo(controlX, controlY, x2, y2);
  ctx.stroke();
  ctx.setLineDash([]);

  const angle = Math.atan2(y2 - controlY, x2 - controlX);
  ctx.fillStyle = PALETTE.selection;
  ctx.beginPath();
  ctx.moveTo(x2, y2);
  ctx.lineTo(x2 - 8 * Math.cos(angle - 0.4), y2 - 8 * Math.sin(angle - 0.4));
  ctx.lineTo(x2 - 8 * Math.cos(angle + 0.4), y2 - 8 * Math.sin(angle + 0.4));
  ctx.closePath();
  ctx.fill();
  ctx.lineWidth = 1;

  // The curve's midpoint carries the longest label that fits along a same-row arrow.
  const midX = (x1 + 2 * controlX + x2) / 4;
  const midY = (y1 + 2 * controlY + y2) / 4;
  const room = sameRow ? Math.abs(x2 - x1) - 8 : Number.POSITIVE_INFINITY;
  const label = labels.find((candidate) => candidate !== '' && ctx.measureText(candidate).width <= room);
  if (label === undefined) return;
  const textWidth = ctx.measureText(label).width;
  const left = Math.min(Math.max(midX - textWidth / 2, LABEL_WIDTH + 4), input.width - textWidth - 8);
  ctx.fillStyle = PALETTE.arrowLabelBackground;
  ctx.fillRect(left - 4, midY - 8, textWidth + 8, 16);
  ctx.strokeStyle = PALETTE.selection;
  ctx.strokeRect(left - 4 + 0.5, midY - 8 + 0.5, textWidth + 7, 15);
  ctx.fillStyle = PALETTE.selection;
  ctx.textBaseline = 'middle';
  ctx.fillText(label, left, midY + 0.5);
}

/** Canvas y of the middle of `place`'s row, or undefined when its row is not shown. */
function placeY(input: DrawInput, place: PathPlace): number | undefined {
  const { layout, scrollY } = input;
  const row = layout.rows.find((candidate) => candidate.group.functionName === place.functionName);
  if (!row) return undefined;
  const { metrics } = layout;
  let y: number | undefined;
  switch (place.kind) {
    case 'queue':
      if (row.queueShown) y = row.asyncTop + metrics.queueHeight / 2;
      break;
    case 'target': {
      const index = row.group.targets.findIndex((lane) => lane.target.arn === place.arn);
      if (index >= 0 && index < row.targetCount) y = targetTop(layout, row, index) + metrics.targetHeight / 2;
      break;
    }
    case 'env': {
      if (row.collapsed) {
        y = row.lanesTop + metrics.aggregateHeight / 2;
        break;
      }
      const index = row.group.lanes.findIndex((lane) => lane.envId === place.envId);
      if (index >= 0 && index < row.laneCount) y = row.lanesTop + index * metrics.laneHeight + metrics.laneHeight / 2;
      break;
    }
  }
  return y === undefined ? undefined : AXIS_HEIGHT + y - scrollY;
}

/** Labels the cross of an event that left its queue without reaching a target. */
function exitLabel(exit: { readonly kind: string; readonly dropReason?: string | undefined }): string {
  if (exit.kind !== 'dropped') return 'expired: maximum event age';
  if (exit.dropReason === 'recursive-loop') return 'dropped: recursive loop';
  return 'dropped: no DLQ or destination';
}
