import { lazy, Suspense } from 'react';
import { useAppStore } from '../store';
import { Panel } from './Panel';

// Monaco and its type definitions are about 1.5 MB gzipped: they load after the first render.
const MonacoCodeEditor = lazy(() => import('./editor/MonacoCodeEditor'));

/** The handler's code: Monaco once it has loaded, a plain text area until then. */
export function CodeEditor() {
  const resetCodeToExample = useAppStore((state) => state.resetCodeToExample);

  return (
    <Panel
      title={<span className="font-mono text-[13px]">index.mjs</span>}
      labelledBy="code-editor-title"
      className="h-full"
      actions={
        <button
          type="button"
          className="rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
          onClick={resetCodeToExample}
          title="Replace the code with the example handler"
        >
          Reset to example
        </button>
      }
    >
      <Suspense fallback={<PlainCodeEditor />}>
        <MonacoCodeEditor />
      </Suspense>
    </Panel>
  );
}

/** An editable text area shown while Monaco loads, so the page is usable at once. */
function PlainCodeEditor() {
  const code = useAppStore((state) => state.code);
  const setCode = useAppStore((state) => state.setCode);

  return (
    <textarea
      aria-label="Handler code"
      data-testid="code-fallback"
      spellCheck={false}
      className="block h-full w-full resize-none border-0 bg-white p-3 font-mono text-[13px] leading-5 text-slate-800 outline-none"
      value={code}
      onChange={(event) => setCode(event.target.value)}
    />
  );
}
