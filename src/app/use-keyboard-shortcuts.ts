import { useEffect } from 'react';
import { useAppStore } from '../store';
import { invoke } from '../store/run-view';
import { selectInvokeBlocker } from '../store/workspace-slice';

interface ShortcutHandlers {
  readonly toggleHelp: () => void;
  readonly closeHelp: () => void;
}

/** Whether a key press goes to a text field, where plain keys must type rather than act. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return true;
  // Monaco's hidden input area.
  return target.closest('.monaco-editor') !== null;
}

/** The page-wide keyboard shortcuts listed in the "?" popover. */
export function useKeyboardShortcuts({ toggleHelp, closeHelp }: ShortcutHandlers) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const state = useAppStore.getState();

      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        if (!selectInvokeBlocker(state)) invoke(state);
        return;
      }
      if (event.key === 'Escape') {
        closeHelp();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;

      switch (event.key) {
        case '?':
          event.preventDefault();
          toggleHelp();
          break;
        // TODO: space (play/pause), → and . (step), + and − (zoom) and 0 (fit) call the run
        // slice's playback and zoom actions once they exist.
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toggleHelp, closeHelp]);
}
