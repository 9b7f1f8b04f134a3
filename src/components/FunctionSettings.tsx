import { useId } from 'react';
import { useAppStore } from '../store';
import {
  MEMORY_MB,
  RUNTIMES,
  RUNTIME_IDS,
  TIMEOUT_S,
  type Architecture,
  type RuntimeId,
  type SettingsField,
} from '../store/workspace-slice';

const inputClass =
  'h-8 w-full rounded-md border bg-white px-2 text-sm text-slate-900 shadow-xs outline-none focus:ring-2 focus:ring-sky-500/40';

const formatNumber = (n: number) => n.toLocaleString('en-US');

/** The function's configuration: name, runtime, architecture, memory and timeout. */
export function FunctionSettings() {
  const runtime = useAppStore((state) => state.runtime);
  const architecture = useAppStore((state) => state.architecture);
  const setRuntime = useAppStore((state) => state.setRuntime);
  const setArchitecture = useAppStore((state) => state.setArchitecture);
  const fieldErrors = useAppStore((state) => state.fieldErrors);
  const validSettings = useAppStore((state) => state.validSettings);
  const runtimeId = useId();
  const architectureId = useId();

  return (
    <div className="px-3 py-2">
    <div className="grid grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,0.9fr)_minmax(0,0.8fr)_minmax(0,0.7fr)] gap-3">
      <TextField field="name" label="Function name" />
      <div className="flex flex-col gap-1">
        <label htmlFor={runtimeId} className="text-xs font-medium text-slate-600">
          Runtime
        </label>
        <select
          id={runtimeId}
          className={`${inputClass} border-slate-300`}
          value={runtime}
          onChange={(event) => setRuntime(event.target.value as RuntimeId)}
        >
          {RUNTIME_IDS.map((id) => (
            <option key={id} value={id} title={RUNTIMES[id].label}>
              {id}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={architectureId} className="text-xs font-medium text-slate-600">
          Architecture
        </label>
        <select
          id={architectureId}
          className={`${inputClass} border-slate-300`}
          value={architecture}
          onChange={(event) => setArchitecture(event.target.value as Architecture)}
        >
          <option value="x86_64">x86_64</option>
          <option value="arm64">arm64</option>
        </select>
      </div>
      <TextField
        field="memoryMb"
        label="Memory (MB)"
        hint={`${formatNumber(MEMORY_MB.min)} to ${formatNumber(MEMORY_MB.max)} MB`}
        numeric
      />
      <TextField field="timeoutSeconds" label="Timeout (s)" hint={`${TIMEOUT_S.min} to ${TIMEOUT_S.max} s`} numeric />
    </div>
      {SETTINGS_FIELDS.map((field) =>
        fieldErrors[field] ? (
          <p key={field} id={errorId(field)} role="alert" className="mt-1.5 text-xs leading-snug text-red-700">
            {fieldErrors[field]}{' '}
            <span className="text-slate-500">Until it is fixed, the function keeps {describeValue(field, validSettings[field])}.</span>
          </p>
        ) : null,
      )}
    </div>
  );
}

const SETTINGS_FIELDS: readonly SettingsField[] = ['name', 'memoryMb', 'timeoutSeconds'];

const errorId = (field: SettingsField) => `settings-error-${field}`;

function describeValue(field: SettingsField, value: string | number): string {
  if (field === 'memoryMb') return `${formatNumber(Number(value))} MB`;
  if (field === 'timeoutSeconds') return `${value} s`;
  return `the name "${value}"`;
}

interface TextFieldProps {
  readonly field: SettingsField;
  readonly label: string;
  readonly hint?: string;
  readonly numeric?: boolean;
}

/** A settings input that keeps any text typed and shows why it is invalid. */
function TextField({ field, label, hint, numeric = false }: TextFieldProps) {
  const text = useAppStore((state) => state.fieldText[field]);
  const error = useAppStore((state) => state.fieldErrors[field]);
  const setSettingsField = useAppStore((state) => state.setSettingsField);
  const inputId = useId();

  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={inputId} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <input
        id={inputId}
        type="text"
        inputMode={numeric ? 'numeric' : 'text'}
        spellCheck={false}
        autoComplete="off"
        className={`${inputClass} ${error ? 'border-red-400 bg-red-50' : 'border-slate-300'} ${numeric ? 'tabular-nums' : ''}`}
        value={text}
        title={hint}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId(field) : undefined}
        onChange={(event) => setSettingsField(field, event.target.value)}
      />
    </div>
  );
}
