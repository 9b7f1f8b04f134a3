/**
 * Measures asynchronous invocation: 100,000 events sent with InvocationType Event to a
 * function with a dead-letter queue and an on-success destination, against the target of
 * under 30 s. One event in ten fails every attempt, so it runs three times (retries after
 * 60 s and 120 s) and ends in the DLQ; the function's reserved concurrency of 50 is below
 * what the traffic needs at its peak, so the queue grows, throttles send events back with
 * backoff, and the queue drains as capacity frees up.
 *
 * Two figures: the engine alone, with handler results made up on the spot and resolved
 * synchronously; then the same scenario with real handler code in the Node sandbox
 * (worker_threads), as the headless runner runs it.
 *
 *   npx tsx bench/async.bench.ts            # both
 *   npx tsx bench/async.bench.ts engine     # the engine figure only
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createNodeExecutor } from '../src/driver/node-executor.node.ts';
import type { InitResult, InvokeRequest, InvokeResult } from '../src/engine/execution';
import { runSimulation } from '../src/engine/run';
import { Simulation } from '../src/engine/simulation';
import { summarize } from '../src/engine/summary';
import { scenarioSchema, type Scenario } from '../src/scenario/schema';
import { toFunctionConfig, toRequests, toSimulationSettings } from '../src/scenario/to-engine';

const TARGET_SECONDS = 30;
const EVENTS = 100_000;
const RATE_PER_SECOND = 200;

const CODE = `export const handler = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, event.ms));
  if (event.fail) throw new Error('cannot process event ' + event.i);
  return { processed: event.i };
};
`;

function scenario(): Scenario {
  return scenarioSchema.parse({
    version: 1,
    name: 'async benchmark',
    seed: 7,
    functions: [
      {
        name: 'worker',
        code: CODE,
        reservedConcurrency: 50,
        timeoutSeconds: 10,
        async: { deadLetterQueue: { type: 'sqs', name: 'dlq' }, onSuccess: { type: 'sqs', name: 'done' } },
      },
    ],
    queues: [{ name: 'dlq' }, { name: 'done' }],
    // One entry per event: the events differ (duration, failure), so each needs its own.
    traffic: Array.from({ length: EVENTS }, (_, i) => ({
      type: 'async',
      at: Math.floor((i * 1000) / RATE_PER_SECOND),
      function: 'worker',
      event: { i, ms: 100 + ((i * 37) % 300), fail: i % 10 === 0 },
    })),
  });
}

const NO_LOGS: InitResult['logs'] = [];
const INIT_RESULT: InitResult = { kind: 'init', userInitMs: 20, logs: NO_LOGS };

/** Plays the handler: it runs for `event.ms` and fails when `event.fail` is set. */
function invokeResult(request: InvokeRequest): InvokeResult {
  const event = request.event as { i: number; ms: number; fail: boolean };
  if (event.fail) {
    const error = { errorType: 'Error', errorMessage: `cannot process event ${event.i}`, trace: [] };
    return { kind: 'invoke', outcome: 'error', durationMs: event.ms, error, logs: NO_LOGS };
  }
  return { kind: 'invoke', outcome: 'success', durationMs: event.ms, responseJson: `{"processed":${event.i}}`, logs: NO_LOGS };
}

function newSimulation(input: Scenario): Simulation {
  const sim = new Simulation(input.functions.map(toFunctionConfig), toSimulationSettings(input));
  for (const request of toRequests(input)) sim.submit(request);
  return sim;
}

function report(label: string, sim: Simulation, input: Scenario, seconds: number, cpuSeconds: number): void {
  const summary = summarize(sim.trace, input.functions.map(toFunctionConfig), toSimulationSettings(input));
  const fn = summary.functions[0]!;
  const events = summary.async.queued;
  console.log(`${label}: ${events.toLocaleString('en-US')} async events in ${seconds.toFixed(2)} s = ${Math.round(events / seconds).toLocaleString('en-US')} events/s, ${(seconds / TARGET_SECONDS).toFixed(3)} of the ${TARGET_SECONDS} s target`);
  // CPU time of this process (the GC's helper threads included); on a busy machine it is the steadier figure.
  console.log(`  main process CPU ${cpuSeconds.toFixed(2)} s = ${(cpuSeconds / TARGET_SECONDS).toFixed(3)} of the target`);
  console.log(
    `  ${fn.invocations.toLocaleString('en-US')} invocations, ${fn.retries.toLocaleString('en-US')} retries, ${fn.async.throttledAttempts.toLocaleString('en-US')} throttled attempts, ` +
      `${summary.async.succeeded.toLocaleString('en-US')} succeeded, ${summary.async.deadLetterMessages.toLocaleString('en-US')} DLQ messages, max queue depth ${fn.async.maxQueueDepth.toLocaleString('en-US')}, ` +
      `${sim.trace.length.toLocaleString('en-US')} trace events, simulated ${(summary.endTimeMs / 60_000).toFixed(1)} min`,
  );
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function runEngine(input: Scenario): void {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const sim = newSimulation(input);
  for (let next = sim.nextEventTime(); next !== undefined; next = sim.nextEventTime()) {
    for (const execution of sim.step().executions) {
      sim.resolve(execution.executionId, execution.kind === 'init' ? INIT_RESULT : invokeResult(execution));
    }
  }
  report('engine (scripted handlers)', sim, input, (performance.now() - start) / 1000, cpuSince(cpu));
}

async function runReal(input: Scenario): Promise<void> {
  const executor = createNodeExecutor();
  try {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const sim = newSimulation(input);
    await runSimulation(sim, executor);
    report('real handlers (Node sandbox)', sim, input, (performance.now() - start) / 1000, cpuSince(cpu));
  } finally {
    await executor.close();
  }
}

console.log(`Node ${process.version} on ${cpus()[0]?.model ?? 'an unknown CPU'} (${cpus().length} cores)`);
const input = scenario();
runEngine(input);
if (process.argv[2] !== 'engine') await runReal(input);
