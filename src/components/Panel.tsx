import type { ReactNode } from 'react';

interface PanelProps {
  readonly title: ReactNode;
  /** Controls shown at the right of the title bar. */
  readonly actions?: ReactNode;
  readonly className?: string;
  readonly bodyClassName?: string;
  readonly children: ReactNode;
  readonly labelledBy?: string;
}

/** A titled white card; the layout's building block. */
export function Panel({ title, actions, className = '', bodyClassName = '', children, labelledBy }: PanelProps) {
  return (
    <section
      aria-labelledby={labelledBy}
      className={`flex min-h-0 min-w-0 flex-col rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}
    >
      <header className="flex h-10 shrink-0 items-center justify-between gap-2 border-b border-slate-200 px-3">
        <h2 id={labelledBy} className="truncate text-sm font-semibold text-slate-700">
          {title}
        </h2>
        {actions && <div className="flex items-center gap-2">{actions}</div>}
      </header>
      <div className={`min-h-0 flex-1 ${bodyClassName}`}>{children}</div>
    </section>
  );
}
