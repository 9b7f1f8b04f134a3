/** What every part of the timeline's drawing shares: the input of a frame and the canvas's fixed geometry. */
import type { EventPath } from './event-path';
import type { TimelineLayout } from './layout';
import type { TimeScale } from './scale';
import type { Span } from './spans';

/** Height of the time axis at the top, in CSS pixels. */
export const AXIS_HEIGHT = 26;
/** Width of the label column at the left, in CSS pixels. */
export const LABEL_WIDTH = 132;

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
  /** The selected asynchronous event's path, drawn as arrows; undefined for a synchronous request. */
  readonly selectedPath?: EventPath | undefined;
  readonly hovered: Span | undefined;
  /** Text shown when there are no rows yet. */
  readonly emptyMessage: string;
}

export type Context = CanvasRenderingContext2D;

/** Canvas x of simulated time `timeMs`. */
export function timeX(input: DrawInput, timeMs: number): number {
  return LABEL_WIDTH + input.scale.timeToX(timeMs);
}

/** Breaks `text` at spaces into lines of at most `maxWidth`; a single word wider than that gets a line of its own. */
export function wrapText(ctx: Context, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && ctx.measureText(candidate).width > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Shortens `text` with an ellipsis to fit `maxWidth`. */
export function fitText(ctx: Context, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let end = text.length;
  while (end > 1 && ctx.measureText(`${text.slice(0, end)}…`).width > maxWidth) end--;
  return `${text.slice(0, end)}…`;
}
