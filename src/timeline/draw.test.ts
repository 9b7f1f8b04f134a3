import { describe, expect, it } from 'vitest';
import { AXIS_HEIGHT, drawTimeline, LABEL_WIDTH, type DrawInput } from './draw';
import { computeLayout } from './layout';
import { PALETTE } from './palette';
import { TimeScale } from './scale';
import { TimelineModel } from './spans';
import { TraceBuilder } from './testing/trace-builder';

/** A 2D context that records the text drawn and the rectangles filled, in CSS pixels. */
function recordingContext() {
  const texts: { text: string; x: number }[] = [];
  const rects: { x: number; y: number; w: number; h: number; fill: unknown }[] = [];
  const state: Record<string, unknown> = {};
  const ctx = new Proxy(state, {
    get(target, property) {
      if (property === 'fillText') return (text: string, x: number) => texts.push({ text, x });
      if (property === 'fillRect') return (x: number, y: number, w: number, h: number) => rects.push({ x, y, w, h, fill: target.fillStyle });
      if (property === 'measureText') return (text: string) => ({ width: text.length * 6 });
      if (property in target) return target[property as string];
      return () => undefined;
    },
    set(target, property, value) {
      target[property as string] = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, texts, rects };
}

function inputFor(model: TimelineModel, playheadMs: number, endMs: number): DrawInput {
  const width = 1000;
  return {
    layout: computeLayout(model, playheadMs),
    scale: TimeScale.fromRange(0, endMs, width - LABEL_WIDTH),
    playheadMs,
    width,
    height: 300,
    scrollY: 0,
    selectedRequestId: undefined,
    selectedEnvId: undefined,
    hovered: undefined,
    emptyMessage: 'empty',
  };
}

const trace = new TraceBuilder()
  .cold(0, 'fn#1', 'req-a', { platform: 100, init: 142, duration: 300 })
  .reclaim(372_542, 'fn#1', 372_000)
  .build();

describe('drawTimeline', () => {
  it('labels INIT with its duration', () => {
    const model = new TimelineModel();
    model.update(trace);
    const { ctx, texts } = recordingContext();
    drawTimeline(ctx, inputFor(model, 1000, 1000));
    expect(texts.map((entry) => entry.text)).toContain('INIT 142 ms');
  });

  it('draws nothing after the playhead', () => {
    const model = new TimelineModel();
    model.update(trace);
    const { ctx, rects } = recordingContext();
    const input = inputFor(model, 150, 1000);
    drawTimeline(ctx, input);
    const playheadX = LABEL_WIDTH + input.scale.timeToX(150);
    const spanRects = rects.filter((rect) => rect.y > AXIS_HEIGHT && rect.x >= LABEL_WIDTH - 10 && rect.w < input.width);
    expect(spanRects.length).toBeGreaterThan(0);
    for (const rect of spanRects) expect(rect.x + rect.w).toBeLessThanOrEqual(playheadX + 0.001);
  });

  it('marks a reclaimed lane with its idle time', () => {
    const model = new TimelineModel();
    model.update(trace);
    const { ctx, texts } = recordingContext();
    drawTimeline(ctx, inputFor(model, 400_000, 400_000));
    expect(texts.map((entry) => entry.text)).toContain('reclaimed after 6 min 12 s idle');
  });

  it('shows the empty message without rows', () => {
    const { ctx, texts } = recordingContext();
    drawTimeline(ctx, inputFor(new TimelineModel(), 0, 1000));
    expect(texts.map((entry) => entry.text)).toContain('empty');
  });

  it('wraps a long empty message', () => {
    const { ctx, texts } = recordingContext();
    const message = 'word '.repeat(60).trim();
    drawTimeline(ctx, { ...inputFor(new TimelineModel(), 0, 1000), emptyMessage: message });
    const lines = texts.map((entry) => entry.text).filter((text) => text.startsWith('word'));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(message);
    // The recording context measures 6 px a character; the time area is 868 px wide.
    for (const line of lines) expect(line.length * 6).toBeLessThanOrEqual(1000 - LABEL_WIDTH - 48);
  });
});

describe('drawTimeline at scale', () => {
  it('labels only the lanes inside the canvas', () => {
    const wide = new TraceBuilder('wide');
    for (let n = 0; n < 1000; n++) wide.cold(n, `wide#${n + 1}`, `req-${n}`, { platform: 50, init: 50, duration: 100 });
    const model = new TimelineModel();
    model.update(wide.build());
    const { ctx, texts } = recordingContext();
    drawTimeline(ctx, { ...inputFor(model, 5000, 5000), scrollY: 4000 });
    const laneLabels = texts.filter((entry) => /^env \d+/.test(entry.text)).map((entry) => Number(entry.text.slice(4)));
    // 274 px of rows at 8 px a lane: about 35 lanes, labelled every second one.
    expect(laneLabels.length).toBeGreaterThan(10);
    expect(laneLabels.length).toBeLessThan(30);
    expect(Math.min(...laneLabels)).toBeGreaterThan(490);
    expect(Math.max(...laneLabels)).toBeLessThan(540);
  });

  it('badges provisioned lanes', () => {
    const model = new TimelineModel();
    model.update(new TraceBuilder().provisioned(0, 'fn#1', { platform: 100, init: 200 }).build());
    const { ctx, texts } = recordingContext();
    drawTimeline(ctx, inputFor(model, 1000, 1000));
    expect(texts.map((entry) => entry.text)).toContain('provisioned');
  });

  it('counts throttles that share a pixel', () => {
    const trace = new TraceBuilder();
    for (let n = 0; n < 5; n++) trace.cold(0, `fn#${n + 1}`, `ok-${n}`, { platform: 10, init: 10, duration: 1000 });
    for (let n = 0; n < 15; n++) trace.throttle(0, `throttled-${n}`);
    const model = new TimelineModel();
    model.update(trace.build());
    const { ctx, texts } = recordingContext();
    drawTimeline(ctx, inputFor(model, 2000, 2000));
    expect(texts.map((entry) => entry.text)).toContain('throttled (15)');
    expect(texts.map((entry) => entry.text)).toContain('×15');
  });

  it('draws lane labels over the throttle row', () => {
    const trace = new TraceBuilder();
    for (let n = 0; n < 200; n++) trace.cold(0, `fn#${n + 1}`, `ok-${n}`, { platform: 10, init: 10, duration: 1000 });
    trace.throttle(0, 'throttled-0');
    const model = new TimelineModel();
    model.update(trace.build());
    const { ctx, texts } = recordingContext();
    drawTimeline(ctx, inputFor(model, 2000, 2000));
    const drawn = texts.map((entry) => entry.text);
    // A compact lane's label reaches above its lane, so the throttle row must not be drawn over it.
    expect(drawn).toContain('env 1');
    expect(drawn.indexOf('throttled (1)')).toBeLessThan(drawn.indexOf('env 1'));
  });

  it('draws a density strip for thousands of throttles', () => {
    const trace = new TraceBuilder().cold(0, 'fn#1', 'ok', { platform: 10, init: 10, duration: 10 });
    for (let n = 0; n < 5000; n++) trace.throttle(n / 5, `throttled-${n}`);
    const model = new TimelineModel();
    model.update(trace.build());
    const { ctx, rects, texts } = recordingContext();
    drawTimeline(ctx, inputFor(model, 1000, 1000));
    expect(texts.map((entry) => entry.text)).toContain('throttled (5,000)');
    const bars = rects.filter((rect) => rect.fill === PALETTE.throttle && rect.w === 1);
    expect(bars.length).toBeGreaterThan(100);
  });
});
