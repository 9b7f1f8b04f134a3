import { useId } from 'react';
import { useAppStore } from '../store';
import {
  ASYNC_EVENT_AGE_S,
  ASYNC_RETRY_ATTEMPTS,
  asyncErrorsOf,
  formatEventAge,
  type AsyncField,
  type TargetChoice,
  type TargetRole,
} from '../store/async-model';
import { selectAsyncDraft, selectResources } from '../store/async-slice';
import { selectFunctions } from '../store/workspace-slice';
import { SettingsTextField, inputClass } from './SettingsTextField';

const errorId = (field: AsyncField) => `async-error-${field}`;

/**
 * The selected function's asynchronous invocation settings, as the Lambda console's
 * "Asynchronous invocation" page has them: retry attempts, maximum event age, a dead-letter
 * queue, and on-success and on-failure destinations.
 */
export function AsyncSettings() {
  const draft = useAppStore(selectAsyncDraft);
  const functionName = useAppStore((state) => state.functionSpec.name);
  const resources = useAppStore(selectResources);
  const functions = useAppStore(selectFunctions);
  const setAsyncField = useAppStore((state) => state.setAsyncField);
  const setAsyncTarget = useAppStore((state) => state.setAsyncTarget);
  const addResource = useAppStore((state) => state.addResource);
  const addFailingExample = useAppStore((state) => state.addFailingExample);
  const errors = asyncErrorsOf(draft);

  const queues = resources.queues.map((queue): TargetChoice => ({ kind: 'sqs', name: queue.name }));
  const topics = resources.topics.map((topic): TargetChoice => ({ kind: 'sns', name: topic.name }));
  const lambdas = functions
    .map((fn) => fn.validSettings.name)
    .filter((name) => name !== functionName)
    .map((name): TargetChoice => ({ kind: 'lambda', name }));
  const buses: TargetChoice[] = [{ kind: 'eventbridge', name: 'default' }];

  return (
    <div className="flex h-full min-h-0 flex-col gap-3 overflow-y-auto p-3 text-sm" data-testid="async-settings">
      <p className="text-xs leading-snug text-slate-500">
        Asynchronous invocation of <span className="font-mono text-slate-700">{functionName}</span>. Function errors and timeouts use the
        retries; throttles do not.
      </p>
      <div className="grid grid-cols-2 gap-2">
        <SettingsTextField
          label="Retry attempts"
          text={draft.fieldText.maximumRetryAttempts}
          invalid={errors.maximumRetryAttempts !== undefined}
          errorId={errorId('maximumRetryAttempts')}
          hint={`${ASYNC_RETRY_ATTEMPTS.min} to ${ASYNC_RETRY_ATTEMPTS.max}, default ${ASYNC_RETRY_ATTEMPTS.default}`}
          numeric
          onChange={(text) => setAsyncField('maximumRetryAttempts', text)}
        />
        <SettingsTextField
          label="Maximum event age"
          text={draft.fieldText.maximumEventAgeSeconds}
          invalid={errors.maximumEventAgeSeconds !== undefined}
          errorId={errorId('maximumEventAgeSeconds')}
          hint={`1 min to 6 h, as seconds or e.g. "1 h 30 min"; default ${formatEventAge(ASYNC_EVENT_AGE_S.default)}`}
          onChange={(text) => setAsyncField('maximumEventAgeSeconds', text)}
        />
      </div>
      {(['maximumRetryAttempts', 'maximumEventAgeSeconds'] as const).map((field) =>
        errors[field] ? (
          <p key={field} id={errorId(field)} role="alert" className="-mt-2 text-xs leading-snug text-red-700">
            {errors[field]}{' '}
            <span className="text-slate-500">
              Until it is fixed, the function keeps{' '}
              {field === 'maximumRetryAttempts'
                ? `${draft.validSettings.maximumRetryAttempts} retry attempts`
                : `a maximum event age of ${formatEventAge(draft.validSettings.maximumEventAgeSeconds)}`}
              .
            </span>
          </p>
        ) : null,
      )}
      <p className="-mt-2 text-xs text-slate-500" data-testid="event-age-readout">
        Events older than {formatEventAge(draft.validSettings.maximumEventAgeSeconds)} ({draft.validSettings.maximumEventAgeSeconds.toLocaleString('en-US')} s)
        are discarded or sent to the failure target.
      </p>
      <div className="grid grid-cols-3 gap-2">
      <TargetSelect
        label="Dead-letter queue"
        role="deadLetterQueue"
        value={draft.deadLetterQueue}
        groups={[
          ['SQS queues', queues],
          ['SNS topics', topics],
        ]}
        onChange={setAsyncTarget}
      />
      <TargetSelect
        label="On success"
        role="onSuccess"
        value={draft.onSuccess}
        groups={[
          ['SQS queues', queues],
          ['SNS topics', topics],
          ['Lambda functions', lambdas],
          ['EventBridge buses', buses],
        ]}
        onChange={setAsyncTarget}
      />
      <TargetSelect
        label="On failure"
        role="onFailure"
        value={draft.onFailure}
        groups={[
          ['SQS queues', queues],
          ['SNS topics', topics],
          ['Lambda functions', lambdas],
          ['EventBridge buses', buses],
        ]}
        onChange={setAsyncTarget}
      />
      </div>
      <div className="mt-auto flex flex-wrap gap-2 border-t border-slate-100 pt-2">
        {!resources.queues.some((queue) => queue.name === 'dlq') && (
          <button
            type="button"
            className="h-8 rounded-md border border-slate-300 px-2.5 text-xs font-semibold text-slate-700 hover:bg-slate-50"
            onClick={() => {
              if (addResource('queue', 'dlq') === undefined) setAsyncTarget('deadLetterQueue', { kind: 'sqs', name: 'dlq' });
            }}
          >
            Add queue “dlq” as DLQ
          </button>
        )}
        <button
          type="button"
          className="h-8 rounded-md border border-slate-300 px-2.5 text-xs font-semibold text-slate-700 hover:bg-slate-50"
          title="Adds a function that always throws, with the queue dlq as its dead-letter queue"
          onClick={addFailingExample}
        >
          Add failing handler example
        </button>
      </div>
    </div>
  );
}

interface TargetSelectProps {
  readonly label: string;
  readonly role: TargetRole;
  readonly value: TargetChoice | undefined;
  readonly groups: readonly (readonly [string, readonly TargetChoice[]])[];
  readonly onChange: (role: TargetRole, target: TargetChoice | undefined) => void;
}

const keyOf = (target: TargetChoice) => `${target.kind}:${target.name}`;

function TargetSelect({ label, role, value, groups, onChange }: TargetSelectProps) {
  const id = useId();
  const all = groups.flatMap(([, targets]) => targets);
  const missing = value !== undefined && !all.some((target) => keyOf(target) === keyOf(value));
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="truncate text-xs font-medium text-slate-600">
        {label}
      </label>
      <select
        id={id}
        className={`${inputClass} ${missing ? 'border-amber-400 bg-amber-50' : 'border-slate-300'}`}
        value={value ? keyOf(value) : ''}
        onChange={(event) => onChange(role, all.find((target) => keyOf(target) === event.target.value))}
      >
        <option value="">None</option>
        {groups.map(([title, targets]) =>
          targets.length > 0 ? (
            <optgroup key={title} label={title}>
              {targets.map((target) => (
                <option key={keyOf(target)} value={keyOf(target)}>
                  {target.name}
                </option>
              ))}
            </optgroup>
          ) : null,
        )}
        {missing && <option value={keyOf(value)}>{value.name} (missing)</option>}
      </select>
      {missing && (
        <p className="text-xs text-amber-700">
          “{value.name}” no longer exists, so the run has no {label.toLowerCase()}. Add it under Resources or choose another.
        </p>
      )}
    </div>
  );
}
