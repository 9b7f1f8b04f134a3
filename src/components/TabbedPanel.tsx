import { useId, type ReactNode } from 'react';

export interface PanelTab<Id extends string> {
  readonly id: Id;
  readonly label: ReactNode;
  readonly content: ReactNode;
  /** A marker beside the label, e.g. while the tab has an invalid field. */
  readonly alert?: boolean;
}

interface TabbedPanelProps<Id extends string> {
  readonly label: string;
  readonly tabs: readonly PanelTab<Id>[];
  readonly active: Id;
  readonly onSelect: (id: Id) => void;
  /** Controls shown at the right of the tab bar. */
  readonly actions?: ReactNode;
  readonly className?: string;
  readonly bodyClassName?: string;
  /** Narrower tabs, for a panel with many of them. */
  readonly compact?: boolean;
}

/** Renders a white card whose title bar is a row of tabs, and the active tab's content only. */
export function TabbedPanel<Id extends string>({
  label,
  tabs,
  active,
  onSelect,
  actions,
  className = '',
  bodyClassName = '',
  compact = false,
}: TabbedPanelProps<Id>) {
  const baseId = useId();
  const current = tabs.find((tab) => tab.id === active) ?? tabs[0];

  return (
    <section aria-label={label} className={`flex min-h-0 min-w-0 flex-col rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}>
      <header className="flex h-10 shrink-0 items-end justify-between gap-2 border-b border-slate-200 px-2">
        <div role="tablist" aria-label={label} className={`flex h-full items-end ${compact ? 'gap-0.5' : 'gap-1'}`}>
          {tabs.map((tab) => {
            const selected = tab.id === current?.id;
            return (
              <button
                key={tab.id}
                type="button"
                role="tab"
                id={`${baseId}-${tab.id}`}
                aria-selected={selected}
                aria-controls={`${baseId}-panel`}
                className={`-mb-px flex h-9 items-center gap-1.5 border-b-2 text-sm font-semibold ${compact ? 'px-1.5' : 'px-2.5'} ${
                  selected ? 'border-orange-500 text-slate-800' : 'border-transparent text-slate-500 hover:text-slate-800'
                }`}
                onClick={() => onSelect(tab.id)}
              >
                {tab.label}
                {tab.alert && <span className="h-1.5 w-1.5 rounded-full bg-red-500" aria-label="has an invalid value" />}
              </button>
            );
          })}
        </div>
        {actions && <div className="flex h-full items-center gap-2">{actions}</div>}
      </header>
      <div
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={current ? `${baseId}-${current.id}` : undefined}
        className={`min-h-0 flex-1 ${bodyClassName}`}
      >
        {current?.content}
      </div>
    </section>
  );
}
