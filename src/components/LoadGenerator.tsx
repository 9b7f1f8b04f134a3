import { useId } from 'react';
import { useAppStore } from '../store';
import {
  PATTERN_FIELDS,
  checkLoadField,
  loadEntryOf,
  loadTargetName,
  selectLoadError,
  selectLoadForm,
  type LoadField,
  type LoadPattern,
} from '../store/load-slice';
import { selectFunctions, selectInvokeBlocker } from '../store/workspace-slice';
import { inputClass } from './SettingsTextField';

const PATTERNS: readonly { id: LoadPattern; label: string }[] = [
  { id: 'at-once', label: 'At once' },
  { id: 'constant', label: 'Constant' },
  { id: 'ramp', label: 'Ramp' },
  { id: 'spike', label: 'Spike' },
];

const FIELD_LABELS: Readonly<Record<LoadField, { label: string; unit: string }>> = {
  count: { label: 'Requests', unit: '' },
  ratePerSecond: { label: 'Rate', unit: 'req/s' },
  durationSeconds: { label: 'Duration', unit: 's' },
  fromRatePerSecond: { label: 'From', unit: 'req/s' },
  toRatePerSecond: { label: 'To', unit: 'req/s' },
  spikeAfterSeconds: { label: 'Spike after', unit: 's' },
  spikeRatePerSecond: { label: 'Spike +', unit: 'req/s' },
  spikeDurationSeconds: { label: 'Spike for', unit: 's' },
};

const formatNumber = (n: number) => n.toLocaleString('en-US');

/**
 * Sends load to a function from the playhead: requests at once, a constant rate, a linear
 * ramp, or a spike on top of a base rate; directly or through API Gateway.
 */
export function LoadGenerator() {
  const form = useAppStore(selectLoadForm);
  const loadError = useAppStore(selectLoadError);
  const functions = useAppStore(selectFunctions);
  const blocker = useAppStore(selectInvokeBlocker);
  const target = useAppStore(loadTargetName);
  const setPattern = useAppStore((state) => state.setLoadPattern);
  const setFunction = useAppStore((state) => state.setLoadFunction);
  const setInvoker = useAppStore((state) => state.setLoadInvoker);
  const startLoad = useAppStore((state) => state.startLoad);
  const functionId = useId();
  const invokerId = useId();

  const preview = loadEntryOf(form, target, {}, 0);
  const targetId = functions.find((draft) => draft.validSettings.name === target)?.id;

  return (
    <div className="flex h-full min-h-0 flex-col gap-2.5 overflow-y-auto p-3" data-testid="load-generator">
      <div role="radiogroup" aria-label="Load pattern" className="grid grid-cols-4 gap-1 rounded-md bg-slate-100 p-0.5">
        {PATTERNS.map((pattern) => (
          <button
            key={pattern.id}
            type="button"
            role="radio"
            aria-checked={form.pattern === pattern.id}
            className={`h-7 rounded text-xs font-semibold ${
              form.pattern === pattern.id ? 'bg-white text-slate-900 shadow-xs' : 'text-slate-600 hover:text-slate-900'
            }`}
            onClick={() => setPattern(pattern.id)}
          >
            {pattern.label}
          </button>
        ))}
      </div>

      <div className="grid grid-cols-2 gap-2">
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={functionId} className="text-xs font-medium text-slate-600">
            Function
          </label>
          <select
            id={functionId}
            className={`${inputClass} border-slate-300`}
            value={targetId}
            onChange={(event) => setFunction(event.target.value)}
          >
            {functions.map((draft) => (
              <option key={draft.id} value={draft.id}>
                {draft.validSettings.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={invokerId} className="text-xs font-medium text-slate-600">
            Invoked
          </label>
          <select
            id={invokerId}
            className={`${inputClass} border-slate-300`}
            value={form.invoker}
            title="A throttled request returns 429 from the Invoke API; through API Gateway the client sees 500."
            onChange={(event) => setInvoker(event.target.value === 'api-gateway' ? 'api-gateway' : 'direct')}
          >
            <option value="direct">directly (Invoke API)</option>
            <option value="api-gateway">through API Gateway</option>
          </select>
        </div>
      </div>
      <div className="grid grid-cols-3 gap-2">
        {PATTERN_FIELDS[form.pattern].map((field) => (
          <LoadFieldInput key={field} field={field} />
        ))}
      </div>

      <div className="mt-auto flex items-center gap-3">
        <button
          type="button"
          className="h-9 shrink-0 rounded-md bg-slate-800 px-3 text-sm font-semibold text-white shadow-xs hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-50"
          disabled={blocker !== undefined || !preview.ok}
          onClick={startLoad}
        >
          Start load
        </button>
        <p className="text-xs leading-snug text-slate-600" role="status">
          {preview.ok ? describeLoad(preview.requests, form.pattern, form.fieldText.durationSeconds, target) : ''}
        </p>
      </div>
      {(!preview.ok || loadError || blocker) && (
        <p role="alert" className="-mt-1 text-xs leading-snug text-red-700">
          {blocker ?? (preview.ok ? loadError : preview.message)}
        </p>
      )}
    </div>
  );
}

function describeLoad(requests: number, pattern: LoadPattern, durationText: string, target: string): string {
  const count = `${formatNumber(requests)} ${requests === 1 ? 'request' : 'requests'}`;
  if (pattern === 'at-once') return `Sends ${count} to ${target} at the playhead, all at the same moment.`;
  return `Sends ${count} to ${target} over ${durationText.trim()} s from the playhead.`;
}

function LoadFieldInput({ field }: { readonly field: LoadField }) {
  const text = useAppStore((state) => state.loadForm.fieldText[field]);
  const pattern = useAppStore((state) => state.loadForm.pattern);
  const setLoadField = useAppStore((state) => state.setLoadField);
  const inputId = useId();
  const invalid = !checkLoadField(field, text, pattern).ok;
  const { label, unit } = FIELD_LABELS[field];

  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={inputId} className="truncate text-xs font-medium text-slate-600">
        {label}
        {unit && <span className="font-normal text-slate-400"> ({unit})</span>}
      </label>
      <input
        id={inputId}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        className={`${inputClass} tabular-nums ${invalid ? 'border-red-400 bg-red-50' : 'border-slate-300'}`}
        value={text}
        aria-invalid={invalid ? true : undefined}
        onChange={(event) => setLoadField(field, event.target.value)}
      />
    </div>
  );
}
