/**
 * The app page's side of the sandbox page: a hidden `<iframe sandbox="allow-scripts">` that
 * loads public/sandbox.html and starts the sandbox workers. Without `allow-same-origin` the
 * iframe has an opaque origin, so the workers it starts can reach neither the app's storage
 * nor its DOM, and the page's Content-Security-Policy keeps them off the network.
 */
import type {
  ConnectSandboxMessage,
  SandboxReadyMessage,
  StartWorkerMessage,
  StopWorkerMessage,
  WorkerErrorMessage,
} from '../protocol/sandbox-frame';

export interface SandboxFrame {
  /** Starts worker `workerId` in the frame; `port` becomes its Comlink endpoint. */
  startWorker(workerId: number, port: MessagePort): void;
  stopWorker(workerId: number): void;
  /** Calls `listener` when worker `workerId` reports an error (it failed to load). */
  onWorkerError(listener: (workerId: number, message: string) => void): void;
  /** Removes the iframe, which stops every worker in it. */
  destroy(): void;
}

function isReadyMessage(data: unknown): data is SandboxReadyMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'lambda-playground:sandbox-ready';
}

function isWorkerErrorMessage(data: unknown): data is WorkerErrorMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Partial<Record<keyof WorkerErrorMessage, unknown>>;
  return message.type === 'worker-error' && Number.isInteger(message.workerId) && typeof message.message === 'string';
}

/**
 * Creates the iframe and resolves once the sandbox page is connected. Rejects when it does not
 * signal readiness within `timeoutMs`.
 */
export function openSandboxFrame(options: {
  /** URL of public/sandbox.html as the app serves it. */
  readonly url: string;
  /** Source of the sandbox worker bundle. */
  readonly workerSource: string;
  readonly timeoutMs: number;
}): Promise<SandboxFrame> {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.tabIndex = -1;
  iframe.title = 'Lambda Playground sandbox';
  iframe.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
  iframe.src = options.url;

  return new Promise<SandboxFrame>((resolve, reject) => {
    const timer = setTimeout(() => {
      window.removeEventListener('message', onMessage);
      iframe.remove();
      reject(new Error(`The sandbox page (${options.url}) did not load within ${options.timeoutMs} ms.`));
    }, options.timeoutMs);

    function onMessage(event: MessageEvent): void {
      // The iframe's origin is opaque ("null"), so it is recognised by its window instead.
      if (event.source !== iframe.contentWindow || !isReadyMessage(event.data)) return;
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve(connect(iframe, options.workerSource));
    }

    window.addEventListener('message', onMessage);
    document.body.append(iframe);
  });
}

function connect(iframe: HTMLIFrameElement, workerSource: string): SandboxFrame {
  const channel = new MessageChannel();
  const control = channel.port1;
  const errorListeners: Array<(workerId: number, message: string) => void> = [];
  control.onmessage = (event: MessageEvent) => {
    if (!isWorkerErrorMessage(event.data)) return;
    const { workerId, message } = event.data;
    for (const listener of errorListeners) listener(workerId, message);
  };
  const hello: ConnectSandboxMessage = { type: 'lambda-playground:connect-sandbox', workerSource };
  // An opaque origin cannot be named as a target origin, so '*' it is; the message goes to
  // this iframe's window only.
  iframe.contentWindow?.postMessage(hello, '*', [channel.port2]);

  return {
    startWorker(workerId, port) {
      const message: StartWorkerMessage = { type: 'start-worker', workerId };
      control.postMessage(message, [port]);
    },
    stopWorker(workerId) {
      const message: StopWorkerMessage = { type: 'stop-worker', workerId };
      control.postMessage(message);
    },
    onWorkerError(listener) {
      errorListeners.push(listener);
    },
    destroy() {
      control.close();
      iframe.remove();
    },
  };
}
