import { useId } from 'react';
import { useAppStore } from '../store';
import {
  MEMORY_MB,
  RUNTIMES,
  RUNTIME_IDS,
  SETTINGS_FIELDS,
  TIMEOUT_S,
  type Architecture,
  type RuntimeId,
  type SettingsField,
  type ValidSettings,
} from '../store/workspace-slice';
import { SettingsTextField, inputClass } from './SettingsTextField';

const formatNumber = (n: number) => n.toLocaleString('en-US');

/**
 * The selected function's configuration: name, runtime, architecture, memory, timeout, and
 * its reserved and provisioned concurrency.
 */
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
    <div className="@container px-3 py-2">
      {/* One row when the panel is 48rem wide or more. Narrower, two rows: the name and the selects, then the numbers. */}
      <div className="grid grid-cols-4 gap-2 @3xl:grid-cols-[minmax(0,1.3fr)_minmax(7.5rem,1fr)_minmax(5.5rem,0.85fr)_minmax(0,0.8fr)_minmax(0,0.7fr)_minmax(0,0.8fr)_minmax(0,0.85fr)]">
        <div className="col-span-2 min-w-0 @3xl:col-span-1">
          <FunctionField field="name" label="Function name" />
        </div>
        <div className="flex min-w-0 flex-col gap-1">
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
        <div className="flex min-w-0 flex-col gap-1">
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
        <FunctionField
          field="memoryMb"
          label="Memory (MB)"
          hint={`${formatNumber(MEMORY_MB.min)} to ${formatNumber(MEMORY_MB.max)} MB`}
          numeric
        />
        <FunctionField field="timeoutSeconds" label="Timeout (s)" hint={`${TIMEOUT_S.min} to ${TIMEOUT_S.max} s`} numeric />
        <FunctionField
          field="reservedConcurrency"
          label="Reserved"
          hint="Reserved concurrency: both a share of the account limit kept for this function and its maximum. Empty: none; 0 throttles every request."
          placeholder="none"
          numeric
        />
        <FunctionField
          field="provisionedConcurrency"
          label="Provisioned"
          hint="Provisioned concurrency: environments initialized before traffic, which serve requests without cold starts."
          numeric
        />
      </div>
      {SETTINGS_FIELDS.map((field) =>
        fieldErrors[field] ? (
          <p key={field} id={errorId(field)} role="alert" className="mt-1.5 text-xs leading-snug text-red-700">
            {fieldErrors[field]}{' '}
            <span className="text-slate-500">Until it is fixed, the function keeps {describeValue(field, validSettings)}.</span>
          </p>
        ) : null,
      )}
    </div>
  );
}

const errorId = (field: SettingsField) => `settings-error-${field}`;

function describeValue(field: SettingsField, settings: ValidSettings): string {
  switch (field) {
    case 'memoryMb':
      return `${formatNumber(settings.memoryMb)} MB`;
    case 'timeoutSeconds':
      return `${settings.timeoutSeconds} s`;
    case 'reservedConcurrency':
      return settings.reservedConcurrency === undefined
        ? 'no reserved concurrency'
        : `reserved concurrency ${formatNumber(settings.reservedConcurrency)}`;
    case 'provisionedConcurrency':
      return `provisioned concurrency ${formatNumber(settings.provisionedConcurrency)}`;
    case 'name':
      return `the name "${settings.name}"`;
  }
}

interface FunctionFieldProps {
  readonly field: SettingsField;
  readonly label: string;
  readonly hint?: string;
  readonly placeholder?: string;
  readonly numeric?: boolean;
}

/** A function setting typed as text; the store keeps any text and says why it is invalid. */
function FunctionField({ field, ...props }: FunctionFieldProps) {
  const text = useAppStore((state) => state.fieldText[field]);
  const error = useAppStore((state) => state.fieldErrors[field]);
  const setSettingsField = useAppStore((state) => state.setSettingsField);
  return (
    <SettingsTextField
      {...props}
      text={text}
      invalid={error !== undefined}
      errorId={errorId(field)}
      onChange={(value) => setSettingsField(field, value)}
    />
  );
}
