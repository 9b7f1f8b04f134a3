import { useAppStore } from '../store';
import { selectFunctionErrors, selectFunctions, selectSelectedFunctionId } from '../store/workspace-slice';

/**
 * One tab per function: a click selects the function the editor and the settings show, "+"
 * adds one with the example handler, "×" removes one (the last function stays).
 */
export function FunctionTabs() {
  const functions = useAppStore(selectFunctions);
  const selectedId = useAppStore(selectSelectedFunctionId);
  const functionErrors = useAppStore(selectFunctionErrors);
  const selectFunction = useAppStore((state) => state.selectFunction);
  const addFunction = useAppStore((state) => state.addFunction);
  const removeFunction = useAppStore((state) => state.removeFunction);
  const removable = functions.length > 1;

  return (
    <div className="flex min-w-0 items-end gap-1 overflow-x-auto px-2 pt-1.5" role="tablist" aria-label="Functions">
      {functions.map((draft) => {
        const selected = draft.id === selectedId;
        const hasError = Object.keys(functionErrors[draft.id] ?? {}).length > 0;
        return (
          <div
            key={draft.id}
            className={`group flex h-8 shrink-0 items-center rounded-t-md border border-b-0 text-sm ${
              selected ? 'border-slate-200 bg-white font-semibold text-slate-900' : 'border-transparent text-slate-600 hover:bg-slate-50'
            }`}
          >
            <button
              type="button"
              role="tab"
              aria-selected={selected}
              data-testid="function-tab"
              className="flex h-full max-w-48 items-center gap-1.5 truncate pr-1 pl-3 font-mono text-[13px]"
              title={hasError ? `${draft.validSettings.name}: a setting is invalid` : draft.validSettings.name}
              onClick={() => selectFunction(draft.id)}
            >
              {hasError && <span className="h-1.5 w-1.5 shrink-0 rounded-full bg-red-500" aria-hidden />}
              <span className="truncate">{draft.validSettings.name}</span>
            </button>
            {removable && (
              <button
                type="button"
                className="mr-1 flex h-5 w-5 items-center justify-center rounded text-slate-400 hover:bg-slate-200 hover:text-slate-700"
                aria-label={`Remove function ${draft.validSettings.name}`}
                title={`Remove function ${draft.validSettings.name}`}
                onClick={() => {
                  if (window.confirm(`Remove function "${draft.validSettings.name}" and its code?`)) removeFunction(draft.id);
                }}
              >
                ×
              </button>
            )}
          </div>
        );
      })}
      <button
        type="button"
        className="mb-1 ml-1 flex h-7 shrink-0 items-center rounded-md px-2 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
        title="Add a function with the example handler"
        onClick={addFunction}
      >
        + Add function
      </button>
    </div>
  );
}
