import { useId } from 'react';
import { useAppStore } from '../store';
import {
  ACCOUNT_FIELDS,
  BURST_OPTIONS,
  IDLE_RECLAIM_OPTIONS,
  selectAccount,
  selectAccountErrors,
  type AccountField,
  type IdleReclaimChoice,
  type ScalingChoice,
} from '../store/workspace-slice';
import { SettingsTextField, inputClass } from './SettingsTextField';

const formatNumber = (n: number) => n.toLocaleString('en-US');

const LABELS: Record<AccountField, { label: string; hint: string }> = {
  concurrencyLimit: {
    label: 'Concurrency limit',
    hint: 'Concurrent executions quota of the account in the Region: 1,000 by default; new accounts may start at 10.',
  },
  unreservedMinimum: {
    label: 'Unreserved minimum',
    hint: 'Concurrency that reserved concurrency must leave to the functions without it: 100 by default.',
  },
};

/** The scaling models as the select offers them; the value encodes the burst of the older model. */
const SCALING_OPTIONS: readonly { value: string; label: string; scaling: ScalingChoice }[] = [
  { value: 'per-function', label: 'Per function: +1,000 per 10 s (since Nov 2023)', scaling: { kind: 'per-function' } },
  ...BURST_OPTIONS.map((burst) => ({
    value: `burst-${burst}`,
    label: `Account burst ${formatNumber(burst)}, then +500/min (before Nov 2023)`,
    scaling: { kind: 'account-burst', burst } as const,
  })),
];

const scalingValue = (scaling: ScalingChoice) => (scaling.kind === 'per-function' ? 'per-function' : `burst-${scaling.burst}`);

/** Edits the account's concurrency limit, the unreserved minimum and the scaling model. */
export function AccountSettings() {
  const account = useAppStore(selectAccount);
  const errors = useAppStore(selectAccountErrors);
  const setAccountField = useAppStore((state) => state.setAccountField);
  const setScaling = useAppStore((state) => state.setScaling);
  const setIdleReclaim = useAppStore((state) => state.setIdleReclaim);
  const setInitBilled = useAppStore((state) => state.setInitBilled);
  const scalingId = useId();
  const idleReclaimId = useId();

  return (
    <div className="flex h-full min-h-0 flex-col gap-3 overflow-y-auto p-3" data-testid="account-settings">
      <div className="grid grid-cols-2 gap-2">
        {ACCOUNT_FIELDS.map((field) => (
          <SettingsTextField
            key={field}
            label={LABELS[field].label}
            hint={LABELS[field].hint}
            text={account.fieldText[field]}
            invalid={errors[field] !== undefined}
            errorId={`account-error-${field}`}
            numeric
            onChange={(text) => setAccountField(field, text)}
          />
        ))}
      </div>
      {ACCOUNT_FIELDS.map((field) =>
        errors[field] ? (
          <p key={field} id={`account-error-${field}`} role="alert" className="-mt-1 text-xs leading-snug text-red-700">
            {errors[field]}{' '}
            <span className="text-slate-500">
              Until it is fixed, the account keeps {formatNumber(account.validSettings[field])}.
            </span>
          </p>
        ) : null,
      )}
      <div className="-mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
        Presets:
        <button
          type="button"
          className="rounded px-1.5 py-0.5 font-medium text-sky-700 hover:bg-sky-50"
          title="New accounts may start with a quota of 10 concurrent executions (and a minimum of 10) until AWS raises it."
          onClick={() => {
            setAccountField('unreservedMinimum', '10');
            setAccountField('concurrencyLimit', '10');
          }}
        >
          new account (10)
        </button>
        <button
          type="button"
          className="rounded px-1.5 py-0.5 font-medium text-sky-700 hover:bg-sky-50"
          title="The default quota: 1,000 concurrent executions, 100 kept unreserved."
          onClick={() => {
            setAccountField('concurrencyLimit', '1000');
            setAccountField('unreservedMinimum', '100');
          }}
        >
          default (1,000)
        </button>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={scalingId} className="text-xs font-medium text-slate-600">
          Scaling rate
        </label>
        <select
          id={scalingId}
          className={`${inputClass} border-slate-300`}
          value={scalingValue(account.validSettings.scaling)}
          onChange={(event) => {
            const option = SCALING_OPTIONS.find((candidate) => candidate.value === event.target.value);
            if (option) setScaling(option.scaling);
          }}
        >
          {SCALING_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={idleReclaimId} className="text-xs font-medium text-slate-600">
          Idle environment lifetime
        </label>
        <select
          id={idleReclaimId}
          className={`${inputClass} border-slate-300`}
          title="AWS does not document when it reclaims an idle environment; each choice is a published measurement."
          value={account.validSettings.idleReclaim ?? 'measured-2021'}
          onChange={(event) => setIdleReclaim(event.target.value as IdleReclaimChoice)}
        >
          {IDLE_RECLAIM_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <label className="flex items-center gap-2 text-xs text-slate-600">
        <input
          type="checkbox"
          checked={account.validSettings.initBilled ?? true}
          onChange={(event) => setInitBilled(event.target.checked)}
        />
        Bill INIT in Billed Duration (since 1 August 2025; before, INIT of on-demand ZIP functions was free)
      </label>
      <p className="text-xs leading-snug text-slate-500">
        A synchronous request that finds no idle environment and no room to add one is throttled at once: HTTP 429
        from the Invoke API, 500 through API Gateway. Lambda does not retry it.
      </p>
    </div>
  );
}
