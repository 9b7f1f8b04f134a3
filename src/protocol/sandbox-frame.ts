/**
 * Messages between the app page, the sandbox page (public/sandbox.html, an opaque-origin
 * iframe) and the sandbox workers it starts. The sandbox page is plain JavaScript, so these
 * types describe its messages; the app page checks every message it receives against them.
 *
 * 1. The sandbox page posts `SandboxReadyMessage` to its parent.
 * 2. The app page replies with `ConnectSandboxMessage`, transferring the control port.
 * 3. Over the control port the app page sends `StartWorkerMessage` and `StopWorkerMessage`;
 *    the sandbox page reports `WorkerErrorMessage`.
 * 4. The sandbox page passes the port of each `StartWorkerMessage` on to the new worker in a
 *    `ConnectWorkerMessage`; Comlink then runs between the app page and that worker.
 */

export interface SandboxReadyMessage {
  readonly type: 'lambda-playground:sandbox-ready';
}

export interface ConnectSandboxMessage {
  readonly type: 'lambda-playground:connect-sandbox';
  /** The bundled source of the sandbox worker (src/sandbox/worker.ts), a classic script. */
  readonly workerSource: string;
}

export interface StartWorkerMessage {
  readonly type: 'start-worker';
  readonly workerId: number;
}

export interface StopWorkerMessage {
  readonly type: 'stop-worker';
  readonly workerId: number;
}

export interface WorkerErrorMessage {
  readonly type: 'worker-error';
  readonly workerId: number;
  readonly message: string;
}

export interface ConnectWorkerMessage {
  readonly type: 'lambda-playground:connect-worker';
}
