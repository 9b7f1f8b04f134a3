/**
 * What the engine asks of whoever runs handler code (the executor), and what it is told back.
 * The engine never runs code itself: it emits these requests and receives the results. The
 * same types cross the worker boundary, so every field must survive structured cloning.
 */
import type { Architecture, RuntimeId } from './runtimes';

/** Everything the sandbox needs to create one execution environment. */
export interface EnvironmentSpec {
  /** Unique within a run, e.g. `fn-a#3`. */
  readonly envId: string;
  readonly functionName: string;
  /** ES module source of the function's `index.mjs`. */
  readonly code: string;
  /** `file.export`, e.g. `index.handler`. */
  readonly handler: string;
  readonly runtime: RuntimeId;
  readonly architecture: Architecture;
  readonly memoryMb: number;
  readonly timeoutMs: number;
  readonly region: string;
  readonly accountId: string;
  /** Seeds this environment's `Math.random`, so user code that draws random numbers replays. */
  readonly seed: number;
  /** Wall-clock epoch (ms since 1970) of simulated time 0; the sandbox's `Date` counts from it. */
  readonly epochMs: number;
  /** Log group and stream names, as `context` reports them. */
  readonly logGroupName: string;
  readonly logStreamName: string;
}

/** One line of CloudWatch output: the simulated time it was written and its text. */
export interface LogLine {
  readonly time: number;
  readonly text: string;
}

/** Lambda's error shape, as the Node.js runtime reports it. */
export interface LambdaError {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace: readonly string[];
}

/** Runs the module's top-level code in a new environment (the Function init sub-phase). */
export interface InitRequest {
  readonly kind: 'init';
  readonly executionId: number;
  readonly env: EnvironmentSpec;
  /** Simulated time at which user INIT code starts. */
  readonly startTime: number;
}

export interface InitResult {
  readonly kind: 'init';
  /** Simulated time the module's top-level code took, in ms (a top-level await of a sleep counts). */
  readonly userInitMs: number;
  /** Present when loading the module failed: a syntax error, a throw at top level, a missing handler. */
  readonly error?: LambdaError;
  /** `console` output written during INIT, already formatted as CloudWatch lines. */
  readonly logs: readonly LogLine[];
}

/** Runs the handler once in an environment that was initialised before. */
export interface InvokeRequest {
  readonly kind: 'invoke';
  readonly executionId: number;
  readonly envId: string;
  readonly requestId: string;
  /** The event, already parsed; it must be structured-cloneable JSON data. */
  readonly event: unknown;
  /** Simulated time at which the handler is called. */
  readonly startTime: number;
  /** The handler's time budget in ms; the function timeout. */
  readonly timeoutMs: number;
  readonly invokedFunctionArn: string;
}

export type InvokeOutcome = 'success' | 'error' | 'timeout';

export interface InvokeResult {
  readonly kind: 'invoke';
  readonly outcome: InvokeOutcome;
  /** Simulated time the handler ran, in ms; equals `timeoutMs` on a timeout. */
  readonly durationMs: number;
  /** The JSON text of the response when `outcome` is `success` (`undefined` returns `null`). */
  readonly responseJson?: string;
  /** The error when `outcome` is `error` or `timeout`. */
  readonly error?: LambdaError;
  /** `console` output written during the invocation, as CloudWatch lines. */
  readonly logs: readonly LogLine[];
}

export type ExecutionRequest = InitRequest | InvokeRequest;
export type ExecutionResult = InitResult | InvokeResult;

/**
 * Runs handler code for the engine. Implementations: the worker pool in the browser, the
 * `worker_threads` sandbox in Node, and a scripted executor for engine unit tests.
 */
export interface Executor {
  init(request: InitRequest): Promise<InitResult>;
  invoke(request: InvokeRequest): Promise<InvokeResult>;
  /** Discards an environment's module instance and timers (reclaimed or reset). */
  dispose(envId: string): void;
}
