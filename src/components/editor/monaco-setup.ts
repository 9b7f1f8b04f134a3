/**
 * Configures the bundled Monaco editor: its web workers, the JavaScript language service
 * with checkJs-style checking, and the @types/aws-lambda declarations for IntelliSense.
 * This module and everything it imports load lazily with the editor, never with the page.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/javascript/register';
import * as typescript from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

/** The model's URI: Lambda loads the playground's code as `index.mjs`. */
export const CODE_MODEL_PATH = 'file:///index.mjs';

// Every .d.ts file of @types/aws-lambda, as text, keyed by its path in the project.
const awsLambdaTypes = import.meta.glob<string>('/node_modules/@types/aws-lambda/**/*.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

let configured = false;

export function configureMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;

  self.MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      return label === 'typescript' || label === 'javascript' ? new TypeScriptWorker() : new EditorWorker();
    },
  };

  const defaults = typescript.javascriptDefaults;
  defaults.setCompilerOptions({
    allowJs: true,
    checkJs: true,
    allowNonTsExtensions: true,
    target: typescript.ScriptTarget.ESNext,
    module: typescript.ModuleKind.ESNext,
    moduleResolution: typescript.ModuleResolutionKind.NodeJs,
    lib: ['esnext', 'webworker'],
    noEmit: true,
    strict: false,
    allowUmdGlobalAccess: true,
  });
  defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  defaults.setEagerModelSync(true);

  // With the files at their node_modules paths, `import('aws-lambda')` in JSDoc resolves
  // as it does in a project, and allowUmdGlobalAccess makes the `AWSLambda` namespace usable too.
  for (const [path, text] of Object.entries(awsLambdaTypes)) {
    defaults.addExtraLib(text, `file://${path}`);
  }

  // Without this, @monaco-editor/react fetches Monaco from a CDN.
  loader.config({ monaco });
  return monaco;
}

type TextModel = ReturnType<typeof monaco.editor.createModel>;

/** Asks the JavaScript language service for the model's syntax errors (not type errors). */
export async function findSyntaxProblems(model: TextModel) {
  const getWorker = await typescript.getJavaScriptWorker();
  const worker = await getWorker(model.uri);
  if (model.isDisposed()) return [];
  const diagnostics = await worker.getSyntacticDiagnostics(model.uri.toString());
  if (model.isDisposed()) return [];
  return diagnostics.map((diagnostic) => {
    const position = model.getPositionAt(diagnostic.start ?? 0);
    const text = diagnostic.messageText;
    return {
      line: position.lineNumber,
      column: position.column,
      message: typeof text === 'string' ? text : text.messageText,
    };
  });
}
