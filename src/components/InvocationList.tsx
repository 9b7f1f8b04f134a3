import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../store';
import { listLimitNote } from '../store/invocation-list';
import type { InvocationRecord } from '../store/invocations';
import { revealRequest } from '../store/reveal';
import { waitingTraffic } from '../store/run-slice';
import { selectLatestInvocations, selectSelection } from '../store/run-view';
import { endedWithoutRun, EventBadge, OutcomeBadge, StartBadge } from './Badges';

/** Estimated height of a row in CSS pixels; the list measures each row it draws. */
const ROW_HEIGHT_PX = 29;
/**
 * Rows drawn beyond each edge of the visible ones. A large run updates the list several
 * times a second, so only the rows near the view are laid out again.
 */
const OVERSCAN_ROWS = 20;

/**
 * Lists the latest invocations, newest first. A click, Enter or Space selects one for the
 * inspector and shows it on the timeline. Arrow keys, Home and End move the focus between rows.
 */
export function InvocationList() {
  const { latest, total } = useAppStore(selectLatestInvocations);
  const selection = useAppStore(selectSelection);
  const waiting = useAppStore(waitingTraffic);
  const select = useAppStore((state) => state.select);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: latest.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: OVERSCAN_ROWS,
    getItemKey: (index) => latest[index]!.requestId,
  });
  // The row that keyboard navigation moves to; it is focused once the virtualizer has drawn it.
  const pendingFocus = useRef<number | undefined>(undefined);
  const focusPendingRow = () => {
    const index = pendingFocus.current;
    if (index === undefined) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
    if (!row) return;
    pendingFocus.current = undefined;
    row.focus();
  };
  useEffect(focusPendingRow);

  // The virtualizer's offsets leave out the header above the first row, so a row it scrolls to
  // the start lands below the sticky header. A row focused by the browser keeps clear of the
  // header through its scroll margin.
  const moveFocus = (event: KeyboardEvent, index: number) => {
    const target = rowAfterKey(event.key, index, latest.length);
    if (target === undefined) return;
    event.preventDefault();
    pendingFocus.current = target;
    virtualizer.scrollToIndex(target);
    focusPendingRow();
  };
  const rows = virtualizer.getVirtualItems();
  const spaceBefore = rows[0]?.start ?? 0;
  const spaceAfter = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);

  return (
    <div ref={scrollRef} className="max-h-[42%] min-h-16 shrink-0 overflow-y-auto border-b border-slate-200" data-testid="invocation-list">
      {latest.length === 0 ? (
        <p className="px-3 py-4 text-sm text-slate-500">
          {waiting ? 'No invocations yet. This run has requests to send: press Play to run them.' : 'No invocations yet. Press Invoke to send the test event.'}
        </p>
      ) : (
        <table className="w-full table-fixed text-left text-xs">
          <thead className="sticky top-0 z-10 bg-slate-50 text-[11px] font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th className="w-[27%] px-3 py-1.5 font-medium">Request ID</th>
              <th className="px-2 py-1.5 font-medium">Start</th>
              <th className="w-[22%] px-2 py-1.5 text-right font-medium">Duration</th>
              <th className="w-[24%] px-3 py-1.5 text-right font-medium">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {spaceBefore > 0 && <tr aria-hidden="true" style={{ height: spaceBefore }} />}
            {rows.map((row) => {
              const record = latest[row.index]!;
              return (
                <Row
                  key={row.key}
                  index={row.index}
                  measure={virtualizer.measureElement}
                  record={record}
                  selected={selection?.requestId === record.requestId}
                  onNavigate={(event) => moveFocus(event, row.index)}
                  onSelect={() => {
                    select({ requestId: record.requestId, envId: record.envId });
                    revealRequest(useAppStore, record.requestId);
                  }}
                />
              );
            })}
            {spaceAfter > 0 && <tr aria-hidden="true" style={{ height: spaceAfter }} />}
          </tbody>
          {total > latest.length ? (
            <tfoot>
              <tr>
                <td colSpan={4} className="border-t border-slate-100 px-3 py-2 text-slate-500">
                  {listLimitNote(latest.length, total)}
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      )}
    </div>
  );
}

interface RowProps {
  /** Position in the list, which the virtualizer reads back when it measures the row. */
  readonly index: number;
  readonly measure: (element: HTMLTableRowElement | null) => void;
  readonly record: InvocationRecord;
  readonly selected: boolean;
  readonly onSelect: () => void;
  /** Moves the focus for ArrowUp, ArrowDown, Home and End; other keys pass through. */
  readonly onNavigate: (event: KeyboardEvent) => void;
}

/** Index of the row that `key` moves the focus to from row `index`, or undefined for other keys. */
function rowAfterKey(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'ArrowDown':
      return Math.min(count - 1, index + 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

function Row({ index, measure, record, selected, onSelect, onNavigate }: RowProps) {
  return (
    <tr
      ref={measure}
      data-index={index}
      data-testid="invocation-row"
      data-request-id={record.requestId}
      aria-selected={selected}
      tabIndex={0}
      className={`scroll-mt-8 cursor-pointer border-t border-slate-100 ${selected ? 'bg-sky-50' : 'hover:bg-slate-50'}`}
      onClick={onSelect}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect();
        } else {
          onNavigate(event);
        }
      }}
    >
      <td className="truncate px-3 py-1.5 font-mono text-[11px] text-slate-700" title={record.requestId}>
        {record.requestId}
      </td>
      <td className="px-2 py-1.5">
        <span className="inline-flex flex-wrap gap-1">
          <StartBadge record={record} />
          <EventBadge record={record} />
        </span>
      </td>
      <td className="px-2 py-1.5 text-right tabular-nums text-slate-700">
        {record.durationMs === undefined
          ? record.outcome === 'throttled' || endedWithoutRun(record)
            ? '–'
            : '…'
          : `${record.durationMs.toFixed(2)} ms`}
      </td>
      <td className="px-3 py-1.5 text-right">
        <OutcomeBadge record={record} />
      </td>
    </tr>
  );
}
