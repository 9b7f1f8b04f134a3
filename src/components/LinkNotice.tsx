import { useAppStore } from '../store';
import type { AppState } from '../store';
import { selectHasPreviousWorkspace, selectLinkNotice } from '../store/share-slice';

/** Whether the run has started: handler code may have run. */
const selectRunStarted = (state: AppState) => state.playing || (state.snapshot?.trace.length ?? 0) > 0;

const buttonClass = 'shrink-0 rounded px-2 py-1 text-xs font-medium';

/**
 * Renders the banner about a scenario link: the workspace now contains the link's scenario and
 * its code has not run yet, or why the link could not be opened. It offers to restore the
 * workspace the link replaced, and says when the run from before a reload waits for Play.
 */
export function LinkNotice() {
  const notice = useAppStore(selectLinkNotice);
  const hasPrevious = useAppStore(selectHasPreviousWorkspace);
  const runStarted = useAppStore(selectRunStarted);
  const actions = useAppStore.getState();
  if (!notice) return null;

  if (notice.kind === 'failed') {
    return (
      <div role="alert" data-testid="link-notice" className="flex items-start gap-3 border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900">
        <div className="min-w-0 flex-1">
          <p className="font-semibold">The shared link could not be opened.</p>
          <p className="mt-0.5 break-words">{notice.message}</p>
          <p className="mt-0.5 text-red-800">Your workspace was not changed.</p>
        </div>
        <button type="button" className={`${buttonClass} text-red-800 hover:bg-red-100`} onClick={actions.dismissLinkNotice}>
          Dismiss
        </button>
      </div>
    );
  }

  const restore = hasPrevious && (
    <button
      type="button"
      className={`${buttonClass} border border-sky-300 bg-white text-sky-900 hover:bg-sky-100`}
      onClick={actions.restorePreviousWorkspace}
    >
      Restore my previous workspace
    </button>
  );

  if (notice.kind === 'previous-kept') {
    return (
      <div role="status" data-testid="link-notice" className="flex items-center gap-3 border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900">
        <p className="min-w-0 flex-1">Your workspace from before you opened a shared link is kept.</p>
        {restore}
        <button type="button" className={`${buttonClass} text-sky-800 hover:bg-sky-100`} onClick={actions.discardPreviousWorkspace}>
          Discard it
        </button>
      </div>
    );
  }

  if (notice.kind === 'run-restored') {
    return (
      <div role="status" data-testid="link-notice" className="flex items-start gap-3 border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900">
        <div className="min-w-0 flex-1">
          <p>
            <span className="font-semibold">Restored the run from before the reload.</span>{' '}
            {runStarted ? (
              'It runs again from the start.'
            ) : (
              <>
                It has not run again: press <strong>▶ Play</strong> to run it again.
              </>
            )}
          </p>
          {notice.workspaceChanged && (
            <p className="mt-0.5 text-sky-800">
              The code or settings changed after that run, so Play sends its requests to the code and settings as they are now.
            </p>
          )}
          {hasPrevious && <p className="mt-0.5 text-sky-800">Your workspace from before you opened a shared link is kept.</p>}
        </div>
        {restore}
        <button type="button" className={`${buttonClass} text-sky-800 hover:bg-sky-100`} onClick={actions.dismissLinkNotice}>
          Dismiss
        </button>
      </div>
    );
  }

  const scenario = notice.scenarioName ? `“${notice.scenarioName}”` : 'a scenario';
  return (
    <div role="status" data-testid="link-notice" className="flex items-start gap-3 border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900">
      <div className="min-w-0 flex-1">
        <p>
          <span className="font-semibold">Opened {scenario} from a shared link.</span>{' '}
          {runStarted ? (
            'Its code runs in a sandbox that reaches neither the network nor your saved work.'
          ) : (
            <>
              Its code has not run: press <strong>▶ Play</strong> to run it and see the run that was shared.
            </>
          )}
        </p>
        {notice.notKept.length > 0 && (
          <p className="mt-0.5 text-sky-800">
            The editor has no control for some of its settings ({notice.notKept.join(', ')}). Play runs them as shared, but a run
            after you change the code or settings leaves them out.
          </p>
        )}
      </div>
      {restore}
      <button type="button" className={`${buttonClass} text-sky-800 hover:bg-sky-100`} onClick={actions.dismissLinkNotice}>
        Dismiss
      </button>
    </div>
  );
}
