import { useState } from 'react';
import { useAppStore, type AppState } from '../store';
import { targetMailboxes, targetNoun, type TargetMailbox, type TargetMessage } from '../store/async-view';
import { selectTrace } from '../store/run-view';
import { formatPlayhead } from '../timeline/format';

const knownTargetsCache = new WeakMap<object, { kind: 'sqs' | 'sns'; name: string }[]>();

/** The run's queues and topics, shown even before they receive anything. */
function selectKnownTargets(state: AppState) {
  const scenario = state.runScenario ?? state.scenario;
  let known = knownTargetsCache.get(scenario);
  if (!known) {
    known = [
      ...scenario.queues.map((queue) => ({ kind: 'sqs' as const, name: queue.name })),
      ...scenario.topics.map((topic) => ({ kind: 'sns' as const, name: topic.name })),
    ];
    knownTargetsCache.set(scenario, known);
  }
  return known;
}

/**
 * Every dead-letter queue and destination of the run with its message count; a click shows its
 * messages as AWS writes them: a DLQ message is the original event with the RequestID,
 * ErrorCode and ErrorMessage attributes, a destination gets the invocation record.
 */
export function MessagesPanel() {
  const trace = useAppStore(selectTrace);
  const known = useAppStore(selectKnownTargets);
  const select = useAppStore((state) => state.select);
  const mailboxes = targetMailboxes(trace, known);
  const [openKey, setOpenKey] = useState<string | undefined>(undefined);
  const open = mailboxes.find((box) => box.key === openKey) ?? mailboxes.find((box) => box.messages.length > 0) ?? mailboxes[0];

  if (mailboxes.length === 0) {
    return (
      <p className="p-3 text-sm text-slate-500">
        No queue, topic or destination yet. Add a queue under Resources and choose it as a function's dead-letter queue or destination.
      </p>
    );
  }

  return (
    <div className="flex h-full min-h-0" data-testid="messages-panel">
      <ul className="w-32 shrink-0 overflow-y-auto border-r border-slate-200 text-xs" aria-label="Queues, topics and destinations">
        {mailboxes.map((box) => (
          <li key={box.key}>
            <button
              type="button"
              data-testid="mailbox"
              data-name={box.name}
              aria-pressed={box.key === open?.key}
              className={`flex w-full items-center gap-1 px-2 py-1.5 text-left ${box.key === open?.key ? 'bg-sky-50' : 'hover:bg-slate-50'}`}
              onClick={() => setOpenKey(box.key)}
            >
              <span className="min-w-0 flex-1">
                <span className="block truncate font-mono text-slate-800">{box.name}</span>
                <span className="text-[10px] text-slate-500">{kindLabel(box)}</span>
              </span>
              <span className="rounded bg-slate-100 px-1.5 py-0.5 font-medium tabular-nums text-slate-700" data-testid="mailbox-count">
                {box.messages.length}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="min-w-0 flex-1 overflow-y-auto p-3">
        {open && open.messages.length === 0 && <p className="text-sm text-slate-500">No messages in {open.name} yet.</p>}
        {open?.messages.map((message, index) => (
          <MessageView key={index} message={message} onSelectRequest={() => select({ requestId: message.requestId })} />
        ))}
      </div>
    </div>
  );
}

const kindLabel = (box: TargetMailbox) => (box.kind === 'sqs' ? 'SQS queue' : box.kind === 'sns' ? 'SNS topic' : targetNoun(box.kind));

function MessageView({ message, onSelectRequest }: { message: TargetMessage; onSelectRequest: () => void }) {
  return (
    <article className="mb-3 rounded-md border border-slate-200 text-xs" data-testid="target-message">
      <header className="flex items-center gap-2 border-b border-slate-100 bg-slate-50 px-2 py-1">
        <span className={`rounded px-1.5 py-0.5 font-medium ${message.role === 'dead-letter' ? 'bg-red-100 text-red-800' : 'bg-violet-100 text-violet-800'}`}>
          {message.role === 'dead-letter' ? 'dead-letter message' : `record: ${message.condition}`}
        </span>
        <span className="font-mono text-[11px] text-slate-500">{formatPlayhead(message.time)}</span>
        <button type="button" className="ml-auto truncate font-mono text-[11px] text-sky-700 hover:underline" title="Show this event in the inspector" onClick={onSelectRequest}>
          {message.functionName} · {message.requestId.slice(0, 8)}
        </button>
      </header>
      {message.deadLetter ? (
        <div className="flex flex-col gap-1 p-2">
          <h4 className="text-[10px] font-semibold tracking-wide text-slate-500 uppercase">Message attributes</h4>
          <table className="w-full text-[11px]" data-testid="dlq-attributes">
            <tbody>
              {Object.entries(message.deadLetter.messageAttributes).map(([name, attribute]) => (
                <tr key={name} className="border-t border-slate-100 first:border-0">
                  <td className="w-28 py-0.5 font-mono text-slate-600">{name}</td>
                  <td className="w-14 py-0.5 text-slate-400">{attribute.DataType}</td>
                  <td className="py-0.5 font-mono break-all text-slate-800" data-attribute={name}>
                    {attribute.StringValue}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4 className="text-[10px] font-semibold tracking-wide text-slate-500 uppercase">Body (the original event)</h4>
          <Json text={message.deadLetter.body} />
        </div>
      ) : (
        <div className="p-2">
          <Json value={message.delivered ?? message.record} />
        </div>
      )}
    </article>
  );
}

function Json({ value, text }: { value?: unknown; text?: string }) {
  let shown = text ?? '';
  try {
    shown = JSON.stringify(text !== undefined ? JSON.parse(text) : value, null, 2) ?? 'undefined';
  } catch {
    // Not JSON: show the body as it is.
  }
  return <pre className="max-h-72 overflow-auto rounded bg-slate-50 p-2 font-mono text-[11px] leading-4 text-slate-800">{shown}</pre>;
}
