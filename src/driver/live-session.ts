/**
 * The browser's playground session: the simulation stepped by the playhead, with handler code
 * run by an executor (the worker pool in the browser, a scripted executor in tests).
 */
import type { ExecutionRequest, ExecutionResult, Executor } from '../engine/execution';
import { Simulation } from '../engine/simulation';
import type { TracePrefix } from '../engine/trace';
import type { Scenario, ScenarioTrafficEntry } from '../scenario/schema';
import type { RequestStream } from '../scenario/request-stream';
import { scenarioRequestStream, toFunctionConfig, toSimulationSettings } from '../scenario/to-engine';
import { isServiceEntry, trafficStream } from '../scenario/traffic';
import type { PlaygroundSession, SentRequest, SessionSnapshot } from './session';
import { NotifyThrottle, TimeSlice } from './time-slice';

/** An executor, optionally with a way to stop all its workers at once (the worker pool has one). */
export type SessionExecutor = Executor & { close?(): unknown };

export interface SessionOptions {
  /** Creates the executor for a run; each `load` gets a new one and closes the previous one. */
  readonly createExecutor: () => SessionExecutor;
  /** Wall clock in ms for time slicing and spacing out notifications; `performance.now` by default. */
  readonly now?: () => number;
}

/**
 * How far after the last processed event a person's request is placed, in ms. A replay
 * schedules the recorded traffic before the run starts, so it would process a request recorded
 * at exactly the time of an earlier event before that event. A sequential request would then
 * arrive before the response it waited for and find its environment busy.
 */
const AFTER_PROCESSED_MS = 0.001;

const DEFAULT_SOURCE = 'console';

/**
 * Requests that `load` and `submitTraffic` submit at once. A larger batch goes in time slices
 * before the next step, because a load pattern of 100,000 requests takes a few hundred ms to submit.
 */
const SUBMIT_AT_ONCE = 2000;
/** Trace events per ms of the minimum gap between throttled notifications: 250 ms at 500,000 events. */
const TRACE_EVENTS_PER_GAP_MS = 2000;

/** Requests submitted between two looks at the time slice's clock. */
const SUBMIT_CHUNK = 256;

interface QueuedRequest {
  readonly functionName: string;
  readonly event: unknown;
  readonly notBefore: number;
  readonly source: string;
}

/** The state of one loaded run; a new `load` replaces it, and work for an old run is dropped. */
interface Run {
  readonly sim: Simulation;
  readonly executor: SessionExecutor;
  /** Simulated time up to which every event has been processed. */
  processedMs: number;
  /** The latest time `advanceTo` was asked for. */
  targetMs: number;
  /** The running `drive` call, while `driving` is true. */
  drive: Promise<void> | undefined;
  driving: boolean;
  executing: boolean;
  error: string | undefined;
  readonly sent: SentRequest[];
  readonly sequentialQueue: QueuedRequest[];
  /** The sequential request whose response the client is waiting for. */
  sequentialInFlight: string | undefined;
  /** Trace events already checked for the end of the in-flight sequential request. */
  scannedEvents: number;
  /** Resumes a drive that yielded at the end of a time slice; `advanceTo` calls it. */
  wake: (() => void) | undefined;
  /**
   * Requests not yet submitted to the simulation, in the order they must be submitted (which
   * decides the order of requests at equal times): each stream in turn, each made only when it
   * is submitted. Every one is submitted before the next step, and before any other request,
   * so the run is the same as if all had been submitted at once.
   */
  readonly pending: RequestStream[];
  /** Index of the first stream of `pending` with requests left. */
  pendingIndex: number;
  /** Earliest arrival among the requests queued since `pending` was last empty, in ms. */
  pendingEarliestMs: number;
  /**
   * Per function, the provisioned environments whose INIT has not ended yet. A person's request
   * to a function listed here waits in `held`, so it finds the environments ready rather than
   * starting cold beside them while they are being allocated.
   */
  readonly provisioningLeft: Map<string, number>;
  /** The provisioned environments created whose INIT has not ended yet. */
  readonly provisioningEnvs: Set<string>;
  /** A person's requests that wait for a function's provisioned environments, in the order sent. */
  readonly held: { readonly functionName: string; readonly send: () => void }[];
}

export function createPlaygroundSession(options: SessionOptions): PlaygroundSession {
  return new LiveSession(options);
}

const EMPTY_SNAPSHOT: SessionSnapshot = {
  trace: { events: [], length: 0 },
  version: 0,
  now: 0,
  nextEventTime: undefined,
  executing: false,
  error: undefined,
  loaded: false,
  sent: [],
  pendingSequential: 0,
};

class LiveSession implements PlaygroundSession {
  private run: Run | undefined;
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private cached: SessionSnapshot = EMPTY_SNAPSHOT;
  /** Whether `cached` is older than the run's state. */
  private stale = false;
  private loadError: string | undefined;
  private readonly notifyThrottle: NotifyThrottle;
  /** The timer of a notification the throttle put off, if any. */
  private deferredNotify: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: SessionOptions) {
    this.notifyThrottle = new NotifyThrottle(undefined, undefined, options.now);
  }

  load(scenario: Scenario): void {
    this.stopRun();
    this.loadError = undefined;
    try {
      const sim = new Simulation(scenario.functions.map(toFunctionConfig), toSimulationSettings(scenario));
      const run: Run = {
        sim,
        executor: this.options.createExecutor(),
        processedMs: 0,
        targetMs: 0,
        drive: undefined,
        driving: false,
        executing: false,
        error: undefined,
        sent: [],
        sequentialQueue: [],
        sequentialInFlight: undefined,
        scannedEvents: 0,
        wake: undefined,
        pending: [],
        pendingIndex: 0,
        pendingEarliestMs: Number.POSITIVE_INFINITY,
        provisioningLeft: new Map(
          scenario.functions.filter((fn) => fn.provisionedConcurrency > 0).map((fn) => [fn.name, fn.provisionedConcurrency]),
        ),
        provisioningEnvs: new Set(),
        held: [],
      };
      this.queueRequests(run, scenarioRequestStream(scenario));
      this.run = run;
    } catch (error) {
      this.loadError = `The run could not start: ${messageOf(error)}`;
    }
    this.changed();
  }

  submit(functionName: string, event: unknown, at: number, source = DEFAULT_SOURCE): void {
    const run = this.activeRun();
    if (!run) return;
    if (run.provisioningLeft.has(functionName)) {
      run.held.push({ functionName, send: () => this.submitNow(run, functionName, event, at, source) });
      this.changed();
      return;
    }
    this.submitNow(run, functionName, event, at, source);
  }

  private submitNow(run: Run, functionName: string, event: unknown, at: number, source: string): void {
    const time = this.sendTime(run, at);
    this.submitPending(run);
    run.sim.submit({ at: time, functionName, event, source });
    this.record(run, { at: time, functionName, event, source, count: 1 });
    this.changed();
  }

  submitTraffic(entry: ScenarioTrafficEntry): void {
    const run = this.activeRun();
    if (!run) return;
    if (!isServiceEntry(entry) && run.provisioningLeft.has(entry.function)) {
      run.held.push({ functionName: entry.function, send: () => this.submitTrafficNow(run, entry) });
      this.changed();
      return;
    }
    this.submitTrafficNow(run, entry);
  }

  private submitTrafficNow(run: Run, entry: ScenarioTrafficEntry): void {
    const shift = this.sendTime(run, entry.at) - entry.at;
    const started: ScenarioTrafficEntry =
      entry.type !== 's3' && entry.type !== 'sns' && entry.type !== 'eventbridge' && entry.pattern === 'spike'
        ? { ...entry, at: entry.at + shift, spikeAt: entry.spikeAt + shift }
        : { ...entry, at: entry.at + shift };
    const requests = trafficStream(started);
    const count = requests.size;
    this.queueRequests(run, requests);
    run.sent.push(
      isServiceEntry(started)
        ? { at: started.at, functionName: '', event: undefined, source: DEFAULT_SOURCE, count, entry: started }
        : {
            at: started.at,
            functionName: started.function,
            event: started.event,
            source: started.source ?? DEFAULT_SOURCE,
            count,
            invoker: started.invoker ?? 'direct',
            entry: started,
          },
    );
    this.changed();
  }

  submitSequential(functionName: string, event: unknown, notBefore: number, source = DEFAULT_SOURCE): void {
    const run = this.activeRun();
    if (!run) return;
    run.sequentialQueue.push({ functionName, event, notBefore, source });
    this.dispatchSequential(run);
    this.changed();
  }

  advanceTo(time: number): Promise<void> {
    const run = this.activeRun();
    if (!run) return Promise.resolve();
    run.targetMs = Math.max(run.targetMs, time);
    if (this.deferredNotify !== undefined && this.notifyThrottle.due) this.notifyNow();
    // A running drive reads the target on every step, so it also reaches the raised one. One
    // that yielded resumes now rather than waiting for its timer: this call is a new task.
    if (run.driving) {
      run.wake?.();
      return run.drive!;
    }
    run.driving = true;
    run.drive = this.drive(run);
    return run.drive;
  }

  snapshot(): SessionSnapshot {
    if (this.stale) {
      this.cached = this.buildSnapshot();
      this.stale = false;
    }
    return this.cached;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.stopRun();
    this.listeners.clear();
    clearTimeout(this.deferredNotify);
    this.deferredNotify = undefined;
  }

  /**
   * Steps the simulation until every event up to the target time is processed. It runs
   * synchronously until the first step that needs handler code or until a time slice is used
   * up. So when no handler had to run and the steps were quick, a caller sees the snapshot
   * advanced as soon as `advanceTo` returns. A long stretch of steps (thousands of throttled
   * requests, say) yields to the event loop every few milliseconds.
   */
  private async drive(run: Run): Promise<void> {
    try {
      await this.stepUntilTarget(run);
    } finally {
      run.driving = false;
    }
  }

  private async stepUntilTarget(run: Run): Promise<void> {
    const { sim } = run;
    const slice = new TimeSlice(undefined, this.options.now);
    for (;;) {
      if (run.pendingIndex < run.pending.length) {
        let drained: boolean;
        try {
          drained = this.submitPending(run, slice);
        } catch (error) {
          run.error = `The run could not start: ${messageOf(error)}`;
          this.changed();
          return;
        }
        if (!drained) {
          await slice.yield(new Promise<void>((resolve) => (run.wake = resolve)));
          run.wake = undefined;
          if (this.run !== run) return;
          continue;
        }
      }
      const next = sim.nextEventTime();
      if (next === undefined || next > run.targetMs) {
        run.processedMs = Math.max(run.processedMs, run.targetMs);
        break;
      }
      if (slice.spent) {
        this.invalidate();
        this.notifySoon();
        await slice.yield(new Promise<void>((resolve) => (run.wake = resolve)));
        run.wake = undefined;
        if (this.run !== run) return;
        continue;
      }
      const { executions, disposed } = sim.step(run.targetMs);
      run.processedMs = Math.max(run.processedMs, next);
      for (const envId of disposed) run.executor.dispose(envId);

      if (executions.length > 0) {
        run.executing = true;
        this.invalidate();
        this.notifySoon();
        let results: ExecutionResult[];
        try {
          results = await Promise.all(executions.map((execution) => execute(run.executor, execution)));
        } catch (error) {
          if (this.run !== run) return;
          run.executing = false;
          run.error = `The sandbox failed while running handler code, so this run stopped: ${messageOf(error)} Invoke again to start a fresh run.`;
          this.changed();
          return;
        }
        if (this.run !== run) return;
        // Executors in workers settle from a message event, so this continuation is a new task.
        slice.restart();
        executions.forEach((execution, i) => sim.resolve(execution.executionId, results[i]!));
        run.executing = false;
      }
      this.finishSequential(run);
    }
    this.invalidate();
    this.notifySoon();
  }

  /** Queues `requests` for submission, and submits a small batch at once. */
  private queueRequests(run: Run, requests: RequestStream): void {
    const earliest = requests.peekTime();
    if (earliest === undefined) return;
    run.pending.push(requests);
    run.pendingEarliestMs = Math.min(run.pendingEarliestMs, earliest);
    let left = 0;
    for (let i = run.pendingIndex; i < run.pending.length; i++) left += run.pending[i]!.size;
    if (left <= SUBMIT_AT_ONCE) this.submitPending(run);
  }

  /**
   * Submits the queued requests in order, all of them, or with `slice` until it is spent.
   * Returns whether none is left.
   */
  private submitPending(run: Run, slice?: TimeSlice): boolean {
    const { pending } = run;
    while (run.pendingIndex < pending.length) {
      const stream = pending[run.pendingIndex]!;
      for (let i = 0; i < SUBMIT_CHUNK; i++) {
        const request = stream.next();
        if (request === undefined) break;
        run.sim.submit(request);
      }
      if (stream.size === 0) run.pendingIndex++;
      if (slice?.spent && run.pendingIndex < pending.length) return false;
    }
    pending.length = 0;
    run.pendingIndex = 0;
    run.pendingEarliestMs = Number.POSITIVE_INFINITY;
    return true;
  }

  /** Sends the next queued sequential request when no earlier one is waiting for its response. */
  private dispatchSequential(run: Run): void {
    if (run.sequentialInFlight !== undefined) return;
    const request = run.sequentialQueue[0];
    if (!request || run.provisioningLeft.has(request.functionName)) return;
    run.sequentialQueue.shift();
    const time = this.sendTime(run, request.notBefore);
    this.submitPending(run);
    run.sequentialInFlight = run.sim.submit({
      at: time,
      functionName: request.functionName,
      event: request.event,
      source: request.source,
    });
    this.record(run, { at: time, functionName: request.functionName, event: request.event, source: request.source, count: 1 });
  }

  /**
   * Looks in the new trace events for the response the sequential client waits for, and for
   * the end of provisioned INITs, which releases the requests held for them.
   */
  private finishSequential(run: Run): void {
    const trace = run.sim.trace;
    let released = false;
    for (let i = run.scannedEvents; i < trace.length; i++) {
      if (run.sequentialInFlight === undefined && run.provisioningLeft.size === 0) break;
      const event = trace[i]!;
      // The client has its response when the invocation ends, or at once when it is throttled.
      if ((event.type === 'invoke-end' || event.type === 'throttled') && event.requestId === run.sequentialInFlight) {
        run.sequentialInFlight = undefined;
        this.dispatchSequential(run);
      } else if (event.type === 'env-created' && event.provisioned) {
        run.provisioningEnvs.add(event.envId);
      } else if (event.type === 'init-end' && run.provisioningEnvs.delete(event.envId)) {
        const left = (run.provisioningLeft.get(event.functionName) ?? 1) - 1;
        if (left > 0) run.provisioningLeft.set(event.functionName, left);
        else {
          run.provisioningLeft.delete(event.functionName);
          released = true;
        }
      }
    }
    run.scannedEvents = trace.length;
    if (released) this.releaseHeld(run);
  }

  /** Sends the held requests whose function's provisioned environments are all ready now. */
  private releaseHeld(run: Run): void {
    const waiting = run.held.splice(0);
    for (const request of waiting) {
      if (run.provisioningLeft.has(request.functionName)) run.held.push(request);
      else request.send();
    }
    this.dispatchSequential(run);
  }

  /** Returns when a person's request goes out: not before the processed time, and after any event processed at it. */
  private sendTime(run: Run, requested: number): number {
    const time = Math.max(requested, run.processedMs);
    return time <= run.sim.now && run.sim.trace.length > 0 ? run.sim.now + AFTER_PROCESSED_MS : time;
  }

  private record(run: Run, request: SentRequest): void {
    const last = run.sent[run.sent.length - 1];
    if (
      last &&
      last.at === request.at &&
      last.functionName === request.functionName &&
      last.source === request.source &&
      last.event === request.event
    ) {
      run.sent[run.sent.length - 1] = { ...last, count: last.count + 1 };
    } else {
      run.sent.push(request);
    }
  }

  private activeRun(): Run | undefined {
    const run = this.run;
    return run && run.error === undefined ? run : undefined;
  }

  private stopRun(): void {
    const run = this.run;
    this.run = undefined;
    if (!run) return;
    try {
      void Promise.resolve(run.executor.close?.()).catch(() => undefined);
    } catch {
      // Closing a broken executor can throw; the run is being dropped either way.
    }
  }

  /** Marks the snapshot out of date and calls the listeners at once, as a person's actions need. */
  private changed(): void {
    this.invalidate();
    this.notifyNow();
  }

  private invalidate(): void {
    this.version++;
    this.stale = true;
  }

  /**
   * Calls the listeners now, or, when the last notification was expensive (the store's views
   * of a large trace), once the throttle allows it. The page stays responsive while a large run
   * simulates, and its views update a few times a second.
   */
  private notifySoon(): void {
    // Each notification copies the trace for the store, and copies of a long trace make work
    // for the garbage collector that the throttle does not see, so they are spaced by its length.
    this.notifyThrottle.minGapMs = (this.run?.sim.trace.length ?? 0) / TRACE_EVENTS_PER_GAP_MS;
    if (this.notifyThrottle.due) {
      this.notifyNow();
      return;
    }
    this.deferredNotify ??= setTimeout(() => {
      this.deferredNotify = undefined;
      this.notifySoon();
    }, this.notifyThrottle.waitMs);
  }

  private notifyNow(): void {
    clearTimeout(this.deferredNotify);
    this.deferredNotify = undefined;
    this.notifyThrottle.run(() => {
      for (const listener of this.listeners) listener();
    });
  }

  private buildSnapshot(): SessionSnapshot {
    const run = this.run;
    if (!run) return { ...EMPTY_SNAPSHOT, version: this.version, error: this.loadError };
    // The snapshot shares the simulation's trace up to its length now, so it never changes
    // after it is taken, and a long trace is not copied for every notification.
    const trace: TracePrefix = { events: run.sim.trace, length: run.sim.trace.length };
    return {
      trace,
      version: this.version,
      now: run.processedMs,
      nextEventTime: nextEventTimeOf(run),
      executing: run.executing,
      error: run.error,
      loaded: true,
      sent: run.sent.slice(),
      pendingSequential: run.sequentialQueue.length + (run.sequentialInFlight === undefined ? 0 : 1),
    };
  }
}

/** Returns the time of the run's next event, counting the requests not yet submitted. */
function nextEventTimeOf(run: Run): number | undefined {
  const scheduled = run.sim.nextEventTime();
  if (run.pendingIndex >= run.pending.length) return scheduled;
  return Math.min(scheduled ?? Number.POSITIVE_INFINITY, run.pendingEarliestMs);
}

function execute(executor: Executor, execution: ExecutionRequest): Promise<ExecutionResult> {
  return execution.kind === 'init' ? executor.init(execution) : executor.invoke(execution);
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
