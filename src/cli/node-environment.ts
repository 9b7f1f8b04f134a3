/** The CLI's connection to the process: standard streams and the worker_threads executor. */
// The .ts extension is needed because tsx takes a bare `.node` ending for a native addon.
import { createNodeExecutor } from '../driver/node-executor.node.ts';
import type { CliEnvironment } from './main';

export function nodeCliEnvironment(): CliEnvironment {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    createExecutor: () => {
      const executor = createNodeExecutor();
      return { executor, close: () => executor.close() };
    },
  };
}
