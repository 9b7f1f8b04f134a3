/**
 * Draws the rows a function has besides its lanes: the header with its request markers, the
 * row of throttled requests, and the aggregate row that stands for its lanes while collapsed.
 */
import { activityColumns, markerColumns } from './density';
import { fitText, LABEL_WIDTH, timeX, type Context, type DrawInput } from './draw-common';
import { firstMarkerAtOrAfter, type GroupRow } from './layout';
import { FONT, FONT_BOLD, FONT_SMALL, PALETTE } from './palette';
import type { RequestMarker, ThrottleMarker } from './spans';

/**
 * Markers per pixel above which a row draws a tick or a density strip instead of one shape per
 * request: about one shape every four pixels still reads as separate marks.
 */
const MARKERS_PER_PX_FOR_DENSITY = 0.25;

/** Draws the header of `row`, whose top is at canvas y `top`. */
export function drawHeader(ctx: Context, input: DrawInput, row: GroupRow, top: number): void {
  const { headerHeight } = input.layout.metrics;
  const middle = top + headerHeight / 2;
  ctx.fillStyle = PALETTE.headerBackground;
  ctx.fillRect(0, top, input.width, headerHeight);
  ctx.font = FONT_BOLD;
  ctx.fillStyle = PALETTE.headerText;
  ctx.textBaseline = 'middle';
  ctx.fillText(row.collapsed ? '▸' : '▾', 6, middle);
  ctx.fillText(fitText(ctx, row.group.functionName, LABEL_WIDTH - 26), 18, middle);

  ctx.font = FONT;
  ctx.fillStyle = PALETTE.laneText;
  ctx.textAlign = 'right';
  ctx.fillText(headerSummary(row), input.width - 10, middle);
  ctx.textAlign = 'left';
}

/** "1,000 environments · 2 provisioned · 15 throttled", counted up to the playhead. */
function headerSummary(row: GroupRow): string {
  const lanes = row.laneCount;
  let provisioned = 0;
  for (let i = 0; i < lanes; i++) if (row.group.lanes[i]!.provisioned) provisioned++;
  const parts = [`${lanes.toLocaleString('en-US')} ${lanes === 1 ? 'environment' : 'environments'}`];
  if (provisioned > 0) parts.push(`${provisioned.toLocaleString('en-US')} provisioned`);
  if (row.throttleCount > 0) parts.push(`${row.throttleCount.toLocaleString('en-US')} throttled`);
  return parts.join(' · ');
}

/** Draws the arrivals of requests along the bottom edge of the header, which ends at canvas y `bottom`. */
export function drawRequestMarkers(ctx: Context, input: DrawInput, requests: readonly RequestMarker[], bottom: number): void {
  const { scale, playheadMs } = input;
  const end = Math.min(scale.endMs, playheadMs);
  // Markers closer than a pixel draw as one.
  const columns: number[] = [];
  let selectedX: number | undefined;
  for (let i = firstMarkerAtOrAfter(requests, scale.startMs); i < requests.length; i++) {
    const marker = requests[i]!;
    if (marker.timeMs > end) break;
    const x = Math.round(timeX(input, marker.timeMs));
    if (marker.requestId === input.selectedRequestId) selectedX = x;
    if (x !== columns[columns.length - 1]) columns.push(x);
  }

  ctx.fillStyle = PALETTE.request;
  if (columns.length > scale.widthPx * MARKERS_PER_PX_FOR_DENSITY) {
    // Too crowded for triangles, which would merge into a band: a tick per pixel with arrivals.
    for (const x of columns) ctx.fillRect(x, bottom - 9, 1, 6);
  } else {
    ctx.beginPath();
    for (const x of columns) triangle(ctx, x, bottom - 9, 4, 6);
    ctx.fill();
  }
  if (selectedX !== undefined) {
    ctx.fillStyle = PALETTE.selection;
    ctx.beginPath();
    triangle(ctx, selectedX, bottom - 9, 4, 6);
    ctx.fill();
  }
}

/** Adds a downward triangle with its top edge at `y` to the current path. */
function triangle(ctx: Context, x: number, y: number, halfWidth: number, height: number): void {
  ctx.moveTo(x - halfWidth, y);
  ctx.lineTo(x + halfWidth, y);
  ctx.lineTo(x, y + height);
  ctx.closePath();
}

/**
 * Draws the throttle row of `row` at canvas y `top`: a mark per throttled request, or, where
 * they are too dense for that, a strip whose bars grow with the throttles per pixel.
 */
export function drawThrottleRow(ctx: Context, input: DrawInput, row: GroupRow, top: number): void {
  const height = input.layout.metrics.throttleHeight;
  const throttles = row.group.throttles;
  ctx.fillStyle = PALETTE.throttleRow;
  ctx.fillRect(0, top, input.width, height);
  ctx.font = FONT_SMALL;
  ctx.fillStyle = PALETTE.throttle;
  ctx.textBaseline = 'middle';
  ctx.fillText(`throttled (${row.throttleCount.toLocaleString('en-US')})`, 18, top + height / 2);

  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_WIDTH, top, input.width - LABEL_WIDTH, height);
  ctx.clip();
  const columns = markerColumns(throttles, input.scale, input.playheadMs);
  if (columns.total > input.scale.widthPx * MARKERS_PER_PX_FOR_DENSITY) {
    drawThrottleDensity(ctx, columns.counts, columns.max, top, height);
  } else {
    drawThrottleMarks(ctx, columns.counts, top, height);
  }
  drawSelectedThrottle(ctx, input, throttles, top, height);
  ctx.restore();
}

/** Draws a diamond per pixel column with throttles, and their number beside it when several share it. */
function drawThrottleMarks(ctx: Context, counts: Uint32Array, top: number, height: number): void {
  const middle = top + height / 2;
  ctx.fillStyle = PALETTE.throttle;
  ctx.beginPath();
  for (let column = 0; column < counts.length; column++) {
    if (counts[column]! > 0) diamond(ctx, LABEL_WIDTH + column + 0.5, middle, 5);
  }
  ctx.fill();
  ctx.font = FONT_SMALL;
  ctx.textBaseline = 'middle';
  for (let column = 0; column < counts.length; column++) {
    if (counts[column]! > 1) ctx.fillText(`×${counts[column]!.toLocaleString('en-US')}`, LABEL_WIDTH + column + 8, middle + 0.5);
  }
}

function drawThrottleDensity(ctx: Context, counts: Uint32Array, max: number, top: number, height: number): void {
  const room = height - 4;
  ctx.fillStyle = PALETTE.throttle;
  for (let column = 0; column < counts.length; column++) {
    const count = counts[column]!;
    if (count === 0) continue;
    // A square-root scale keeps a single throttle visible next to a column of hundreds.
    const barHeight = Math.max(3, room * Math.sqrt(count / max));
    ctx.fillRect(LABEL_WIDTH + column, top + 2 + room - barHeight, 1, barHeight);
  }
}

function drawSelectedThrottle(ctx: Context, input: DrawInput, throttles: readonly ThrottleMarker[], top: number, height: number): void {
  const selected = input.selectedRequestId;
  if (selected === undefined) return;
  const end = Math.min(input.scale.endMs, input.playheadMs);
  for (let i = firstMarkerAtOrAfter(throttles, input.scale.startMs); i < throttles.length; i++) {
    const marker = throttles[i]!;
    if (marker.timeMs > end) return;
    if (marker.requestId !== selected) continue;
    ctx.strokeStyle = PALETTE.selection;
    ctx.lineWidth = 2;
    ctx.beginPath();
    diamond(ctx, timeX(input, marker.timeMs), top + height / 2, 7);
    ctx.stroke();
    ctx.lineWidth = 1;
    return;
  }
}

/** Adds a diamond centred on (`x`, `y`) to the current path. */
function diamond(ctx: Context, x: number, y: number, radius: number): void {
  ctx.moveTo(x, y - radius);
  ctx.lineTo(x + radius, y);
  ctx.lineTo(x, y + radius);
  ctx.lineTo(x - radius, y);
  ctx.closePath();
}

/**
 * Draws the aggregate row of a collapsed function at canvas y `top`: per pixel, a bar as tall
 * as the share of its environments busy then, with the part in platform work or INIT in the
 * INIT colour.
 */
export function drawAggregateRow(ctx: Context, input: DrawInput, row: GroupRow, top: number): void {
  const height = input.layout.metrics.aggregateHeight;
  ctx.fillStyle = PALETTE.aggregateRow;
  ctx.fillRect(0, top, input.width, height);
  ctx.font = FONT_SMALL;
  ctx.fillStyle = PALETTE.laneText;
  ctx.textBaseline = 'middle';
  ctx.fillText(`${row.laneCount.toLocaleString('en-US')} lanes, collapsed`, 18, top + height / 2 - 6);
  ctx.fillText('bars: busy environments', 18, top + height / 2 + 7);

  const columns = activityColumns(row.group.lanes, row.laneCount, input.scale, input.playheadMs);
  const room = height - 6;
  const bottom = top + height - 3;
  for (let column = 0; column < columns.busy.length; column++) {
    const busy = columns.busy[column]!;
    if (busy <= 0) continue;
    const busyHeight = Math.max(1, (room * busy) / Math.max(1, columns.max));
    const initHeight = (busyHeight * columns.initializing[column]!) / busy;
    const x = LABEL_WIDTH + column;
    ctx.fillStyle = PALETTE.running;
    ctx.fillRect(x, bottom - busyHeight, 1, busyHeight - initHeight);
    if (initHeight > 0) {
      ctx.fillStyle = PALETTE.init;
      ctx.fillRect(x, bottom - initHeight, 1, initHeight);
    }
  }
  ctx.font = FONT_SMALL;
  ctx.fillStyle = PALETTE.laneText;
  ctx.textAlign = 'right';
  const peak = columns.max === 0 ? 'none busy in view' : `at most ${columns.max.toLocaleString('en-US')} busy in view`;
  ctx.fillText(peak, input.width - 10, top + 8);
  ctx.textAlign = 'left';
}
