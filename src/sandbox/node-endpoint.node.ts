/**
 * Adapts a `worker_threads` port to the endpoint Comlink expects (the DOM `MessagePort`
 * shape). Comlink ships one as `comlink/dist/esm/node-adapter.mjs`, but without type
 * declarations that TypeScript resolves for that path.
 */
import type { MessagePort as NodeMessagePort, Worker } from 'node:worker_threads';
import type { Endpoint } from 'comlink';

type Listener = EventListenerOrEventListenerObject;

export function nodeEndpoint(port: NodeMessagePort | Worker): Endpoint {
  const wrappers = new WeakMap<Listener, (data: unknown) => void>();
  return {
    postMessage: (message: unknown, transfer?: Transferable[]) => {
      port.postMessage(message, transfer as never);
    },
    addEventListener: (_type: string, listener: Listener) => {
      const wrapper = (data: unknown): void => {
        const event = { data } as MessageEvent;
        if (typeof listener === 'function') listener(event);
        else listener.handleEvent(event);
      };
      wrappers.set(listener, wrapper);
      port.on('message', wrapper);
    },
    removeEventListener: (_type: string, listener: Listener) => {
      const wrapper = wrappers.get(listener);
      if (!wrapper) return;
      port.off('message', wrapper);
      wrappers.delete(listener);
    },
  };
}
