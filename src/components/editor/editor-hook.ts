/**
 * Exposes the code editor to browser tests as `window.__lambdaPlayground.editor`, so a test
 * can set the code exactly (typing into Monaco reindents and closes brackets).
 */
interface EditorLike {
  getValue(): string;
  setValue(value: string): void;
}

export interface EditorProblem {
  readonly line: number;
  readonly message: string;
  /** Monaco's marker severity: 8 error, 4 warning, 2 info, 1 hint. */
  readonly severity: number;
}

export interface EditorTestHook {
  getValue(): string;
  setValue(value: string): void;
  /** The language service's current diagnostics for the code, type errors included. */
  problems(): EditorProblem[];
}

declare global {
  interface Window {
    __lambdaPlayground?: { editor?: EditorTestHook } & Record<string, unknown>;
  }
}

export function registerEditorHook(editor: EditorLike, problems: () => EditorProblem[]): () => void {
  const hook: EditorTestHook = {
    getValue: () => editor.getValue(),
    setValue: (value) => editor.setValue(value),
    problems,
  };
  window.__lambdaPlayground = { ...window.__lambdaPlayground, editor: hook };
  return () => {
    if (window.__lambdaPlayground?.editor === hook) delete window.__lambdaPlayground.editor;
  };
}
