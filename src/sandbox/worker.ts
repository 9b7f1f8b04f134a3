/**
 * The sandbox worker for the browser. The sandbox page (public/sandbox.html) starts it from a
 * Blob URL inside an opaque-origin iframe and hands it one `MessagePort`, whose other end the
 * app page holds. Comlink runs over that port only; the worker's global message channel leads to
 * the sandbox page, which ignores it. Before the first handler loads, the worker sets Lambda's
 * locale defaults and removes the browser's own globals, `postMessage` among them.
 */
import * as Comlink from 'comlink';
import type { ConnectWorkerMessage } from '../protocol/sandbox-frame';
import { blobLoader, createMacrotaskScheduler } from './loader-blob';
import { installLocaleDefaults } from './locale-defaults';
import { removeBrowserGlobals } from './lockdown';
import { createSandboxRuntime } from './runtime';
import { createSandboxApi } from './sandbox-api';

const CONNECT_MESSAGE: ConnectWorkerMessage['type'] = 'lambda-playground:connect-worker';

const api = createSandboxApi(createSandboxRuntime({ loader: blobLoader, macrotask: createMacrotaskScheduler() }));

function connect(event: MessageEvent): void {
  const port = event.ports[0];
  const data: unknown = event.data;
  if (!port || typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== CONNECT_MESSAGE) return;
  removeEventListener('message', connect);
  Comlink.expose(api, port);
}

addEventListener('message', connect);

// Errors that escape handler code (a throw in a `queueMicrotask` callback) would otherwise reach
// the sandbox page as worker errors, which it reports as a failed worker start.
addEventListener('error', (event) => event.preventDefault());

installLocaleDefaults();
removeBrowserGlobals();
