/**
 * The sandbox worker for Node (`worker_threads`): the headless runner and the tests run
 * handlers here. It exposes the sandbox API on the parent port as soon as it loads, then
 * installs the import guard and Lambda's locale defaults, and removes Node's globals, before the
 * first handler can run.
 */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { installImportGuard } from './import-guard.node.ts';
import { dataUrlLoader } from './loader-data-url.node.ts';
import { installLocaleDefaults } from './locale-defaults';
import { removeNodeGlobals } from './lockdown.node.ts';
import { nodeEndpoint } from './node-endpoint.node.ts';
import { createSandboxRuntime } from './runtime';
import { createSandboxApi } from './sandbox-api';

if (!parentPort) throw new Error('sandbox: worker.node.ts must run in a worker_threads worker');

const port = parentPort;
const runSoon = setImmediate;
const runtime = createSandboxRuntime({
  loader: dataUrlLoader,
  macrotask: () => new Promise<void>((resolve) => runSoon(resolve)),
});

installImportGuard();
installLocaleDefaults();
Comlink.expose(createSandboxApi(runtime), nodeEndpoint(port));
removeNodeGlobals();
