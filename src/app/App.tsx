import { useCallback, useRef, useState } from 'react';
import { AccountSettings } from '../components/AccountSettings';
import { AsyncSettings } from '../components/AsyncSettings';
import { CodeEditor } from '../components/CodeEditor';
import { FunctionSettings } from '../components/FunctionSettings';
import { FunctionTabs } from '../components/FunctionTabs';
import { InvokeControls } from '../components/InvokeControls';
import { LoadGenerator } from '../components/LoadGenerator';
import { ResourcesPanel } from '../components/ResourcesPanel';
import { RunProgress } from '../components/RunProgress';
import { SandboxErrorBanner } from '../components/SandboxErrorBanner';
import { LinkNotice } from '../components/LinkNotice';
import { ShareButton } from '../components/ShareButton';
import { ShortcutsHelp } from '../components/ShortcutsHelp';
import { TabbedPanel } from '../components/TabbedPanel';
import { TestEventPanel } from '../components/TestEventPanel';
import { TriggersPanel } from '../components/TriggersPanel';
import { parseFiniteNumber, useStoredState } from '../components/use-stored-state';
import { useAppStore } from '../store';
import { selectAccountErrors } from '../store/workspace-slice';
import { clampEditorHeight, EditorResizeHandle } from './EditorResizeHandle';
import { ResultsArea } from './ResultsArea';
import { TimelineArea } from './TimelineArea';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

type TrafficTab = 'event' | 'triggers' | 'async' | 'resources' | 'load' | 'account';

/**
 * The editor row's default height: 37% of the window, and at least the 21rem in which the
 * editor shows ten lines of code. At 1440×900 the timeline, its legend and the concurrency
 * chart fit below it; at 1280×800 the timeline shows nine lanes and the page scrolls to the chart.
 */
const DEFAULT_EDITOR_ROW = 'clamp(21rem, 37vh, 34rem)';
const EDITOR_HEIGHT_STORAGE_KEY = 'lambda-playground:editor-height';
const parseEditorHeight = (value: unknown) => (value === null ? null : parseFiniteNumber(value));

/**
 * The page. The functions (tabs, settings, code) sit on the left, and the test event, the load
 * generator and the account settings on the right. Below them, the timeline with its
 * concurrency chart sits beside the inspector and the metrics. A handle between the two rows resizes them.
 * The timeline row fills the rest of the window but never shrinks below what its lanes need:
 * on a short window the page scrolls instead.
 */
export function App() {
  const [helpOpen, setHelpOpenState] = useState(false);
  const [shareOpen, setShareOpenState] = useState(false);
  // The two popovers open below neighbouring buttons, so opening one closes the other.
  const setHelpOpen = useCallback((open: boolean) => {
    setHelpOpenState(open);
    if (open) setShareOpenState(false);
  }, []);
  const setShareOpen = useCallback((open: boolean) => {
    setShareOpenState(open);
    if (open) setHelpOpenState(false);
  }, []);
  const [trafficTab, setTrafficTab] = useState<TrafficTab>('event');
  const accountInvalid = Object.keys(useAppStore(selectAccountErrors)).length > 0;
  const [storedEditorPx, setStoredEditorPx] = useStoredState<number | null>(EDITOR_HEIGHT_STORAGE_KEY, null, parseEditorHeight);
  const editorPx = storedEditorPx === null ? undefined : clampEditorHeight(storedEditorPx);
  const editorCell = useRef<HTMLDivElement>(null);
  useKeyboardShortcuts({
    toggleHelp: useCallback(() => setHelpOpen(!helpOpen), [helpOpen, setHelpOpen]),
    toggleShare: useCallback(() => setShareOpen(!shareOpen), [shareOpen, setShareOpen]),
    closePopovers: useCallback(() => {
      setHelpOpenState(false);
      setShareOpenState(false);
    }, []),
  });

  return (
    <div className="flex min-h-full min-w-[1024px] flex-col">
      <header className="flex h-12 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4">
        <div className="flex items-baseline gap-3">
          <h1 className="text-base font-semibold tracking-tight text-slate-900">
            <span className="text-orange-600">λ</span> Lambda Playground
          </h1>
          <p className="hidden text-xs text-slate-500 xl:block">
            Run a real handler on a simulated Lambda service and watch it scale, start cold and warm, and throttle.
          </p>
        </div>
        <div className="ml-auto flex items-center gap-4">
          <RunProgress />
          <ShareButton open={shareOpen} onOpenChange={setShareOpen} />
          <ShortcutsHelp open={helpOpen} onOpenChange={setHelpOpen} />
        </div>
      </header>
      <LinkNotice />
      <SandboxErrorBanner />
      <main
        className="grid flex-1 grid-cols-[minmax(0,1fr)_minmax(340px,28rem)] gap-x-3 p-3"
        style={{ gridTemplateRows: `${editorPx === undefined ? DEFAULT_EDITOR_ROW : `${editorPx}px`} 0.75rem 1fr` }}
      >
        <div ref={editorCell} className="flex min-h-0 flex-col">
          <FunctionTabs />
          <section aria-label="Function settings" className="shrink-0 rounded-t-lg rounded-tl-none border border-slate-200 bg-white">
            <FunctionSettings />
          </section>
          <div className="-mt-px min-h-0 flex-1 [&>section]:rounded-t-none">
            <CodeEditor />
          </div>
        </div>
        <div className="flex min-h-0 flex-col">
          <TabbedPanel<TrafficTab>
            label="Traffic"
            compact
            className="min-h-0 flex-1"
            active={trafficTab}
            onSelect={setTrafficTab}
            tabs={[
              {
                id: 'event',
                label: 'Event',
                content: (
                  <div className="flex h-full min-h-0 flex-col">
                    <div className="min-h-0 flex-1">
                      <TestEventPanel />
                    </div>
                    <InvokeControls />
                  </div>
                ),
              },
              { id: 'triggers', label: 'Triggers', content: <TriggersPanel /> },
              { id: 'async', label: 'Async', content: <AsyncSettings /> },
              { id: 'resources', label: 'Resources', content: <ResourcesPanel /> },
              { id: 'load', label: 'Load', content: <LoadGenerator /> },
              { id: 'account', label: 'Account', content: <AccountSettings />, alert: accountInvalid },
            ]}
          />
        </div>
        <EditorResizeHandle
          heightPx={editorPx}
          measure={() => editorCell.current?.getBoundingClientRect().height ?? 0}
          onResize={(heightPx) => setStoredEditorPx(heightPx ?? null)}
        />
        {/* Its content sets the row's minimum height: the lanes' minimum, the legend and the chart. */}
        <div className="min-w-0">
          <TimelineArea />
        </div>
        {/* Size containment keeps a long invocation list from making the row taller. */}
        <div className="min-h-0 [contain:size]">
          <ResultsArea />
        </div>
      </main>
    </div>
  );
}
