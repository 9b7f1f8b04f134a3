/**
 * A run at scale with real handler code: 100,000 requests to one function, ramping from 0 to
 * 1,000 a second over 20 s and then holding 1,000 a second for 90 s. The handler awaits a 1 s
 * sleep (simulated time), so the function scales out to about 1,000 concurrent environments.
 * The engine drives the Node sandbox (worker_threads) through the same loop as the headless
 * runner. It prints the wall-clock time against the 30 s target, events per second, and how
 * the time splits between the engine and waiting on the sandbox.
 *
 *   npx tsx bench/scale.bench.ts
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createNodeExecutor } from '../src/driver/node-executor.node.ts';
import type { ExecutionResult, Executor } from '../src/engine/execution';
import { runSimulation } from '../src/engine/run';
import { Simulation } from '../src/engine/simulation';
import { summarize } from '../src/engine/summary';
import { concurrencySeries } from '../src/engine/concurrency-series';
import { scenarioSchema } from '../src/scenario/schema';
import { toFunctionConfig, toSimulationSettings, toRequests } from '../src/scenario/to-engine';

const TARGET_SECONDS = 30;

const scenario = scenarioSchema.parse({
  version: 1,
  name: 'Scale to 1,000 environments',
  seed: 3,
  settings: { account: { concurrencyLimit: 3000 } },
  functions: [
    {
      name: 'api',
      memoryMb: 256,
      code: `let served = 0;
export const handler = async (event) => {
  served += 1;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return { statusCode: 200, body: JSON.stringify({ served, n: event.n }) };
};`,
    },
  ],
  traffic: [
    { pattern: 'ramp', at: 0, function: 'api', fromRatePerSecond: 0, toRatePerSecond: 1000, durationMs: 20_000, event: { n: 1 } },
    { pattern: 'constant', at: 20_000, function: 'api', ratePerSecond: 1000, durationMs: 90_000, event: { n: 2 } },
  ],
});

/** Wraps an executor to measure the wall-clock time spent waiting for it. */
function timed(executor: Executor): { executor: Executor; waitMs: () => number } {
  let waitMs = 0;
  let inFlight = 0;
  let since = 0;
  const track = async <T extends ExecutionResult>(call: Promise<T>): Promise<T> => {
    if (inFlight++ === 0) since = performance.now();
    try {
      return await call;
    } finally {
      if (--inFlight === 0) waitMs += performance.now() - since;
    }
  };
  return {
    executor: {
      init: (request) => track(executor.init(request)),
      invoke: (request) => track(executor.invoke(request)),
      dispose: (envId) => executor.dispose(envId),
    },
    waitMs: () => waitMs,
  };
}

const functions = scenario.functions.map(toFunctionConfig);
const settings = toSimulationSettings(scenario);
const requests = toRequests(scenario);
console.log(`Node ${process.version} on ${cpus()[0]?.model ?? 'an unknown CPU'} (${cpus().length} cores)`);

const pool = createNodeExecutor();
const { executor, waitMs } = timed(pool);
const start = performance.now();
const sim = new Simulation(functions, settings);
for (const request of requests) sim.submit(request);
const outcome = await runSimulation(sim, executor);
const seconds = (performance.now() - start) / 1000;
await pool.close();

const summary = summarize(sim.trace, functions, settings);
const [api] = summary.functions;
const seriesStart = performance.now();
const series = concurrencySeries(sim.trace);
const seriesMs = performance.now() - seriesStart;
const format = (n: number) => Math.round(n).toLocaleString('en-US');

console.log(
  `${format(requests.length)} requests: ${format(api!.invocations)} invocations, ${format(api!.throttles)} throttled, ` +
    `${format(api!.environmentsCreated)} environments, max concurrency ${format(series.account.max)}`,
);
console.log(`${format(sim.processedEvents)} events in ${format(outcome.steps)} steps; ${format(sim.trace.length)} trace events`);
console.log(`simulated ${(summary.endTimeMs / 1000).toFixed(1)} s in ${seconds.toFixed(2)} s of wall-clock time`);
console.log(`waiting on the sandbox: ${(waitMs() / 1000).toFixed(2)} s; engine and loop: ${(seconds - waitMs() / 1000).toFixed(2)} s`);
console.log(`events/s: ${format(sim.processedEvents / seconds)}`);
console.log(`concurrency series of the whole trace: ${seriesMs.toFixed(1)} ms`);
console.log(`ratio to the ${TARGET_SECONDS} s target: ${(seconds / TARGET_SECONDS).toFixed(2)} (below 1 meets it)`);
