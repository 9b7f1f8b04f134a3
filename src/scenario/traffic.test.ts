import { describe, expect, it } from 'vitest';
import { trafficEntrySchema } from './traffic-schema';
import { expandTrafficEntry, trafficArrivalTimes, trafficRequestCount } from './traffic';
import { validateScenario } from './validate';
import { accountOf, toSimulationSettings, toRequests } from './to-engine';

const parse = (entry: unknown) => trafficEntrySchema.parse(entry);
const CODE = 'export const handler = async () => 1;';

describe('traffic patterns', () => {
  it('sends count requests at once by default', () => {
    const entry = parse({ at: 5, function: 'f', count: 3 });
    expect(trafficArrivalTimes(entry)).toEqual([5, 5, 5]);
    expect(expandTrafficEntry(entry)[0]).toEqual({ at: 5, functionName: 'f', event: {}, source: 'scenario', invoker: 'direct' });
  });

  it('spaces a constant rate evenly', () => {
    const entry = parse({ pattern: 'constant', at: 1000, function: 'f', ratePerSecond: 4, durationMs: 1000 });
    expect(trafficArrivalTimes(entry)).toEqual([1000, 1250, 1500, 1750]);
    expect(trafficRequestCount(entry)).toBe(4);
  });

  it('ramps the rate linearly', () => {
    const entry = parse({ pattern: 'ramp', at: 0, function: 'f', fromRatePerSecond: 0, toRatePerSecond: 100, durationMs: 10_000 });
    const times = trafficArrivalTimes(entry);
    expect(times).toHaveLength(500);
    expect(trafficRequestCount(entry)).toBe(500);
    // Half the time gives a quarter of the requests of a ramp from 0.
    expect(times.filter((time) => time < 5000)).toHaveLength(125);
    expect(times.every((time, i) => i === 0 || time > times[i - 1]!)).toBe(true);
    expect(times.at(-1)).toBeLessThan(10_000);
  });

  it('treats a flat ramp as a constant rate', () => {
    const ramp = parse({ pattern: 'ramp', at: 0, function: 'f', fromRatePerSecond: 10, toRatePerSecond: 10, durationMs: 1000 });
    const constant = parse({ pattern: 'constant', at: 0, function: 'f', ratePerSecond: 10, durationMs: 1000 });
    expect(trafficArrivalTimes(ramp)).toEqual(trafficArrivalTimes(constant));
  });

  it('adds a spike on top of the base rate', () => {
    const entry = parse({
      pattern: 'spike',
      at: 0,
      function: 'f',
      ratePerSecond: 2,
      durationMs: 2000,
      spikeAt: 500,
      spikeRatePerSecond: 10,
      spikeDurationMs: 200,
      invoker: 'api-gateway',
    });
    expect(trafficArrivalTimes(entry)).toEqual([0, 500, 500, 600, 1000, 1500]);
    expect(trafficRequestCount(entry)).toBe(6);
    expect(expandTrafficEntry(entry).every((request) => 'invoker' in request && request.invoker === 'api-gateway')).toBe(true);
  });

  it('merges entries in time order for the engine', () => {
    const result = validateScenario({
      version: 1,
      functions: [{ name: 'f', code: CODE }],
      traffic: [
        { pattern: 'constant', at: 0, function: 'f', ratePerSecond: 2, durationMs: 1000, source: 'load' },
        { at: 250, function: 'f' },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(toRequests(result.scenario).map((request) => [request.at, request.source])).toEqual([
      [0, 'load'],
      [250, 'scenario'],
      [500, 'load'],
    ]);
  });
});

describe('traffic validation', () => {
  const scenarioWith = (traffic: unknown[], functions: unknown[] = [{ name: 'f', code: CODE }]) =>
    validateScenario({ version: 1, functions, traffic });
  const messages = (result: ReturnType<typeof validateScenario>) => (result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`));

  it('names an unknown pattern', () => {
    expect(messages(scenarioWith([{ pattern: 'wave', at: 0, function: 'f' }]))[0]).toContain(
      'Traffic pattern "wave" is not offered. Choose one of "at-once", "constant", "ramp", "spike"',
    );
  });

  it('rejects a spike outside its base window', () => {
    const spike = { pattern: 'spike', at: 0, function: 'f', ratePerSecond: 1, durationMs: 1000, spikeAt: 900, spikeRatePerSecond: 5, spikeDurationMs: 500 };
    expect(messages(scenarioWith([spike]))[0]).toBe(
      'traffic[0].spikeAt: The spike from 900 ms for 500 ms does not lie within the base window from 0 to 1000 ms. Move or shorten it.',
    );
  });

  it('rejects more than a million requests', () => {
    const flood = { pattern: 'constant', at: 0, function: 'f', ratePerSecond: 100_000, durationMs: 20_000 };
    expect(messages(scenarioWith([flood]))[0]).toContain('The traffic sends 2,000,000 requests, more than the 1,000,000');
  });

  it('rejects a rate of 0 for a constant pattern', () => {
    expect(messages(scenarioWith([{ pattern: 'constant', at: 0, function: 'f', ratePerSecond: 0, durationMs: 10 }]))[0]).toContain(
      'ratePerSecond 0 is invalid',
    );
  });
});

describe('concurrency validation', () => {
  const withFunctions = (functions: unknown[], account: unknown = {}) =>
    validateScenario({ version: 1, settings: { account }, functions });
  const issues = (result: ReturnType<typeof validateScenario>) => (result.ok ? [] : result.issues);

  it('gives AWS message for reservations beyond the unreserved minimum', () => {
    const [issue] = issues(
      withFunctions([
        { name: 'a', code: CODE, reservedConcurrency: 500 },
        { name: 'b', code: CODE, reservedConcurrency: 450 },
      ]),
    );
    expect(issue!.path).toBe('functions[1].reservedConcurrency');
    expect(issue!.message).toBe(
      "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100]. " +
        'Function "b" reserves 450 and the functions before it 500, but the account limit of 1,000 must keep 100 unreserved. Reserve at most 400, or raise the account limit.',
    );
  });

  it('uses the account minimum in the message', () => {
    const [issue] = issues(withFunctions([{ name: 'a', code: CODE, reservedConcurrency: 1 }], { concurrencyLimit: 10, unreservedMinimum: 10 }));
    expect(issue!.message).toContain('below its minimum value of [10].');
  });

  it('rejects provisioned above reserved concurrency', () => {
    const [issue] = issues(withFunctions([{ name: 'a', code: CODE, reservedConcurrency: 2, provisionedConcurrency: 3 }]));
    expect(issue!.path).toBe('functions[0].provisionedConcurrency');
    expect(issue!.message).toMatch(/^Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function\./);
  });

  it('rejects unreserved provisioned concurrency that eats the minimum', () => {
    const [issue] = issues(withFunctions([{ name: 'a', code: CODE, provisionedConcurrency: 950 }]));
    expect(issue!.message).toMatch(/^Specified ConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of \[100\]\./);
    expect(issue!.message).toContain('Provision at most 900.');
  });

  it('accepts reserved 0 and fills the account defaults', () => {
    const result = withFunctions([{ name: 'a', code: CODE, reservedConcurrency: 0 }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.settings.account).toEqual({ concurrencyLimit: 1000, unreservedMinimum: 100, scaling: 'per-function' });
    expect(result.scenario.settings.provisionedAllocationSeconds).toBe(60);
    expect(result.scenario.functions[0]!.provisionedConcurrency).toBe(0);
  });

  it('rejects an unreserved minimum above the limit', () => {
    const [issue] = issues(withFunctions([{ name: 'a', code: CODE }], { concurrencyLimit: 10, unreservedMinimum: 50 }));
    expect(issue!.path).toBe('settings.account.unreservedMinimum');
    expect(issue!.message).toBe('Unreserved minimum 50 is greater than the account concurrency limit 10. Set it to at most the limit.');
  });
});

describe('account settings for the engine', () => {
  const scenarioIn = (settings: Record<string, unknown>) => {
    const result = validateScenario({ version: 1, settings, functions: [{ name: 'f', code: CODE }] });
    if (!result.ok) throw new Error(result.issues[0]!.message);
    return result.scenario;
  };

  it('takes the older burst from the Region unless given', () => {
    expect(accountOf(scenarioIn({ region: 'eu-central-1', account: { scaling: 'account-burst' } })).scaling).toEqual({
      kind: 'account-burst',
      burst: 1000,
    });
    expect(accountOf(scenarioIn({ region: 'sa-east-1', account: { scaling: 'account-burst' } })).scaling).toEqual({
      kind: 'account-burst',
      burst: 500,
    });
    expect(accountOf(scenarioIn({ account: { scaling: 'account-burst', burstConcurrency: 500 } })).scaling).toEqual({
      kind: 'account-burst',
      burst: 500,
    });
  });

  it('converts the allocation delay to ms', () => {
    expect(toSimulationSettings(scenarioIn({ provisionedAllocationSeconds: 90 })).provisionedAllocationMs).toBe(90_000);
  });
});
