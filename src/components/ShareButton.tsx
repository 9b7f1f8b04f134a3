import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../store';
import type { ShareLink } from '../store/share-model';

/** The keyboard shortcut that opens the share popover. */
export const SHARE_SHORTCUT = 'S';

type CopyStatus = 'copied' | 'unavailable' | 'failed' | undefined;

interface ShareButtonProps {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
}

const plural = (count: number, noun: string) => `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;

/**
 * Renders the "Share" button and its popover: a link to the current scenario with the run's
 * requests, copied to the clipboard when the browser allows it and always shown in a field.
 * The link code (compression) loads when the popover first opens, not with the page.
 */
export function ShareButton({ open, onOpenChange }: ShareButtonProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState<CopyStatus>(undefined);
  const [link, setLink] = useState<ShareLink | undefined>(undefined);

  const copy = (url: string) => {
    if (!navigator.clipboard) {
      setCopyStatus('unavailable');
      fieldRef.current?.select();
      return;
    }
    navigator.clipboard.writeText(url).then(
      () => setCopyStatus('copied'),
      () => {
        setCopyStatus('failed');
        fieldRef.current?.select();
      },
    );
  };

  // The link is built when the popover opens, from the scenario and the run at that moment.
  useEffect(() => {
    if (!open) return;
    let current = true;
    import('../store/share-model').then(
      ({ shareLinkOf }) => {
        if (!current) return;
        const next = shareLinkOf(useAppStore.getState(), window.location.href);
        setLink(next);
        setCopyStatus(undefined);
        if (next.ok) copy(next.url);
      },
      (error: unknown) => {
        console.error('share: loading the link code failed.', error);
        if (current) setLink({ ok: false, message: `The link could not be built: ${(error as Error).message}. Reload the page to try again.` });
      },
    );
    return () => {
      current = false;
      setLink(undefined);
    };
  }, [open]);

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
        aria-expanded={open}
        aria-controls="share-popover"
        title={`Share a link to this scenario (${SHARE_SHORTCUT})`}
        className="h-7 rounded-md border border-slate-300 bg-white px-2.5 text-xs font-medium text-slate-700 hover:bg-slate-100"
        onClick={() => onOpenChange(!open)}
      >
        Share
      </button>
      {open && link && (
        <div
          id="share-popover"
          role="dialog"
          aria-label="Share this scenario"
          className="absolute top-9 right-0 z-50 w-[26rem] rounded-lg border border-slate-200 bg-white p-3 shadow-lg"
        >
          <h2 className="mb-1.5 text-sm font-semibold text-slate-800">Share this scenario</h2>
          {link.ok ? (
            <>
              <p className="mb-2 text-xs text-slate-600">
                The link contains the code and settings of {plural(link.functionCount, 'function')} and the{' '}
                {plural(link.requestCount, 'request')} of this run. Whoever opens it sees the scenario, and nothing runs until
                they press Play.
              </p>
              <div className="flex gap-2">
                <input
                  ref={fieldRef}
                  readOnly
                  aria-label="Link to this scenario"
                  value={link.url}
                  onFocus={(event) => event.currentTarget.select()}
                  className="h-8 min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 font-mono text-xs text-slate-700"
                />
                <button
                  type="button"
                  className="h-8 rounded-md border border-slate-300 bg-white px-3 text-xs font-medium text-slate-700 hover:bg-slate-100"
                  onClick={() => copy(link.url)}
                >
                  Copy
                </button>
              </div>
              <p className="mt-1.5 flex justify-between gap-3 text-[11px] text-slate-500">
                <span role="status" data-testid="share-copy-status">
                  {copyStatus === 'copied' && 'Copied to the clipboard.'}
                  {copyStatus === 'unavailable' && 'The clipboard is not available here: copy the selected link.'}
                  {copyStatus === 'failed' && 'The browser did not allow copying: copy the selected link.'}
                </span>
                <span data-testid="share-link-length">{plural(link.url.length, 'character')}</span>
              </p>
            </>
          ) : (
            <p role="alert" className="text-xs text-red-800">
              {link.message}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
