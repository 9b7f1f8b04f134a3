import { describe, expect, it } from 'vitest';
import { summarize } from '../engine/summary';
import { scenarioSchema } from '../scenario/schema';
import { toFunctionConfig, toSimulationSettings } from '../scenario/to-engine';
import { TraceBuilder } from '../timeline/testing/trace-builder';
import { costAt, countUpTo, metricsRefreshIntervalMs, runMetrics } from './run-metrics';

const scenario = scenarioSchema.parse({ version: 1, functions: [{ name: 'fn', code: 'export const handler = async () => 1;' }] });

function fiveRunAndTwoThrottled() {
  const builder = new TraceBuilder('fn');
  for (let i = 0; i < 5; i++) builder.cold(0, `fn#${i + 1}`, `req-${i + 1}`, { platform: 100, init: 100, duration: 1000 + i * 100 });
  builder.throttle(0, 'req-6').throttle(0, 'req-7', 'ScalingRateExceeded', 1000);
  return builder.build().sort((a, b) => a.time - b.time);
}

describe('run metrics', () => {
  it('counts invocations, cold starts and throttles by reason', () => {
    const metrics = runMetrics(fiveRunAndTwoThrottled(), 10_000, scenario);
    const fn = metrics.summary.functions[0]!;
    expect(fn.invocations).toBe(5);
    expect(fn.coldStarts).toBe(5);
    expect(fn.throttlesByReason.ReservedFunctionConcurrentInvocationLimitExceeded).toBe(1);
    expect(fn.throttlesByReason.ScalingRateExceeded).toBe(1);
    expect(fn.throttlesByReason.ConcurrentInvocationLimitExceeded).toBe(0);
  });

  it('reads the account concurrency and duration percentiles', () => {
    const metrics = runMetrics(fiveRunAndTwoThrottled(), 10_000, scenario);
    expect(metrics.summary.account.maxConcurrency).toBe(5);
    expect(metrics.accountDurationMs).toEqual({ p50: 1200, p99: 1400 });
  });

  it('stops at the playhead', () => {
    const metrics = runMetrics(fiveRunAndTwoThrottled(), 1250, scenario);
    expect(metrics.summary.functions[0]!.invocations).toBe(1);
    expect(metrics.summary.account.maxConcurrency).toBe(5);
  });

  it('returns the cached result for the same prefix', () => {
    const trace = fiveRunAndTwoThrottled();
    expect(runMetrics(trace, 10_000, scenario)).toBe(runMetrics(trace.slice(), 10_000, scenario));
  });

  it('charges provisioned concurrency up to the playhead', () => {
    const provisioned = scenarioSchema.parse({
      version: 1,
      functions: [{ name: 'fn', code: 'export const handler = async () => 1;', provisionedConcurrency: 1 }],
    });
    const events = new TraceBuilder('fn').provisioned(60_000, 'fn#1', { platform: 100, init: 200 }).build();
    const early = runMetrics(events, 70_000, provisioned).summary.functions[0]!;
    const late = runMetrics(events, 20 * 60_000, provisioned).summary.functions[0]!;
    expect(late.provisionedGbSeconds).toBeGreaterThan(early.provisionedGbSeconds);
  });

  it('matches a fresh summary as the playhead moves both ways', () => {
    const events = fiveRunAndTwoThrottled();
    const prefix = { events, length: events.length };
    const settings = toSimulationSettings(scenario);
    const functions = scenario.functions.map(toFunctionConfig);
    for (const upToMs of [0, 250, 1250, 1500, 10_000, 300, 1400]) {
      const fresh = summarize(events.slice(0, countUpTo(events, upToMs)), functions, settings);
      expect(runMetrics(prefix, upToMs, scenario).summary).toEqual(fresh);
    }
  });

  it('reads a long trace over several calls', () => {
    const events = fiveRunAndTwoThrottled();
    const prefix = { events, length: events.length };
    const fresh = summarize(events, scenario.functions.map(toFunctionConfig), toSimulationSettings(scenario));
    let metrics = runMetrics(prefix, 10_000, scenario, 4);
    expect(metrics.complete).toBe(false);
    expect(metrics.upToMs).toBe(events[3]!.time);
    let calls = 1;
    while (!metrics.complete && calls < 100) {
      metrics = runMetrics(prefix, 10_000, scenario, 4);
      calls++;
    }
    expect(calls).toBe(Math.ceil(events.length / 4));
    expect(metrics.upToMs).toBe(10_000);
    expect(metrics.summary).toEqual(fresh);
  });

  it('keeps an earlier summary as it was', () => {
    const events = fiveRunAndTwoThrottled();
    const early = runMetrics({ events, length: events.length }, 1250, scenario);
    runMetrics({ events, length: events.length }, 10_000, scenario);
    expect(early.summary.functions[0]!.invocations).toBe(1);
  });

  it('counts events up to a time', () => {
    const trace = fiveRunAndTwoThrottled();
    expect(countUpTo(trace, -1)).toBe(0);
    expect(countUpTo(trace, 0)).toBe(trace.filter((event) => event.time === 0).length);
    expect(countUpTo(trace, 1e9)).toBe(trace.length);
  });

  it('refreshes less often as the trace grows', () => {
    expect(metricsRefreshIntervalMs(100)).toBe(250);
    expect(metricsRefreshIntervalMs(50_000)).toBe(1000);
    expect(metricsRefreshIntervalMs(1_000_000)).toBe(2000);
  });
});

describe('cost at each architecture', () => {
  const usage = { invocations: 1_000_000, gbSeconds: 1000, provisionedDurationGbSeconds: 400, provisionedGbSeconds: 3600 };

  it('prices x86_64 usage', () => {
    const cost = costAt(usage, 'x86_64');
    expect(cost.requests).toBeCloseTo(0.2, 10);
    expect(cost.duration).toBeCloseTo(600 * 0.0000166667, 10);
    expect(cost.provisionedDuration).toBeCloseTo(400 * 0.0000097222, 10);
    expect(cost.provisionedConcurrency).toBeCloseTo(3600 * 0.0000041667, 10);
    expect(cost.total).toBeCloseTo(cost.requests + cost.duration + cost.provisionedDuration + cost.provisionedConcurrency, 12);
  });

  it('prices arm64 duration lower', () => {
    expect(costAt(usage, 'arm64').duration).toBeCloseTo(600 * 0.0000133334, 10);
    expect(costAt(usage, 'arm64').requests).toBe(costAt(usage, 'x86_64').requests);
  });
});
