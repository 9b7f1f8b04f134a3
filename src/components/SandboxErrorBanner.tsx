import { useState } from 'react';
import { useAppStore } from '../store';
import { selectSandboxError } from '../store/run-view';

/**
 * A failure of the sandbox itself (a worker that crashed or never started), as opposed to an
 * error thrown by the handler, which the inspector shows with the invocation.
 */
export function SandboxErrorBanner() {
  const error = useAppStore(selectSandboxError);
  const [dismissed, setDismissed] = useState<string | undefined>(undefined);
  if (!error || error === dismissed) return null;

  return (
    <div role="alert" className="flex items-start gap-3 border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900">
      <div className="min-w-0 flex-1">
        <p className="font-semibold">The sandbox that runs your handler failed.</p>
        <p className="mt-0.5 break-words">{error}</p>
        <p className="mt-0.5 text-red-800">
          This is not an error in your code. Invoke again to start a fresh sandbox; if it keeps failing, reload the page. Your
          code and settings are saved.
        </p>
      </div>
      <button
        type="button"
        className="rounded px-2 py-1 text-xs font-medium text-red-800 hover:bg-red-100"
        onClick={() => setDismissed(error)}
      >
        Dismiss
      </button>
    </div>
  );
}
