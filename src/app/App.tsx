import { useState } from 'react';
import { CodeEditor } from '../components/CodeEditor';
import { FunctionSettings } from '../components/FunctionSettings';
import { Inspector } from '../components/Inspector';
import { InvokeControls } from '../components/InvokeControls';
import { RunProgress } from '../components/RunProgress';
import { SandboxErrorBanner } from '../components/SandboxErrorBanner';
import { ShortcutsHelp } from '../components/ShortcutsHelp';
import { TestEventPanel } from '../components/TestEventPanel';
import { TimelineArea } from './TimelineArea';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

/**
 * The page: function settings and code on the left, the test event and invoke controls on
 * the right, the timeline and the inspector below.
 */
export function App() {
  const [helpOpen, setHelpOpen] = useState(false);
  useKeyboardShortcuts({ toggleHelp: () => setHelpOpen((open) => !open), closeHelp: () => setHelpOpen(false) });

  return (
    <div className="flex h-full min-h-[720px] min-w-[1024px] flex-col">
      <header className="flex h-12 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4">
        <div className="flex items-baseline gap-3">
          <h1 className="text-base font-semibold tracking-tight text-slate-900">
            <span className="text-orange-600">λ</span> Lambda Playground
          </h1>
          <p className="hidden text-xs text-slate-500 lg:block">
            Run a real handler on a simulated Lambda service and watch cold and warm starts.
          </p>
        </div>
        <div className="ml-auto flex items-center gap-4">
          <RunProgress />
          <ShortcutsHelp open={helpOpen} onOpenChange={setHelpOpen} />
        </div>
      </header>
      <SandboxErrorBanner />
      <main className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)_minmax(340px,28rem)] grid-rows-[minmax(0,1fr)_minmax(0,1.2fr)] gap-3 p-3">
        <div className="flex min-h-0 flex-col gap-3">
          <section aria-label="Function settings" className="shrink-0 rounded-lg border border-slate-200 bg-white shadow-sm">
            <FunctionSettings />
          </section>
          <div className="min-h-0 flex-1">
            <CodeEditor />
          </div>
        </div>
        <div className="flex min-h-0 flex-col gap-3">
          <TestEventPanel />
          <InvokeControls />
        </div>
        <div className="min-h-0 min-w-0">
          <TimelineArea />
        </div>
        <div className="min-h-0">
          <Inspector />
        </div>
      </main>
    </div>
  );
}
