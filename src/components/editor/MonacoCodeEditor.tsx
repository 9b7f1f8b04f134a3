import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store';
import { selectInvokeBlocker } from '../../store/workspace-slice';
import { CODE_MODEL_PATH, configureMonaco, findSyntaxProblems } from './monaco-setup';
import { registerEditorHook } from './editor-hook';

const monaco = configureMonaco();

/** How long typing must pause before the code is checked for syntax errors, in ms. */
const SYNTAX_CHECK_DELAY_MS = 300;

/** The Monaco editor bound to the workspace code, with Lambda types for IntelliSense. */
export default function MonacoCodeEditor() {
  const code = useAppStore((state) => state.code);
  const setCode = useAppStore((state) => state.setCode);
  const setCodeProblems = useAppStore((state) => state.setCodeProblems);
  const checkTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const disposers = useRef<(() => void)[]>([]);

  useEffect(
    () => () => {
      clearTimeout(checkTimer.current);
      for (const dispose of disposers.current) dispose();
    },
    [],
  );

  const checkSyntax = (model: ReturnType<typeof monaco.editor.createModel>) => {
    clearTimeout(checkTimer.current);
    checkTimer.current = setTimeout(() => {
      findSyntaxProblems(model).then(setCodeProblems, (error: unknown) => {
        console.warn('editor: the syntax check failed; invoking stays allowed.', error);
      });
    }, SYNTAX_CHECK_DELAY_MS);
  };

  const handleMount: OnMount = (editor) => {
    const model = editor.getModel();
    if (model) {
      checkSyntax(model);
      const subscription = model.onDidChangeContent(() => checkSyntax(model));
      disposers.current.push(() => subscription.dispose());
    }
    // Monaco handles keys before the page does, so Ctrl/Cmd+Enter is bound here too.
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => {
      const state = useAppStore.getState();
      if (!selectInvokeBlocker(state)) state.invoke();
    });
    const problems = () =>
      monaco.editor
        .getModelMarkers({ resource: model?.uri })
        .map((marker) => ({ line: marker.startLineNumber, message: marker.message, severity: marker.severity }));
    disposers.current.push(registerEditorHook(editor, problems));
  };

  return (
    <div className="h-full" data-testid="monaco-editor">
      <Editor
        path={CODE_MODEL_PATH}
        defaultLanguage="javascript"
        value={code}
        onChange={(value) => setCode(value ?? '')}
        onMount={handleMount}
        loading={null}
        options={{
          fontSize: 13,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          tabSize: 2,
          automaticLayout: true,
          fixedOverflowWidgets: true,
          padding: { top: 8 },
        }}
      />
    </div>
  );
}
