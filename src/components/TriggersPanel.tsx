import type { ReactNode } from 'react';
import { useAppStore } from '../store';
import { selectResources, selectTriggerFeedback } from '../store/async-slice';
import { inputClass } from './SettingsTextField';

const sendButton = 'h-8 shrink-0 rounded-md bg-orange-600 px-3 text-xs font-semibold text-white shadow-xs hover:bg-orange-500 disabled:opacity-50';

/**
 * Service events that invoke functions asynchronously, sent at the playhead: an S3 object put
 * or delete, an SNS publish and an EventBridge event. The engine builds the event AWS sends.
 */
export function TriggersPanel() {
  const resources = useAppStore(selectResources);
  const s3 = useAppStore((state) => state.s3Form);
  const sns = useAppStore((state) => state.snsForm);
  const eb = useAppStore((state) => state.eventBridgeForm);
  const setS3 = useAppStore((state) => state.setS3Form);
  const setSns = useAppStore((state) => state.setSnsForm);
  const setEb = useAppStore((state) => state.setEventBridgeForm);
  const sendS3 = useAppStore((state) => state.sendS3);
  const publishSns = useAppStore((state) => state.publishSns);
  const putEvent = useAppStore((state) => state.putEvent);

  return (
    <div className="flex h-full min-h-0 flex-col gap-3 overflow-y-auto p-3 text-sm" data-testid="triggers-panel">
      <Group title="S3 object" empty={resources.buckets.length === 0 ? 'Add a bucket under Resources to send S3 events.' : undefined}>
        <div className="flex gap-2">
          <select aria-label="Bucket" className={`${inputClass} border-slate-300`} value={s3.bucket} onChange={(e) => setS3({ bucket: e.target.value })}>
            <option value="">{resources.buckets[0]?.name ?? '(no bucket)'}</option>
            {resources.buckets.slice(1).map((bucket) => (
              <option key={bucket.name}>{bucket.name}</option>
            ))}
          </select>
          <select aria-label="Operation" className={`${inputClass} w-28 border-slate-300`} value={s3.operation} onChange={(e) => setS3({ operation: e.target.value as 'put' | 'delete' })}>
            <option value="put">Put</option>
            <option value="delete">Delete</option>
          </select>
        </div>
        <div className="flex gap-2">
          <input aria-label="Object key" className={`${inputClass} border-slate-300 font-mono`} value={s3.key} onChange={(e) => setS3({ key: e.target.value })} />
          <input
            aria-label="Size in bytes"
            title="Object size in bytes"
            className={`${inputClass} w-24 border-slate-300 tabular-nums`}
            value={s3.sizeText}
            disabled={s3.operation === 'delete'}
            onChange={(e) => setS3({ sizeText: e.target.value })}
          />
          <button type="button" className={sendButton} disabled={resources.buckets.length === 0} onClick={sendS3}>
            {s3.operation === 'put' ? 'Put object' : 'Delete object'}
          </button>
        </div>
      </Group>
      <Group title="SNS publish" empty={resources.topics.length === 0 ? 'Add a topic under Resources to publish.' : undefined}>
        <div className="flex gap-2">
          <select aria-label="Topic" className={`${inputClass} border-slate-300`} value={sns.topic} onChange={(e) => setSns({ topic: e.target.value })}>
            <option value="">{resources.topics[0]?.name ?? '(no topic)'}</option>
            {resources.topics.slice(1).map((topic) => (
              <option key={topic.name}>{topic.name}</option>
            ))}
          </select>
          <input aria-label="Subject" placeholder="Subject (optional)" className={`${inputClass} border-slate-300`} value={sns.subject} onChange={(e) => setSns({ subject: e.target.value })} />
        </div>
        <div className="flex gap-2">
          <input aria-label="Message" className={`${inputClass} border-slate-300 font-mono`} value={sns.message} onChange={(e) => setSns({ message: e.target.value })} />
          <button type="button" className={sendButton} disabled={resources.topics.length === 0} onClick={publishSns}>
            Publish
          </button>
        </div>
      </Group>
      <Group title="EventBridge event (default bus)" empty={resources.rules.length === 0 ? 'No rule yet: add one under Resources, or the event matches nothing.' : undefined}>
        <div className="flex gap-2">
          <input aria-label="Event source" className={`${inputClass} border-slate-300 font-mono`} value={eb.source} onChange={(e) => setEb({ source: e.target.value })} />
          <input aria-label="Detail type" className={`${inputClass} border-slate-300`} value={eb.detailType} onChange={(e) => setEb({ detailType: e.target.value })} />
        </div>
        <div className="flex items-end gap-2">
          <textarea
            aria-label="Detail JSON"
            rows={3}
            spellCheck={false}
            className="w-full rounded-md border border-slate-300 px-2 py-1 font-mono text-xs"
            value={eb.detailText}
            onChange={(e) => setEb({ detailText: e.target.value })}
          />
          <button type="button" className={sendButton} onClick={putEvent}>
            Put event
          </button>
        </div>
      </Group>
      <TriggerFeedbackLine />
    </div>
  );
}

function Group({ title, empty, children }: { title: string; empty?: string | undefined; children: ReactNode }) {
  return (
    <section aria-label={title} className="flex flex-col gap-1.5">
      <h3 className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {empty && <p className="text-xs text-slate-500">{empty}</p>}
      {children}
    </section>
  );
}

/** The result of the last trigger: "202 Accepted" and what happens next, or why it was not sent. */
export function TriggerFeedbackLine() {
  const feedback = useAppStore(selectTriggerFeedback);
  if (!feedback) return null;
  return (
    <p
      role={feedback.ok ? 'status' : 'alert'}
      data-testid="trigger-feedback"
      className={`text-xs leading-snug ${feedback.ok ? 'text-emerald-700' : 'text-red-700'}`}
    >
      {feedback.message}
    </p>
  );
}
