import { LEGEND, PALETTE } from '../timeline/palette';

/** The key to the timeline's colours and markers. */
export function TimelineLegend() {
  return (
    <ul aria-label="Timeline legend" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[11px] text-slate-600">
      {LEGEND.map((entry) => (
        <li key={entry.label} className="flex items-center gap-1.5">
          <span
            aria-hidden
            className="inline-block h-2.5 w-4 rounded-sm border border-slate-300/70"
            style={{
              backgroundColor: entry.color,
              backgroundImage: entry.hatch
                ? `repeating-linear-gradient(-45deg, ${entry.hatch} 0 1px, transparent 1px 4px)`
                : undefined,
            }}
          />
          {entry.label}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span aria-hidden style={{ color: PALETTE.request }}>
          ▼
        </span>
        Request arrives
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-3 w-0.5" style={{ backgroundColor: PALETTE.reclaimed }} />
        Environment shut down
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden style={{ color: PALETTE.throttle }}>
          ◆
        </span>
        Throttled request
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-3 w-[3px]" style={{ backgroundColor: PALETTE.provisioned }} />
        Provisioned environment
      </li>
      <li className="flex items-center gap-1.5">
        <span
          aria-hidden
          className="inline-block h-2.5 w-4 rounded-sm"
          style={{ backgroundColor: PALETTE.success, borderTop: `3px solid ${PALETTE.spillover}` }}
        />
        Spillover (on demand beyond provisioned)
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-1 w-4" style={{ backgroundColor: PALETTE.queueWait }} />
        Event waiting in the async queue
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-2.5 w-1.5" style={{ backgroundColor: PALETTE.dlq }} />
        DLQ message
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden style={{ color: PALETTE.dropped }}>
          ✕
        </span>
        Event dropped or expired
      </li>
    </ul>
  );
}
