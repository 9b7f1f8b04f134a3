import { useEffect } from 'react';
import { useAppStore } from '../store';
import { applyRunShortcut } from '../store/run-shortcuts';
import { selectInvokeBlocker } from '../store/workspace-slice';

interface ShortcutHandlers {
  readonly toggleHelp: () => void;
  readonly toggleShare: () => void;
  /** Closes the shortcuts list and the share popover. */
  readonly closePopovers: () => void;
}

/** Whether a key press goes to a text field, where plain keys must type rather than act. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  // Monaco's hidden input area.
  return target.closest('.monaco-editor') !== null;
}

/** Whether Space on `target` already means "press this control". */
function isPressable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], summary, [role="button"], [tabindex]') !== null;
}

/** The page-wide keyboard shortcuts listed in the "?" popover. */
export function useKeyboardShortcuts({ toggleHelp, toggleShare, closePopovers }: ShortcutHandlers) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const state = useAppStore.getState();

      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        if (!selectInvokeBlocker(state)) state.invoke();
        return;
      }
      if (event.key === 'Escape') {
        closePopovers();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;

      if (event.key === '?') {
        event.preventDefault();
        toggleHelp();
        return;
      }
      if (event.key === 's' || event.key === 'S') {
        event.preventDefault();
        toggleShare();
        return;
      }
      if (event.key === ' ' && isPressable(event.target)) return;
      if (applyRunShortcut(event.key, state)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toggleHelp, toggleShare, closePopovers]);
}
