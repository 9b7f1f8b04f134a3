/**
 * Draws the timeline on a 2D canvas: the axis, per function a header with request markers, a
 * throttle row and a lane per environment (or one aggregate row when collapsed), the playhead
 * and a scrollbar. Only the lanes inside the canvas's height, and only what lies inside the
 * view and before the playhead, are drawn, so a frame costs about the number of visible spans
 * whether a function has ten environments or a thousand.
 */
import { drawEventPath, drawQueueLane, drawTargetLane } from './draw-async';
import { AXIS_HEIGHT, LABEL_WIDTH, timeX, wrapText, type Context, type DrawInput } from './draw-common';
import { drawAggregateRow, drawHeader, drawRequestMarkers, drawThrottleRow } from './draw-group';
import { drawLaneContent, drawLaneLabel } from './draw-lane';
import { laneTop, pinnedRow, targetTop, visibleLaneRange, type GroupRow } from './layout';
import { FONT, PALETTE } from './palette';

export { AXIS_HEIGHT, LABEL_WIDTH, type DrawInput } from './draw-common';

/** Width of the scrollbar at the right edge, in CSS pixels. */
export const SCROLLBAR_WIDTH = 8;

export function drawTimeline(ctx: Context, input: DrawInput): void {
  const { width, height } = input;
  ctx.fillStyle = PALETTE.background;
  ctx.fillRect(0, 0, width, height);

  drawGrid(ctx, input);
  drawRows(ctx, input);
  drawAxis(ctx, input);
  drawPlayhead(ctx, input);
  drawScrollbar(ctx, input);

  if (input.layout.rows.length === 0) drawEmptyMessage(ctx, input);
}

/** Line height of the empty timeline's message, in CSS pixels. */
const EMPTY_MESSAGE_LINE_HEIGHT = 18;

/** Centres the message in the time area, wrapped to its width less a margin on each side. */
function drawEmptyMessage(ctx: Context, input: DrawInput): void {
  const { width, height } = input;
  ctx.font = FONT;
  ctx.fillStyle = PALETTE.axisText;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const lines = wrapText(ctx, input.emptyMessage, Math.max(80, width - LABEL_WIDTH - 48));
  const centreX = LABEL_WIDTH + (width - LABEL_WIDTH) / 2;
  const firstY = AXIS_HEIGHT + (height - AXIS_HEIGHT) / 2 - ((lines.length - 1) * EMPTY_MESSAGE_LINE_HEIGHT) / 2;
  lines.forEach((line, index) => ctx.fillText(line, centreX, firstY + index * EMPTY_MESSAGE_LINE_HEIGHT));
  ctx.textAlign = 'left';
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
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, AXIS_HEIGHT, width, height - AXIS_HEIGHT);
  ctx.clip();

  for (const row of layout.rows) {
    const headerTop = AXIS_HEIGHT + row.top - scrollY;
    if (AXIS_HEIGHT + row.bottom - scrollY < AXIS_HEIGHT) continue;
    if (headerTop > height) break;

    // The throttle row goes first, so the label of a compact first lane, which reaches a pixel or
    // two above its lane, shows over the throttle row instead of under it.
    if (row.throttleCount > 0) drawThrottleRow(ctx, input, row, headerTop + layout.metrics.headerHeight);
    const lanesTop = AXIS_HEIGHT + row.lanesTop - scrollY;
    if (row.collapsed) drawAggregateRow(ctx, input, row, lanesTop);
    else drawLanes(ctx, input, row);
    drawAsyncRows(ctx, input, row);

    drawHeader(ctx, input, row, headerTop);
    drawRequestMarkers(ctx, input, row.group.requests, headerTop + layout.metrics.headerHeight);
  }
  drawEventPath(ctx, input);
  const pinned = pinnedRow(layout, scrollY);
  if (pinned) {
    drawHeader(ctx, input, pinned, AXIS_HEIGHT);
    drawRequestMarkers(ctx, input, pinned.group.requests, AXIS_HEIGHT + layout.metrics.headerHeight);
  }
  ctx.restore();
}

/** Draws the queue lane and the DLQ and destination lanes of `row` that lie inside the canvas's height. */
function drawAsyncRows(ctx: Context, input: DrawInput, row: GroupRow): void {
  const { layout, height, scrollY } = input;
  const { queueHeight, targetHeight } = layout.metrics;
  const visible = (top: number, rowHeight: number) => top + rowHeight > AXIS_HEIGHT && top < height;
  const queueTop = AXIS_HEIGHT + row.asyncTop - scrollY;
  if (row.queueShown && visible(queueTop, queueHeight)) drawQueueLane(ctx, input, row, queueTop);
  for (let index = 0; index < row.targetCount; index++) {
    const top = AXIS_HEIGHT + targetTop(layout, row, index) - scrollY;
    if (visible(top, targetHeight)) drawTargetLane(ctx, input, row.group.targets[index]!, top);
  }
}

/** Draws the lanes of `row` that lie inside the canvas's height: labels first, then the time area under one clip. */
function drawLanes(ctx: Context, input: DrawInput, row: GroupRow): void {
  const { layout, width, height, scrollY } = input;
  const { laneHeight } = layout.metrics;
  const { first, end } = visibleLaneRange(layout, row, scrollY, height - AXIS_HEIGHT);
  if (first >= end) return;

  for (let index = first; index < end; index++) {
    const top = AXIS_HEIGHT + laneTop(layout, row, index) - scrollY;
    drawLaneLabel(ctx, input, row.group.lanes[index]!, top, laneHeight, index);
  }
  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_WIDTH, AXIS_HEIGHT, width - LABEL_WIDTH, height - AXIS_HEIGHT);
  ctx.clip();
  for (let index = first; index < end; index++) {
    const top = AXIS_HEIGHT + laneTop(layout, row, index) - scrollY;
    drawLaneContent(ctx, input, row.group.lanes[index]!, top, laneHeight);
  }
  ctx.restore();
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

/** Where the scrollbar's thumb is, in canvas y; undefined when every row fits. */
export function scrollThumb(
  contentHeight: number,
  canvasHeight: number,
  scrollY: number,
): { readonly top: number; readonly height: number; readonly scrollPerPx: number } | undefined {
  const viewport = canvasHeight - AXIS_HEIGHT;
  const maxScroll = maxScrollY(contentHeight, canvasHeight);
  if (maxScroll <= 0 || viewport <= 0) return undefined;
  const height = Math.max(24, (viewport * viewport) / (maxScroll + viewport));
  const travel = Math.max(1, viewport - height);
  return { top: AXIS_HEIGHT + (travel * Math.min(scrollY, maxScroll)) / maxScroll, height, scrollPerPx: maxScroll / travel };
}

/** The largest vertical scroll that still shows content: the last row ends a little above the bottom. */
export function maxScrollY(contentHeight: number, canvasHeight: number): number {
  return Math.max(0, contentHeight - (canvasHeight - AXIS_HEIGHT) + 8);
}

function drawScrollbar(ctx: Context, input: DrawInput): void {
  const thumb = scrollThumb(input.layout.height, input.height, input.scrollY);
  if (!thumb) return;
  ctx.fillStyle = PALETTE.scrollThumb;
  ctx.globalAlpha = 0.7;
  ctx.fillRect(input.width - SCROLLBAR_WIDTH + 2, thumb.top, SCROLLBAR_WIDTH - 4, thumb.height);
  ctx.globalAlpha = 1;
}
