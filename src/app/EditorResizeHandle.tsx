import { useRef } from 'react';

/** The editor row's minimum height in CSS pixels and its maximum as a fraction of the window. */
export const EDITOR_MIN_PX = 200;
const EDITOR_MAX_FRACTION = 0.8;
const KEY_STEP_PX = 24;

interface EditorResizeHandleProps {
  /** The editor row's rendered height now, read when a drag or key press starts. */
  readonly measure: () => number;
  /** Sets the row's height in CSS pixels, or undefined for the default. */
  readonly onResize: (heightPx: number | undefined) => void;
  /** The height set by the person, or undefined while the default applies. */
  readonly heightPx: number | undefined;
}

/** Limits a height to what leaves the timeline some room in the current window. */
export function clampEditorHeight(heightPx: number): number {
  const maxPx = Math.max(EDITOR_MIN_PX, Math.round(window.innerHeight * EDITOR_MAX_FRACTION));
  return Math.round(Math.min(maxPx, Math.max(EDITOR_MIN_PX, heightPx)));
}

/**
 * The bar between the editor row and the timeline row: drag it, or focus it and press ↑ or ↓,
 * to trade height between them. A double click or Home restores the default.
 */
export function EditorResizeHandle({ measure, onResize, heightPx }: EditorResizeHandleProps) {
  const drag = useRef<{ startY: number; startPx: number } | undefined>(undefined);

  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startY: event.clientY, startPx: measure() };
    event.preventDefault();
  };
  const onPointerMove = (event: React.PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (current) onResize(clampEditorHeight(current.startPx + event.clientY - current.startY));
  };
  const endDrag = () => {
    drag.current = undefined;
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      onResize(clampEditorHeight(measure() + (event.key === 'ArrowDown' ? KEY_STEP_PX : -KEY_STEP_PX)));
    } else if (event.key === 'Home') {
      onResize(undefined);
    } else {
      return;
    }
    event.preventDefault();
  };

  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the editor and the timeline"
      aria-valuemin={EDITOR_MIN_PX}
      aria-valuenow={heightPx}
      title="Drag to resize the editor and the timeline; double-click to restore"
      tabIndex={0}
      className="group col-span-2 flex cursor-row-resize touch-none items-center justify-center outline-none"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onDoubleClick={() => onResize(undefined)}
      onKeyDown={onKeyDown}
    >
      <span
        aria-hidden
        className="h-1 w-12 rounded-full bg-slate-300 group-hover:bg-slate-400 group-focus-visible:bg-sky-500 group-active:bg-sky-500"
      />
    </div>
  );
}
