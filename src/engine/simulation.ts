/**
 * The simulated Lambda service: a seeded discrete-event simulation on a virtual clock.
 *
 * The simulation is synchronous and pure. It never runs handler code: `step` returns the
 * executions the caller must run (INIT or INVOKE in an environment), and the caller reports
 * each result with `resolve` before stepping again. The events due at one simulated time are
 * processed in one step (up to a bound, then in as few steps as it takes), so executions that
 * start at the same time can run in parallel. Their results are applied in the order they
 * were requested, which keeps the trace deterministic however the executions interleave in
 * real time.
 */
import { AsyncEvent, FunctionAsyncQueue, processAsyncEvent, processQueue } from './async-event';
import { submitAsync } from './async-submit';
import { recountPools, throttle } from './concurrency';
import { accountSettingsProblems, concurrencyConfigProblems } from './concurrency-config';
import { newInvocation, placeRequest } from './dispatch';
import { createEngineState, functionNamed, wakeAsyncQueues, type EngineState, type QueueEntry } from './engine-state';
import { Environment, IdlePool } from './environment';
import type { ExecutionRequest, ExecutionResult } from './execution';
import type { ExecutionOwner } from './executions';
import { applyInitResult, applyInvokeResult, endInit, endInvoke, startInit } from './invocation';
import { PER_FUNCTION_SCALING } from './limits';
import type { FunctionConfig, QueuedRequestInput, RequestInput, SimulationSettings } from './model';
import { reclaim, retireIdleEnvironments } from './placement';
import * as logs from './platform-logs';
import { applyProvisionedInitResult, processProvisioning, ProvisionedInit, scheduleProvisioning } from './provisioned';
import type { FunctionState, Invocation } from './records';
import { RUNTIMES } from './runtimes';
import { processServiceArrival, ServiceArrival } from './service-events';
import { TokenBucket } from './token-bucket';
import type { TraceEvent } from './trace';
import { validateConfig, validateSettings } from './validation';

export interface StepOutput {
  /** Executions to run now; each must be reported back with `Simulation.resolve`. */
  readonly executions: readonly ExecutionRequest[];
  /** Environments whose module instance and timers the executor should drop. */
  readonly disposed: readonly string[];
}

/** Shared empty step output; most steps hand out no execution or no disposal. */
const NONE: readonly never[] = Object.freeze([]);
const EMPTY_STEP: StepOutput = Object.freeze({ executions: NONE, disposed: NONE });

/** The `source` of a request submitted without one. */
const DEFAULT_SOURCE = 'direct';

/**
 * Events one step processes at most. Ten thousand requests can arrive at one time, and a
 * page that steps the simulation on its main thread yields between steps, never within one.
 */
export const MAX_EVENTS_PER_STEP = 1000;

export class Simulation {
  private readonly state: EngineState;
  private eventCount = 0;

  constructor(functions: readonly FunctionConfig[], settings: SimulationSettings) {
    validateSettings(settings);
    this.state = createEngineState(settings);
    const accountProblems = accountSettingsProblems(this.state.account);
    if (accountProblems.length > 0) throw new Error(`Simulation: ${accountProblems.join(' ')}`);
    for (const config of functions) {
      validateConfig(config);
      if (this.state.functions.has(config.name)) {
        throw new Error(`Simulation: function "${config.name}" is defined twice; function names must be unique.`);
      }
      this.state.functions.set(config.name, this.newFunctionState(config));
    }
    this.checkConcurrency(functions);
    recountPools(this.state);
    for (const fn of this.state.functions.values()) scheduleProvisioning(this.state, fn);
  }

  /** Everything that happened so far, in time order. */
  get trace(): readonly TraceEvent[] {
    return this.state.trace;
  }

  /** Simulated time of the last processed event. */
  get now(): number {
    return this.state.now;
  }

  /** Number of executions returned by `step` and not yet resolved. */
  get pendingExecutions(): number {
    return this.state.ledger.unresolved;
  }

  /** Number of scheduled events processed so far (for benchmarks and diagnostics). */
  get processedEvents(): number {
    return this.eventCount;
  }

  /**
   * Schedules a request at `request.at` (not before `now`). A synchronous or asynchronous
   * request returns its request ID; an S3, SNS, EventBridge or schedule event returns the ID
   * of the service event, and each function it invokes gets its own request ID.
   */
  submit(request: RequestInput): string {
    if (!Number.isFinite(request.at) || request.at < this.state.now) {
      throw new Error(
        `Simulation.submit: request time ${request.at} ms is before the simulated time ${this.state.now} ms; submit at or after now.`,
      );
    }
    if (request.type !== undefined && request.type !== 'sync') return submitAsync(this.state, request as QueuedRequestInput);
    const fn = functionNamed(this.state, request.functionName);
    const requestId = this.state.random.requestIds.uuid();
    const invocation = newInvocation(
      fn,
      requestId,
      request.event,
      request.source ?? DEFAULT_SOURCE,
      request.invoker ?? 'direct',
      request.at,
      undefined,
      0,
    );
    // Traffic is mostly submitted in time order, which the queue keeps apart from its heap.
    this.state.queue.pushInOrder(invocation);
    return requestId;
  }

  /**
   * Replaces a function's code or configuration. As on Lambda, environments of the old
   * version are never reused: idle ones are shut down and busy ones when they finish.
   */
  updateFunction(config: FunctionConfig): void {
    validateConfig(config);
    const fn = functionNamed(this.state, config.name);
    this.checkConcurrency([...this.state.functions.values()].map((other) => (other === fn ? config : other.config)));
    fn.config = config;
    fn.version++;
    fn.runtimeVersionArn = this.runtimeVersionArnOf(config);
    fn.provisionedEnvironments = 0;
    retireIdleEnvironments(this.state, fn);
    recountPools(this.state);
    scheduleProvisioning(this.state, fn);
    // Limits may have grown; blocked queues try again.
    wakeAsyncQueues(this.state);
  }

  /** Simulated time of the earliest pending event, or undefined when nothing is scheduled. */
  nextEventTime(): number | undefined {
    return this.state.queue.peek()?.time;
  }

  /**
   * Processes the events due at the earliest pending time, if that time is not after `until`:
   * all of them, or the first `MAX_EVENTS_PER_STEP`, leaving the rest due for the next step.
   * Throws while executions from an earlier step are unresolved.
   */
  step(until = Number.POSITIVE_INFINITY): StepOutput {
    const { state } = this;
    if (state.ledger.unresolved > 0) {
      throw new Error(
        `Simulation.step: ${state.ledger.unresolved} execution(s) from the previous step are unresolved; resolve every execution before stepping.`,
      );
    }
    const first = state.queue.peek();
    if (first === undefined || first.time > until) return EMPTY_STEP;

    const time = first.time;
    state.now = time;
    state.executions = undefined;
    state.disposed = undefined;
    // Events that processing schedules at this same time are due now too, and run in this step.
    let processed = 0;
    for (let event = state.queue.peek(); event !== undefined && event.time === time && processed < MAX_EVENTS_PER_STEP; event = state.queue.peek()) {
      state.queue.pop();
      this.eventCount++;
      processed++;
      this.process(event);
    }
    if (state.executions === undefined && state.disposed === undefined) return EMPTY_STEP;
    return { executions: state.executions ?? NONE, disposed: state.disposed ?? NONE };
  }

  /** Applies the result of an execution returned by `step`. */
  resolve(executionId: number, result: ExecutionResult): void {
    const { ledger } = this.state;
    if (!ledger.resolve(executionId, result)) return;
    try {
      for (let i = 0; i < ledger.size; i++) this.apply(ledger.ownerAt(i), ledger.requestAt(i), ledger.resultAt(i));
    } finally {
      ledger.finishStep();
    }
  }

  private process(entry: QueueEntry): void {
    const { state } = this;
    if (entry instanceof AsyncEvent) {
      processAsyncEvent(state, entry);
      return;
    }
    if (entry instanceof FunctionAsyncQueue) {
      processQueue(state, entry);
      return;
    }
    if (entry instanceof ServiceArrival) {
      processServiceArrival(state, entry);
      return;
    }
    if (entry instanceof Environment) {
      reclaim(state, entry);
      return;
    }
    if (entry instanceof ProvisionedInit) {
      processProvisioning(state, entry);
      return;
    }
    switch (entry.phase) {
      case 'arrival':
        this.arrive(entry);
        break;
      case 'init-start':
        startInit(state, entry);
        break;
      case 'init-end':
        endInit(state, entry);
        break;
      case 'invoke-end':
        endInvoke(state, entry);
        break;
    }
  }

  private arrive(invocation: Invocation): void {
    const { state } = this;
    const { fn } = invocation;
    state.trace.push({
      type: 'request-received',
      time: state.now,
      requestId: invocation.requestId,
      functionName: fn.config.name,
      invocationType: 'RequestResponse',
      event: invocation.event,
      source: invocation.source,
      invoker: invocation.invoker,
    });
    const limit = placeRequest(state, invocation);
    if (limit !== undefined) throttle(state, invocation, limit);
  }

  private apply(owner: ExecutionOwner, request: ExecutionRequest, result: ExecutionResult): void {
    if (owner instanceof ProvisionedInit) {
      if (result.kind === 'init') applyProvisionedInitResult(this.state, owner, result);
      return;
    }
    if (request.kind === 'init' && result.kind === 'init') applyInitResult(this.state, owner, result);
    if (request.kind === 'invoke' && result.kind === 'invoke') applyInvokeResult(this.state, owner, request, result);
  }

  private newFunctionState(config: FunctionConfig): FunctionState {
    const { settings, account } = this.state;
    return {
      config,
      version: 1,
      environmentCount: 0,
      idle: new IdlePool(),
      provisionedReady: new IdlePool(),
      busy: 0,
      provisionedUnused: 0,
      provisionedEnvironments: 0,
      scaling:
        account.scaling.kind === 'per-function'
          ? new TokenBucket(PER_FUNCTION_SCALING.capacity, PER_FUNCTION_SCALING.refillPerSecond, this.state.now)
          : undefined,
      functionArn: logs.functionArn(settings.region, settings.accountId, config.name),
      logGroupName: `/aws/lambda/${config.name}`,
      runtimeVersionArn: this.runtimeVersionArnOf(config),
      asyncQueue: new FunctionAsyncQueue(config.name),
    };
  }

  /** Throws AWS's message when reserved or provisioned concurrency breaks the account's rules. */
  private checkConcurrency(functions: readonly FunctionConfig[]): void {
    const problems = concurrencyConfigProblems(functions, this.state.account);
    if (problems.length > 0) throw new Error(`Simulation: ${problems.map((problem) => problem.message).join(' ')}`);
  }

  private runtimeVersionArnOf(config: FunctionConfig): string {
    const { runtimeVersion } = RUNTIMES[config.runtime];
    return logs.runtimeVersionArn(this.state.settings.region, runtimeVersion, config.architecture);
  }
}
