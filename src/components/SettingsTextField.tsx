import { useId } from 'react';

export const inputClass =
  'h-8 w-full rounded-md border bg-white px-2 text-sm text-slate-900 shadow-xs outline-none focus:ring-2 focus:ring-sky-500/40';

interface SettingsTextFieldProps {
  readonly label: string;
  readonly text: string;
  readonly invalid: boolean;
  /** Id of the element holding the message, for `aria-describedby` while invalid. */
  readonly errorId: string;
  readonly onChange: (text: string) => void;
  readonly hint?: string;
  readonly placeholder?: string;
  readonly numeric?: boolean;
}

/** A labelled settings input that shows any text typed, marked while it is invalid. */
export function SettingsTextField({ label, text, invalid, errorId, onChange, hint, placeholder, numeric = false }: SettingsTextFieldProps) {
  const inputId = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={inputId} className="truncate text-xs font-medium text-slate-600" title={hint}>
        {label}
      </label>
      <input
        id={inputId}
        type="text"
        inputMode={numeric ? 'numeric' : 'text'}
        spellCheck={false}
        autoComplete="off"
        className={`${inputClass} ${invalid ? 'border-red-400 bg-red-50' : 'border-slate-300'} ${numeric ? 'tabular-nums' : ''}`}
        value={text}
        title={hint}
        placeholder={placeholder}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
