/**
 * An executor for engine tests and benchmarks that runs plain TypeScript in place of handler
 * code, so no worker is needed. Each function is a script: `init` plays the module's top-level
 * code and returns that environment's module state, `invoke` plays the handler. Durations are
 * simulated milliseconds the script states; a script that throws fails like a handler that
 * throws, and one that runs past the time budget times out.
 *
 * The executor also checks the engine's side of the contract: it rejects INIT of an
 * environment that is still loaded (the engine must dispose it first) and INVOKE of an
 * environment that was never initialised or has been disposed.
 */
import type {
  Executor,
  InitRequest,
  InitResult,
  InvokeRequest,
  InvokeResult,
  LambdaError,
  LogLine,
} from '../execution';
import type { Simulation } from '../simulation';

/** What a script can see and do while it runs. */
export interface ScriptContext {
  readonly envId: string;
  /** Undefined during INIT, as in the Node.js runtime's log lines. */
  readonly requestId: string | undefined;
  /** Writes a `console.log` line, `offsetMs` after the phase started. */
  log(text: string, offsetMs?: number): void;
}

export interface ScriptedReply {
  /** Simulated run time of the handler, in ms (default 0). Past the budget, the invocation times out. */
  readonly durationMs?: number;
  /** The handler's return value; `undefined` becomes `null`, as on Lambda. */
  readonly response?: unknown;
}

/** One function's behaviour. `State` is the module-scope state of one environment. */
export interface FunctionScript<State = unknown> {
  /** Module-scope code, run once per INIT. Throwing fails INIT. */
  init?(context: ScriptContext): State;
  /** Simulated time the module's top-level code takes, in ms (default 0). */
  readonly initMs?: number;
  /** The handler. Throwing fails the invocation with that error. */
  invoke(event: unknown, state: State, context: ScriptContext): ScriptedReply;
}

interface LoadedEnvironment {
  readonly script: FunctionScript;
  readonly state: unknown;
  readonly epochMs: number;
}

/** Calls received, in order, for assertions. */
export interface ScriptedCall {
  readonly kind: 'init' | 'invoke' | 'dispose';
  readonly envId: string;
  readonly requestId?: string;
}

export class ScriptedExecutor implements Executor {
  private readonly loaded = new Map<string, LoadedEnvironment>();
  /** Every init, invoke and dispose call, in order. Off by default in benchmarks. */
  readonly calls: ScriptedCall[] = [];

  constructor(
    private readonly scripts: Readonly<Record<string, FunctionScript>>,
    private readonly options: { readonly recordCalls?: boolean } = {},
  ) {}

  init(request: InitRequest): Promise<InitResult> {
    return Promise.resolve(this.initSync(request));
  }

  invoke(request: InvokeRequest): Promise<InvokeResult> {
    return Promise.resolve(this.invokeSync(request));
  }

  dispose(envId: string): void {
    this.record({ kind: 'dispose', envId });
    this.loaded.delete(envId);
  }

  initSync(request: InitRequest): InitResult {
    const { env } = request;
    this.record({ kind: 'init', envId: env.envId });
    if (this.loaded.has(env.envId)) {
      throw new Error(`ScriptedExecutor: environment ${env.envId} was initialised again without being disposed.`);
    }
    const script = this.scripts[env.functionName];
    if (script === undefined) throw new Error(`ScriptedExecutor: no script for function "${env.functionName}".`);
    const logs: LogLine[] = [];
    const context = scriptContext(env.envId, undefined, env.epochMs, request.startTime, logs);
    const userInitMs = script.initMs ?? 0;
    try {
      const state = script.init ? script.init(context) : undefined;
      this.loaded.set(env.envId, { script, state, epochMs: env.epochMs });
      return { kind: 'init', userInitMs, logs };
    } catch (thrown) {
      const error = toLambdaError(thrown);
      logs.push(errorLine(env.epochMs, request.startTime + userInitMs, 'undefined', 'Uncaught Exception', error));
      return { kind: 'init', userInitMs, error, logs };
    }
  }

  invokeSync(request: InvokeRequest): InvokeResult {
    this.record({ kind: 'invoke', envId: request.envId, requestId: request.requestId });
    const env = this.loaded.get(request.envId);
    if (env === undefined) {
      throw new Error(`ScriptedExecutor: invoke on environment ${request.envId}, which is not initialised.`);
    }
    const logs: LogLine[] = [];
    const context = scriptContext(request.envId, request.requestId, env.epochMs, request.startTime, logs);
    try {
      const reply = env.script.invoke(request.event, env.state, context);
      const durationMs = reply.durationMs ?? 0;
      if (durationMs > request.timeoutMs) {
        return { kind: 'invoke', outcome: 'timeout', durationMs: request.timeoutMs, logs };
      }
      const responseJson = JSON.stringify(reply.response === undefined ? null : reply.response);
      return { kind: 'invoke', outcome: 'success', durationMs, responseJson, logs };
    } catch (thrown) {
      const error = toLambdaError(thrown);
      logs.push(errorLine(env.epochMs, request.startTime, request.requestId, 'Invoke Error', error));
      return { kind: 'invoke', outcome: 'error', durationMs: 0, error, logs };
    }
  }

  /** Environments whose module instance is loaded now. */
  get loadedEnvironments(): readonly string[] {
    return [...this.loaded.keys()];
  }

  private record(call: ScriptedCall): void {
    if (this.options.recordCalls !== false) this.calls.push(call);
  }
}

/**
 * Runs `sim` with `executor` synchronously until nothing is due at or before `until`: the
 * same loop as `runSimulation`, without promises, for tests and benchmarks. Returns the
 * number of steps taken.
 */
export function runScripted(sim: Simulation, executor: ScriptedExecutor, until = Number.POSITIVE_INFINITY): number {
  let steps = 0;
  for (let next = sim.nextEventTime(); next !== undefined && next <= until; next = sim.nextEventTime()) {
    const { executions, disposed } = sim.step(until);
    for (const envId of disposed) executor.dispose(envId);
    const results = executions.map((execution) =>
      execution.kind === 'init' ? executor.initSync(execution) : executor.invokeSync(execution),
    );
    executions.forEach((execution, i) => sim.resolve(execution.executionId, results[i]!));
    steps++;
  }
  return steps;
}

function scriptContext(
  envId: string,
  requestId: string | undefined,
  epochMs: number,
  startTime: number,
  logs: LogLine[],
): ScriptContext {
  return {
    envId,
    requestId,
    log(text, offsetMs = 0) {
      const time = startTime + offsetMs;
      logs.push({ time, text: `${iso(epochMs, time)}\t${requestId ?? 'undefined'}\tINFO\t${text}` });
    },
  };
}

function toLambdaError(thrown: unknown): LambdaError {
  if (thrown instanceof Error) {
    return { errorType: thrown.name, errorMessage: thrown.message, trace: [`${thrown.name}: ${thrown.message}`] };
  }
  return { errorType: 'Error', errorMessage: String(thrown), trace: [] };
}

/** The Node.js runtime's error line, e.g. `... ERROR\tInvoke Error \t{"errorType":...}`. */
function errorLine(epochMs: number, time: number, requestId: string, label: string, error: LambdaError): LogLine {
  const body = JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage, stack: error.trace });
  return { time, text: `${iso(epochMs, time)}\t${requestId}\tERROR\t${label} \t${body}` };
}

function iso(epochMs: number, time: number): string {
  return new Date(epochMs + time).toISOString();
}
