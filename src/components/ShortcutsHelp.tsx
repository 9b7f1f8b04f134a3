import { useEffect, useRef } from 'react';
import { RUN_SHORTCUTS, type RunShortcut } from '../store/run-shortcuts';
import { INVOKE_SHORTCUT } from './InvokeControls';
import { SHARE_SHORTCUT } from './ShareButton';

export const SHORTCUTS: readonly RunShortcut[] = [
  { keys: INVOKE_SHORTCUT, action: 'Invoke the function once' },
  ...RUN_SHORTCUTS,
  { keys: SHARE_SHORTCUT, action: 'Share a link to this scenario' },
  { keys: '?', action: 'Show or hide this list' },
  { keys: 'Esc', action: 'Close this list' },
];

interface ShortcutsHelpProps {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
}

/** The "?" button and the popover listing the keyboard shortcuts. */
export function ShortcutsHelp({ open, onOpenChange }: ShortcutsHelpProps) {
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) onOpenChange(false);
    };
    document.addEventListener('pointerdown', closeOnOutsideClick);
    return () => document.removeEventListener('pointerdown', closeOnOutsideClick);
  }, [open, onOpenChange]);

  return (
    <div ref={containerRef} className="relative">
      <button
        type="button"
        aria-label="Keyboard shortcuts"
        aria-expanded={open}
        aria-controls="shortcuts-help"
        className="flex h-7 w-7 items-center justify-center rounded-full border border-slate-300 bg-white text-sm font-semibold text-slate-600 hover:bg-slate-100"
        onClick={() => onOpenChange(!open)}
      >
        ?
      </button>
      {open && (
        <div
          id="shortcuts-help"
          role="dialog"
          aria-label="Keyboard shortcuts"
          className="absolute top-9 right-0 z-50 w-80 rounded-lg border border-slate-200 bg-white p-3 shadow-lg"
        >
          <h2 className="mb-2 text-sm font-semibold text-slate-800">Keyboard shortcuts</h2>
          <dl className="flex flex-col gap-1.5 text-xs">
            {SHORTCUTS.map((shortcut) => (
              <div key={shortcut.keys} className="flex items-center justify-between gap-3">
                <dt className="shrink-0 whitespace-nowrap">
                  <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-sans text-[11px] text-slate-700">
                    {shortcut.keys}
                  </kbd>
                </dt>
                <dd className="text-right text-slate-600">{shortcut.action}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-[11px] text-slate-500">Shortcuts other than {INVOKE_SHORTCUT} are off while you type in a field.</p>
        </div>
      )}
    </div>
  );
}
