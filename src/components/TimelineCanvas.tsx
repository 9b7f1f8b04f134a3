import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../store';
import { AXIS_HEIGHT, drawTimeline, LABEL_WIDTH, maxScrollY, SCROLLBAR_WIDTH, scrollThumb } from '../timeline/draw';
import { hitTest, type Hit } from '../timeline/hit-test';
import { eventPath, type EventPath } from '../timeline/event-path';
import { computeLayout, contentY, type TimelineLayout } from '../timeline/layout';
import type { Span, TimelineModel } from '../timeline/spans';
import { selectMaxAttempts } from '../store/run-view';
import { selectEmptyTimelineMessage } from '../store/run-slice';
import { TimelineTooltip } from './TimelineTooltip';

/** Pointer travel, in CSS pixels, after which a press becomes a drag rather than a click. */
const DRAG_THRESHOLD_PX = 3;
/** Zoom per pixel of wheel travel with Ctrl or ⌘ held. */
const WHEEL_ZOOM_RATE = 0.002;

interface Press {
  readonly startX: number;
  readonly startY: number;
  lastX: number;
  lastY: number;
  /** `scrub` on the axis moves the playhead, `scroll` on the scrollbar moves the rows, `pan` elsewhere moves the view. */
  readonly mode: 'scrub' | 'scroll' | 'pan';
  dragging: boolean;
}

interface Hover {
  readonly hit: Hit;
  readonly x: number;
  readonly y: number;
}


/**
 * The canvas of the timeline and the one animation loop of the page: each frame applies
 * playback to the store, then redraws when anything shown has changed.
 */
export function TimelineCanvas() {
  const containerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const size = useRef({ width: 0, height: 0, ratio: 1 });
  const layoutRef = useRef<TimelineLayout | undefined>(undefined);
  const hoveredSpan = useRef<Span | undefined>(undefined);
  const press = useRef<Press | undefined>(undefined);
  /** What the canvas shows now, to skip frames in which nothing changed. */
  const lastDrawKey = useRef('');
  const lastHovered = useRef<Span | undefined>(undefined);
  const [hover, setHover] = useState<Hover | undefined>(undefined);
  /** The selected event's path, rebuilt only when the selection or the model changes. */
  const pathCache = useRef<{ key: string; path: EventPath | undefined }>({ key: '', path: undefined });
  const pathFor = (model: TimelineModel, version: number, requestId: string | undefined): EventPath | undefined => {
    const key = `${version}|${requestId ?? ''}`;
    if (pathCache.current.key !== key) pathCache.current = { key, path: requestId === undefined ? undefined : eventPath(model, requestId) };
    return pathCache.current.path;
  };

  // Resize the canvas's backing store with its box and the device pixel ratio.
  useEffect(() => {
    const container = containerRef.current;
    const canvas = canvasRef.current;
    if (!container || !canvas) return;
    const resize = () => {
      const ratio = window.devicePixelRatio || 1;
      const width = container.clientWidth;
      const height = container.clientHeight;
      size.current = { width, height, ratio };
      canvas.width = Math.max(1, Math.round(width * ratio));
      canvas.height = Math.max(1, Math.round(height * ratio));
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      useAppStore.getState().setViewWidth(Math.max(1, width - LABEL_WIDTH));
      lastDrawKey.current = '';
    };
    const observer = new ResizeObserver(resize);
    observer.observe(container);
    resize();
    return () => observer.disconnect();
  }, []);

  // The animation loop: playback first, then drawing.
  useEffect(() => {
    let frame = 0;
    let last = performance.now();
    const loop = (now: number) => {
      const elapsed = now - last;
      last = now;
      useAppStore.getState().tick(elapsed);
      draw();
      frame = requestAnimationFrame(loop);
    };
    const draw = () => {
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return;

      const state = useAppStore.getState();
      const { width, height, ratio } = size.current;
      const layout = computeLayout(state.timeline, state.playheadMs, { collapsed: state.collapsedFunctions });
      layoutRef.current = layout;
      const scrollY = Math.min(state.timelineScrollY, maxScrollY(layout.height, height));
      if (scrollY !== state.timelineScrollY) state.setTimelineScroll(scrollY);
      const emptyMessage = selectEmptyTimelineMessage(state);
      const key = [
        emptyMessage,
        state.timelineVersion,
        state.playheadMs,
        state.view.startMs,
        state.view.msPerPx,
        width,
        height,
        ratio,
        scrollY,
        state.collapsedFunctions.join('\n'),
        state.selection?.requestId,
        state.selection?.envId,
        layout.height,
      ].join('|');
      if (key === lastDrawKey.current && hoveredSpan.current === lastHovered.current) return;

      lastDrawKey.current = key;
      lastHovered.current = hoveredSpan.current;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      drawTimeline(ctx, {
        layout,
        scale: state.view,
        playheadMs: state.playheadMs,
        width,
        height,
        scrollY,
        selectedRequestId: state.selection?.requestId,
        selectedEnvId: state.selection?.envId,
        selectedPath: pathFor(state.timeline, state.timelineVersion, state.selection?.requestId),
        hovered: hoveredSpan.current,
        emptyMessage,
      });
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, []);

  // Wheel: Ctrl or ⌘ zooms about the pointer; otherwise scroll the lanes or pan the time.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const state = useAppStore.getState();
      const x = event.offsetX - LABEL_WIDTH;
      const pixels = wheelPixelsPerUnit(event.deltaMode, size.current.height);
      const dx = event.deltaX * pixels;
      const dy = event.deltaY * pixels;
      if (event.ctrlKey || event.metaKey) {
        state.zoomBy(Math.exp(-dy * WHEEL_ZOOM_RATE), Math.max(0, x));
        return;
      }
      const layout = layoutRef.current;
      const overflow = layout ? layout.height > size.current.height - AXIS_HEIGHT : false;
      if (event.shiftKey || Math.abs(dx) > Math.abs(dy)) state.panBy(event.shiftKey ? dy || dx : dx);
      else if (overflow) scrollBy(dy);
      else state.panBy(dy);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, []);

  const hitAt = (x: number, y: number): Hit | undefined => {
    const layout = layoutRef.current;
    if (!layout || y < AXIS_HEIGHT || onScrollbar(x, y)) return undefined;
    const state = useAppStore.getState();
    return hitTest(layout, state.view, x - LABEL_WIDTH, contentY(layout, y - AXIS_HEIGHT, state.timelineScrollY), state.playheadMs);
  };

  /** Scrolls so that the scrollbar's thumb is centred on canvas y `y`, unless the thumb is already under it. */
  const scrollToThumbAt = (y: number) => {
    const thumb = scrollThumb(layoutRef.current?.height ?? 0, size.current.height, useAppStore.getState().timelineScrollY);
    if (!thumb || (y >= thumb.top && y <= thumb.top + thumb.height)) return;
    scrollBy((y - (thumb.top + thumb.height / 2)) * thumb.scrollPerPx);
  };

  const onScrollbar = (x: number, y: number): boolean => {
    const layout = layoutRef.current;
    const { width, height } = size.current;
    return y >= AXIS_HEIGHT && x >= width - SCROLLBAR_WIDTH && layout !== undefined && maxScrollY(layout.height, height) > 0;
  };

  const scrubTo = (x: number) => {
    const state = useAppStore.getState();
    state.seek(state.view.xToTime(x - LABEL_WIDTH));
  };

  const onPointerDown = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return;
    const { offsetX: x, offsetY: y } = event.nativeEvent;
    event.currentTarget.setPointerCapture(event.pointerId);
    const mode = y < AXIS_HEIGHT && x >= LABEL_WIDTH ? 'scrub' : onScrollbar(x, y) ? 'scroll' : 'pan';
    press.current = { startX: x, startY: y, lastX: x, lastY: y, mode, dragging: false };
    if (mode === 'scrub') scrubTo(x);
    if (mode === 'scroll') scrollToThumbAt(y);
  };

  const onPointerMove = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const { offsetX: x, offsetY: y } = event.nativeEvent;
    const current = press.current;
    if (!current) {
      const hit = hitAt(x, y);
      hoveredSpan.current = hit?.kind === 'span' ? hit.span : undefined;
      setHover(hit ? { hit, x, y } : undefined);
      event.currentTarget.style.cursor = onScrollbar(x, y) ? 'default' : cursorFor(y, hit);
      return;
    }
    if (current.mode === 'scrub') {
      scrubTo(x);
      return;
    }
    if (current.mode === 'scroll') {
      const thumb = scrollThumb(layoutRef.current?.height ?? 0, size.current.height, useAppStore.getState().timelineScrollY);
      if (thumb) scrollBy((y - current.lastY) * thumb.scrollPerPx);
      current.lastY = y;
      return;
    }
    if (!current.dragging && Math.hypot(x - current.startX, y - current.startY) < DRAG_THRESHOLD_PX) return;
    current.dragging = true;
    setHover(undefined);
    event.currentTarget.style.cursor = 'grabbing';
    useAppStore.getState().panBy(current.lastX - x);
    scrollBy(current.lastY - y);
    current.lastX = x;
    current.lastY = y;
  };

  const onPointerUp = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const current = press.current;
    press.current = undefined;
    event.currentTarget.style.cursor = 'grab';
    if (!current || current.mode !== 'pan' || current.dragging) return;
    const hit = hitAt(current.startX, current.startY);
    const state = useAppStore.getState();
    if (hit?.kind === 'request' || hit?.kind === 'throttle') state.select({ requestId: hit.marker.requestId });
    else if (hit?.kind === 'queue-wait') state.select({ requestId: hit.wait.requestId });
    else if (hit?.kind === 'queue-exit') state.select({ requestId: hit.exit.requestId });
    else if (hit?.kind === 'target-mark') state.select({ requestId: hit.mark.requestId });
    else if (hit?.kind === 'group') state.toggleFunctionCollapsed(hit.row.group.functionName);
    else if (hit?.kind === 'span') {
      const { span, lane } = hit;
      state.select(span.requestId && span.kind !== 'frozen' && span.kind !== 'reset' ? { requestId: span.requestId, envId: lane.envId } : { envId: lane.envId });
    }
  };

  const onPointerLeave = () => {
    hoveredSpan.current = undefined;
    setHover(undefined);
  };

  return (
    <div ref={containerRef} className="relative h-full min-h-0 w-full overflow-hidden">
      <canvas
        ref={canvasRef}
        role="img"
        aria-label="Timeline of execution environments: INIT, INVOKE and frozen time per environment"
        className="absolute top-0 left-0 block touch-none select-none"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (press.current = undefined)}
        onPointerLeave={onPointerLeave}
      />
      {hover && (
        <TimelineTooltip
          hit={hover.hit}
          playheadMs={useAppStore.getState().playheadMs}
          x={hover.x}
          y={hover.y}
          containerWidth={size.current.width}
          maxAttempts={
            hover.hit.kind === 'span' && hover.hit.span.attempt !== undefined
              ? selectMaxAttempts(useAppStore.getState(), hover.hit.lane.functionName)
              : undefined
          }
        />
      )}
    </div>
  );
}

/** Scrolls the rows by `dy` CSS pixels, within the content. */
function scrollBy(dy: number): void {
  const state = useAppStore.getState();
  state.setTimelineScroll(state.timelineScrollY + dy);
}

/** CSS pixels per unit of a wheel event's delta: lines are about 16 px, pages a canvas height. */
function wheelPixelsPerUnit(deltaMode: number, pageHeight: number): number {
  if (deltaMode === WheelEvent.DOM_DELTA_LINE) return 16;
  if (deltaMode === WheelEvent.DOM_DELTA_PAGE) return pageHeight;
  return 1;
}

function cursorFor(y: number, hit: Hit | undefined): string {
  if (y < AXIS_HEIGHT) return 'ew-resize';
  return hit && hit.kind !== 'aggregate' ? 'pointer' : 'grab';
}
