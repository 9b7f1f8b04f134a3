import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { LEGEND, PALETTE } from '../timeline/palette';

interface LegendEntry {
  readonly label: string;
  /** Shown in the one-line legend under the timeline; the rest only in the full list. */
  readonly primary: boolean;
  /** A text glyph in its colour, or else a swatch with this style and size class. */
  readonly glyph?: string;
  readonly color?: string;
  readonly swatchClass?: string;
  readonly swatchStyle?: CSSProperties;
}

const PRIMARY_SPANS = new Set(['INIT', 'INVOKE running', 'Success', 'Error', 'Timeout', 'Frozen (idle)']);

const ENTRIES: readonly LegendEntry[] = [
  ...LEGEND.map(
    (entry): LegendEntry => ({
      label: entry.label,
      primary: PRIMARY_SPANS.has(entry.label),
      swatchClass: 'h-2.5 w-4 rounded-sm border border-slate-300/70',
      swatchStyle: {
        backgroundColor: entry.color,
        backgroundImage: entry.hatch ? `repeating-linear-gradient(-45deg, ${entry.hatch} 0 1px, transparent 1px 4px)` : undefined,
      },
    }),
  ),
  { label: 'Request arrives', primary: true, glyph: '▼', color: PALETTE.request },
  { label: 'Throttled request', primary: true, glyph: '◆', color: PALETTE.throttle },
  { label: 'Environment shut down', primary: false, swatchClass: 'h-3 w-0.5', swatchStyle: { backgroundColor: PALETTE.reclaimed } },
  { label: 'Provisioned environment', primary: false, swatchClass: 'h-3 w-[3px]', swatchStyle: { backgroundColor: PALETTE.provisioned } },
  {
    label: 'Spillover (on demand beyond provisioned)',
    primary: false,
    swatchClass: 'h-2.5 w-4 rounded-sm',
    swatchStyle: { backgroundColor: PALETTE.success, borderTop: `3px solid ${PALETTE.spillover}` },
  },
  { label: 'Event waiting in the async queue', primary: false, swatchClass: 'h-1 w-4', swatchStyle: { backgroundColor: PALETTE.queueWait } },
  { label: 'DLQ message', primary: false, swatchClass: 'h-2.5 w-1.5', swatchStyle: { backgroundColor: PALETTE.dlq } },
  { label: 'Event dropped or expired', primary: false, glyph: '✕', color: PALETTE.dropped },
];

/**
 * The key to the timeline's colours and markers: the common entries on one line, and a
 * "Legend" button that opens the full list above it.
 */
export function TimelineLegend() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const listId = useId();

  // While the full list is open, a press outside it or Escape closes it.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div ref={root} className="relative flex h-5 shrink-0 items-center gap-3">
      {/* Entries that do not fit wrap onto a hidden second line, so none shows cut in half. */}
      <ul aria-label="Timeline legend" className="flex h-4 min-w-0 flex-1 flex-wrap items-center gap-x-3 overflow-hidden text-[11px] leading-4 text-slate-600">
        {ENTRIES.filter((entry) => entry.primary).map((entry) => (
          <LegendItem key={entry.label} entry={entry} />
        ))}
      </ul>
      <button
        type="button"
        className="shrink-0 rounded px-1.5 text-[11px] font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
        aria-expanded={open}
        aria-controls={listId}
        title="Show every colour and marker of the timeline"
        onClick={() => setOpen((value) => !value)}
      >
        Legend {open ? '▴' : '▾'}
      </button>
      {open && (
        <ul
          id={listId}
          aria-label="Full timeline legend"
          className="absolute right-0 bottom-full z-20 mb-1 grid grid-cols-2 gap-x-4 gap-y-1.5 rounded-md border border-slate-200 bg-white p-3 text-[11px] text-slate-700 shadow-lg"
        >
          {ENTRIES.map((entry) => (
            <LegendItem key={entry.label} entry={entry} />
          ))}
        </ul>
      )}
    </div>
  );
}

function LegendItem({ entry }: { readonly entry: LegendEntry }) {
  return (
    <li className="flex shrink-0 items-center gap-1.5 whitespace-nowrap">
      {entry.glyph ? (
        <span aria-hidden style={{ color: entry.color }}>
          {entry.glyph}
        </span>
      ) : (
        <span aria-hidden className={`inline-block ${entry.swatchClass ?? ''}`} style={entry.swatchStyle} />
      )}
      {entry.label}
    </li>
  );
}
