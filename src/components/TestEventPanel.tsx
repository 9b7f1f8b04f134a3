import { useId } from 'react';
import { useAppStore } from '../store';
import { EVENT_TEMPLATES } from '../store/workspace-slice';

/** The test event: a template to start from and its JSON, edited as text. */
export function TestEventPanel() {
  const templateId = useAppStore((state) => state.eventTemplateId);
  const eventText = useAppStore((state) => state.eventText);
  const eventParse = useAppStore((state) => state.eventParse);
  const selectEventTemplate = useAppStore((state) => state.selectEventTemplate);
  const setEventText = useAppStore((state) => state.setEventText);
  const selectId = useId();
  const errorId = useId();

  return (
    <div className="flex h-full min-h-0 flex-col gap-2 p-3">
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="shrink-0 text-xs font-medium text-slate-600">
          Template
        </label>
        <select
          id={selectId}
          className="h-8 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 text-sm"
          value={templateId}
          onChange={(event) => selectEventTemplate(event.target.value)}
        >
          {EVENT_TEMPLATES.map((template) => (
            <option key={template.id} value={template.id}>
              {template.label}
            </option>
          ))}
        </select>
      </div>
      <textarea
        aria-label="Test event JSON"
        aria-invalid={eventParse.ok ? undefined : true}
        aria-describedby={eventParse.ok ? undefined : errorId}
        spellCheck={false}
        className={`min-h-24 flex-1 resize-none rounded-md border p-2 font-mono text-xs leading-5 text-slate-800 outline-none focus:ring-2 focus:ring-sky-500/40 ${
          eventParse.ok ? 'border-slate-300' : 'border-red-400 bg-red-50/40'
        }`}
        value={eventText}
        onChange={(event) => setEventText(event.target.value)}
      />
      {!eventParse.ok && (
        <p id={errorId} role="alert" className="text-xs leading-snug text-red-700">
          {eventParse.message}
        </p>
      )}
    </div>
  );
}
