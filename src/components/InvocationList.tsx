import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useAppStore } from '../store';
import { listLimitNote } from '../store/invocation-list';
import type { InvocationRecord } from '../store/invocations';
import { revealRequest } from '../store/reveal';
import { selectLatestInvocations, selectSelection } from '../store/run-view';
import { endedWithoutRun, EventBadge, OutcomeBadge, StartBadge } from './Badges';

/** Estimated height of a row in CSS pixels; the list measures each row it draws. */
const ROW_HEIGHT_PX = 29;
/**
 * Rows drawn beyond each edge of the visible ones. A large run updates the list several
 * times a second, so only the rows near the view are laid out again.
 */
const OVERSCAN_ROWS = 20;

/** Lists the latest invocations, newest first. A click selects one for the inspector and shows it on the timeline. */
export function InvocationList() {
  const { latest, total } = useAppStore(selectLatestInvocations);
  const selection = useAppStore(selectSelection);
  const select = useAppStore((state) => state.select);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: latest.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: OVERSCAN_ROWS,
    getItemKey: (index) => latest[index]!.requestId,
  });
  const rows = virtualizer.getVirtualItems();
  const spaceBefore = rows[0]?.start ?? 0;
  const spaceAfter = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);

  return (
    <div ref={scrollRef} className="max-h-[42%] min-h-16 shrink-0 overflow-y-auto border-b border-slate-200" data-testid="invocation-list">
      {latest.length === 0 ? (
        <p className="px-3 py-4 text-sm text-slate-500">No invocations yet. Press Invoke to send the test event.</p>
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
}

function Row({ index, measure, record, selected, onSelect }: RowProps) {
  return (
    <tr
      ref={measure}
      data-index={index}
      data-testid="invocation-row"
      data-request-id={record.requestId}
      aria-selected={selected}
      tabIndex={0}
      className={`cursor-pointer border-t border-slate-100 ${selected ? 'bg-sky-50' : 'hover:bg-slate-50'}`}
      onClick={onSelect}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect();
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
