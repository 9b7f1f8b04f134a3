import { useState, type ReactNode } from 'react';
import { useAppStore } from '../store';
import { selectResources } from '../store/async-slice';
import { OBJECT_CREATED, OBJECT_REMOVED, ruleProblem, toggled, type ResourceKind, type RuleDraft } from '../store/resources-model';
import { selectFunctions } from '../store/workspace-slice';
import { inputClass } from './SettingsTextField';

const smallButton = 'h-7 shrink-0 whitespace-nowrap rounded-md border border-slate-300 px-2 text-xs font-semibold text-slate-700 hover:bg-slate-50';

/**
 * The scenario's resources: SQS queues (for dead-letter messages and records), SNS topics and
 * their subscribed functions, S3 buckets and their notifications, and EventBridge rules.
 */
export function ResourcesPanel() {
  const resources = useAppStore(selectResources);
  const functionNames = useAppStore(selectFunctions).map((fn) => fn.validSettings.name);
  const remove = useAppStore((state) => state.removeResource);
  const update = useAppStore((state) => state.updateResource);

  return (
    <div className="flex h-full min-h-0 flex-col gap-3 overflow-y-auto p-3 text-sm" data-testid="resources-panel">
      <Section kind="queue" title="SQS queues" placeholder="dlq" hint="Collect dead-letter messages and invocation records.">
        {resources.queues.map((queue) => (
          <Item key={queue.name} name={queue.name} onRemove={() => remove('queue', queue.name)} />
        ))}
      </Section>
      <Section kind="topic" title="SNS topics" placeholder="orders" hint="Each message invokes every subscribed function asynchronously.">
        {resources.topics.map((topic) => (
          <Item key={topic.name} name={topic.name} onRemove={() => remove('topic', topic.name)}>
            <FunctionChecks
              label="Subscribed"
              names={functionNames}
              checked={topic.subscriptions}
              onToggle={(name) => update('topic', topic.name, (t) => ({ ...t, subscriptions: toggled(t.subscriptions, name) }))}
            />
          </Item>
        ))}
      </Section>
      <Section kind="bucket" title="S3 buckets" placeholder="uploads" hint="Notify functions when an object is created or removed.">
        {resources.buckets.map((bucket) => (
          <Item key={bucket.name} name={bucket.name} onRemove={() => remove('bucket', bucket.name)}>
            {functionNames.map((fn) => {
              const notification = bucket.notifications.find((n) => n.function === fn);
              const events = notification?.events ?? [];
              const toggle = (event: typeof OBJECT_CREATED) =>
                update('bucket', bucket.name, (b) => {
                  const others = b.notifications.filter((n) => n.function !== fn);
                  const next = toggled(events, event);
                  return { ...b, notifications: next.length > 0 ? [...others, { function: fn, events: next }] : others };
                });
              return (
                <div key={fn} className="flex items-center gap-3 text-xs text-slate-700">
                  <span className="w-32 truncate font-mono" title={fn}>
                    {fn}
                  </span>
                  <Check label="ObjectCreated" checked={events.includes(OBJECT_CREATED)} onChange={() => toggle(OBJECT_CREATED)} />
                  <Check label="ObjectRemoved" checked={events.includes(OBJECT_REMOVED)} onChange={() => toggle(OBJECT_REMOVED)} />
                </div>
              );
            })}
          </Item>
        ))}
      </Section>
      <Section kind="rule" title="EventBridge rules" placeholder="order-placed" hint="Match events on the default bus, or fire on a schedule.">
        {resources.rules.map((rule) => (
          <Item key={rule.name} name={rule.name} onRemove={() => remove('rule', rule.name)}>
            <RuleEditor rule={rule} functionNames={functionNames} />
          </Item>
        ))}
      </Section>
    </div>
  );
}

function Section({ kind, title, placeholder, hint, children }: { kind: ResourceKind; title: string; placeholder: string; hint: string; children: ReactNode }) {
  const add = useAppStore((state) => state.addResource);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const submit = () => {
    const result = add(kind, name || placeholder);
    setProblem(result);
    if (result === undefined) setName('');
  };
  return (
    <section aria-label={title} className="flex flex-col gap-1.5">
      <div className="flex items-center gap-2">
        <h3 className="text-[11px] font-semibold tracking-wide whitespace-nowrap text-slate-500 uppercase" title={hint}>
          {title}
        </h3>
        <input
          aria-label={`New ${kind} name`}
          className={`${inputClass} ml-auto h-7 w-28 ${problem ? 'border-red-400 bg-red-50' : 'border-slate-300'}`}
          placeholder={placeholder}
          value={name}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') submit();
          }}
        />
        <button type="button" className={smallButton} onClick={submit}>
          Add {kind}
        </button>
      </div>
      {problem && (
        <p role="alert" className="text-xs text-red-700">
          {problem}
        </p>
      )}
      {children}
    </section>
  );
}

function Item({ name, onRemove, children }: { name: string; onRemove: () => void; children?: ReactNode }) {
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50/60 px-2 py-1.5" data-testid="resource-item" data-name={name}>
      <div className="flex items-center gap-2">
        <span className="font-mono text-xs font-semibold text-slate-800">{name}</span>
        <button type="button" className="ml-auto text-xs text-slate-500 hover:text-red-700" onClick={onRemove} aria-label={`Remove ${name}`}>
          Remove
        </button>
      </div>
      {children && <div className="mt-1 flex flex-col gap-1">{children}</div>}
    </div>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: () => void }) {
  return (
    <label className="inline-flex items-center gap-1 text-xs text-slate-700">
      <input type="checkbox" checked={checked} onChange={onChange} />
      {label}
    </label>
  );
}

function FunctionChecks({ label, names, checked, onToggle }: { label: string; names: readonly string[]; checked: readonly string[]; onToggle: (name: string) => void }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
      <span className="text-slate-500">{label}:</span>
      {names.map((name) => (
        <Check key={name} label={name} checked={checked.includes(name)} onChange={() => onToggle(name)} />
      ))}
    </div>
  );
}

function RuleEditor({ rule, functionNames }: { rule: RuleDraft; functionNames: readonly string[] }) {
  const update = useAppStore((state) => state.updateResource);
  const change = (patch: Partial<RuleDraft>) => update('rule', rule.name, (r) => ({ ...r, ...patch }));
  const problem = ruleProblem(rule, new Set(functionNames));
  return (
    <>
      <div className="flex items-center gap-2 text-xs">
        <select
          aria-label="Rule type"
          className={`${inputClass} h-7 w-32 border-slate-300 text-xs`}
          value={rule.mode}
          onChange={(event) => change({ mode: event.target.value as RuleDraft['mode'] })}
        >
          <option value="pattern">Event pattern</option>
          <option value="schedule">Schedule</option>
        </select>
        {rule.mode === 'schedule' ? (
          <input
            aria-label="Schedule expression"
            className={`${inputClass} h-7 font-mono text-xs ${problem && rule.mode === 'schedule' ? 'border-red-400 bg-red-50' : 'border-slate-300'}`}
            value={rule.scheduleText}
            placeholder="rate(5 minutes)"
            onChange={(event) => change({ scheduleText: event.target.value })}
          />
        ) : (
          <>
            <input
              aria-label="Event source"
              title="Accepted sources, comma-separated; empty matches any"
              className={`${inputClass} h-7 border-slate-300 text-xs`}
              value={rule.sourceText}
              placeholder="source: any"
              onChange={(event) => change({ sourceText: event.target.value })}
            />
            <input
              aria-label="Detail type"
              title="Accepted detail-types, comma-separated; empty matches any"
              className={`${inputClass} h-7 border-slate-300 text-xs`}
              value={rule.detailTypeText}
              placeholder="detail-type: any"
              onChange={(event) => change({ detailTypeText: event.target.value })}
            />
          </>
        )}
      </div>
      <FunctionChecks
        label="Targets"
        names={functionNames}
        checked={rule.targets}
        onToggle={(name) => update('rule', rule.name, (r) => ({ ...r, targets: toggled(r.targets, name) }))}
      />
      {problem && (
        <p role="alert" className="text-xs leading-snug text-red-700">
          {problem} <span className="text-slate-500">The rule is left out of the run until it is fixed.</span>
        </p>
      )}
    </>
  );
}
