/** Concurrency limits, scaling and provisioned concurrency, checked against AWS's documented behaviour. */
import { describe, expect, it } from 'vitest';
import type { AccountSettings, FunctionConfig, SimulationSettings } from './model';
import { Simulation } from './simulation';
import { testFunction, testSettings } from './testing/fixtures';
import { runScripted, ScriptedExecutor, type FunctionScript } from './testing/scripted-executor';
import { eventsOfType } from './testing/trace-queries';
import type { TraceEvent } from './trace';

const oneSecond: FunctionScript = { invoke: () => ({ durationMs: 1000, response: 'ok' }) };

function account(overrides: Partial<AccountSettings> = {}): AccountSettings {
  return { concurrencyLimit: 1000, unreservedMinimum: 100, scaling: { kind: 'per-function' }, ...overrides };
}

function run(
  functions: FunctionConfig[],
  settings: Partial<SimulationSettings>,
  submit: (sim: Simulation) => void,
  scripts: Record<string, FunctionScript> = Object.fromEntries(functions.map((fn) => [fn.name, oneSecond])),
): readonly TraceEvent[] {
  const sim = new Simulation(functions, testSettings(settings));
  submit(sim);
  runScripted(sim, new ScriptedExecutor(scripts, { recordCalls: false }));
  return sim.trace;
}

function burst(sim: Simulation, count: number, at = 0, functionName = 'fn', invoker?: 'direct' | 'api-gateway'): void {
  for (let i = 0; i < count; i++) sim.submit({ at, functionName, event: {}, invoker });
}

describe('reserved concurrency', () => {
  it('0 throttles every request with 429 and creates no environment', () => {
    const trace = run([testFunction({ reservedConcurrency: 0 })], {}, (sim) => burst(sim, 3));
    const throttles = eventsOfType(trace, 'throttled');
    expect(throttles).toHaveLength(3);
    for (const event of throttles) {
      expect(event.reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
      expect(event.statusCode).toBe(429);
      expect(event.errorType).toBe('TooManyRequestsException');
      expect(JSON.parse(event.responseJson)).toEqual({
        Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
        Type: 'User',
        message: 'Rate Exceeded.',
      });
      expect(event).toMatchObject({ limit: 0, concurrency: 0 });
    }
    expect(eventsOfType(trace, 'env-created')).toHaveLength(0);
    expect(eventsOfType(trace, 'invoke-end')).toHaveLength(0);
  });

  it('5 of 20 simultaneous requests run and 15 are throttled', () => {
    const trace = run([testFunction({ reservedConcurrency: 5, timeoutMs: 5000 })], {}, (sim) => burst(sim, 20));
    expect(eventsOfType(trace, 'invoke-end')).toHaveLength(5);
    const throttles = eventsOfType(trace, 'throttled');
    expect(throttles).toHaveLength(15);
    expect(new Set(throttles.map((event) => event.reason))).toEqual(new Set(['ReservedFunctionConcurrentInvocationLimitExceeded']));
    expect(throttles.every((event) => event.limit === 5 && event.concurrency === 5)).toBe(true);
    expect(throttles.every((event) => event.time === 0)).toBe(true);
  });

  it('is a ceiling that warm reuse respects too', () => {
    // Two requests at 0 make two environments; at 1.5 s both are idle and four requests arrive.
    const trace = run([testFunction({ reservedConcurrency: 2, timeoutMs: 5000 })], {}, (sim) => {
      burst(sim, 2, 0);
      burst(sim, 4, 5000);
    });
    expect(eventsOfType(trace, 'env-created')).toHaveLength(2);
    expect(eventsOfType(trace, 'throttled')).toHaveLength(2);
    expect(eventsOfType(trace, 'invoke-start').filter((event) => !event.cold)).toHaveLength(2);
  });

  it('through API Gateway the client receives 500', () => {
    const trace = run([testFunction({ reservedConcurrency: 0 })], {}, (sim) => burst(sim, 1, 0, 'fn', 'api-gateway'));
    const [event] = eventsOfType(trace, 'throttled');
    expect(event).toMatchObject({ invoker: 'api-gateway', statusCode: 500, responseJson: '{"message":"Internal server error"}' });
    expect(eventsOfType(trace, 'request-received')[0]!.invoker).toBe('api-gateway');
  });
});

describe('account concurrency', () => {
  it('functions without reserved concurrency share what reservations leave', () => {
    const functions = [testFunction({ name: 'kept', reservedConcurrency: 4 }), testFunction({ name: 'shared', timeoutMs: 5000 })];
    const trace = run(functions, { account: account({ concurrencyLimit: 10, unreservedMinimum: 2 }) }, (sim) => {
      burst(sim, 8, 0, 'shared');
      burst(sim, 4, 0, 'kept');
    });
    const throttles = eventsOfType(trace, 'throttled');
    expect(throttles).toHaveLength(2);
    expect(throttles.every((event) => event.functionName === 'shared')).toBe(true);
    expect(throttles[0]).toMatchObject({ reason: 'ConcurrentInvocationLimitExceeded', limit: 6, concurrency: 6 });
    expect(eventsOfType(trace, 'invoke-end').filter((event) => event.functionName === 'kept')).toHaveLength(4);
  });

  it('rejects reservations that leave less than the unreserved minimum', () => {
    const functions = [testFunction({ name: 'a', reservedConcurrency: 600 }), testFunction({ name: 'b', reservedConcurrency: 350 })];
    expect(() => new Simulation(functions, testSettings())).toThrow(
      "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].",
    );
  });

  it('rejects provisioned concurrency above reserved concurrency', () => {
    const functions = [testFunction({ reservedConcurrency: 2, provisionedConcurrency: 3 })];
    expect(() => new Simulation(functions, testSettings())).toThrow(
      'Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function.',
    );
  });

  it('rejects a function update that breaks the rules and keeps the old configuration', () => {
    const sim = new Simulation([testFunction({ name: 'a' }), testFunction({ name: 'b' })], testSettings());
    expect(() => sim.updateFunction(testFunction({ name: 'b', reservedConcurrency: 950 }))).toThrow(/minimum value of \[100\]/);
  });
});

describe('provisioned concurrency', () => {
  const ready = { provisionedAllocationMs: 0 };

  it('initialises its environments before traffic, without a request', () => {
    const trace = run([testFunction({ provisionedConcurrency: 2 })], { provisionedAllocationMs: 60_000 }, () => {});
    const created = eventsOfType(trace, 'env-created');
    expect(created).toHaveLength(2);
    expect(created.every((event) => event.provisioned === true && event.requestId === undefined && event.time === 60_000)).toBe(true);
    const inits = eventsOfType(trace, 'init-start');
    expect(inits).toHaveLength(2);
    expect(inits.every((event) => event.requestId === undefined)).toBe(true);
    expect(eventsOfType(trace, 'init-end').every((event) => event.error === undefined)).toBe(true);
    // Never reclaimed for idling, however long the run.
    expect(eventsOfType(trace, 'env-reclaimed')).toHaveLength(0);
  });

  it('serves 2 of 5 requests warm and spills 3 over to cold on-demand environments', () => {
    const trace = run([testFunction({ provisionedConcurrency: 2, timeoutMs: 5000 })], ready, (sim) => burst(sim, 5, 10_000));
    const starts = eventsOfType(trace, 'invoke-start');
    expect(starts).toHaveLength(5);
    const provisioned = starts.filter((event) => event.provisioned);
    expect(provisioned).toHaveLength(2);
    expect(provisioned.every((event) => !event.cold && !event.spillover)).toBe(true);
    const spillover = starts.filter((event) => event.spillover);
    expect(spillover).toHaveLength(3);
    expect(spillover.every((event) => event.cold && !event.provisioned)).toBe(true);
    expect(eventsOfType(trace, 'invoke-end').filter((event) => event.provisioned)).toHaveLength(2);
  });

  it('counts against reserved concurrency while idle', () => {
    const trace = run([testFunction({ reservedConcurrency: 3, provisionedConcurrency: 2, timeoutMs: 5000 })], ready, (sim) =>
      burst(sim, 5, 10_000),
    );
    expect(eventsOfType(trace, 'invoke-start')).toHaveLength(3);
    const throttles = eventsOfType(trace, 'throttled');
    expect(throttles).toHaveLength(2);
    expect(throttles[0]).toMatchObject({ limit: 3, concurrency: 3 });
  });

  it('sends requests to on-demand environments until allocation is done', () => {
    const trace = run([testFunction({ provisionedConcurrency: 1 })], { provisionedAllocationMs: 60_000 }, (sim) => burst(sim, 1, 0));
    const [start] = eventsOfType(trace, 'invoke-start');
    expect(start).toMatchObject({ cold: true, provisioned: false, spillover: false });
  });

  it('allocates again for a new version and retires the old environments', () => {
    const sim = new Simulation([testFunction({ provisionedConcurrency: 1 })], testSettings({ provisionedAllocationMs: 0 }));
    const executor = new ScriptedExecutor({ fn: oneSecond });
    runScripted(sim, executor, 5000);
    sim.updateFunction(testFunction({ provisionedConcurrency: 1, code: 'export const handler = async () => 2;' }));
    runScripted(sim, executor, 10_000);
    const created = eventsOfType(sim.trace, 'env-created');
    expect(created.map((event) => event.envId)).toEqual(['fn#1', 'fn#2']);
    expect(eventsOfType(sim.trace, 'env-reclaimed')).toMatchObject([{ envId: 'fn#1', reason: 'code-updated' }]);
  });
});

/** Environments created at or before each time. */
function environmentsBy(trace: readonly TraceEvent[], times: readonly number[]): number[] {
  const created = eventsOfType(trace, 'env-created').map((event) => event.time);
  return times.map((time) => created.filter((at) => at <= time).length);
}

describe('scaling rate', () => {
  // Requests at 500 a second, each running 20 s, with an account limit of 5,000.
  const longRunning: FunctionScript = { invoke: () => ({ durationMs: 20_000 }) };
  function steadyLoad(settings: Partial<SimulationSettings>, seconds: number): readonly TraceEvent[] {
    return run(
      [testFunction({ timeoutMs: 60_000 })],
      { account: account({ concurrencyLimit: 5000 }), ...settings },
      (sim) => {
        for (let i = 0; i < seconds * 500; i++) sim.submit({ at: i * 2, functionName: 'fn', event: {} });
      },
      { fn: longRunning },
    );
  }

  it('adds about 1,000 environments at once, then about 100 a second per function', () => {
    const trace = steadyLoad({}, 18);
    const [at1s, at5s, at10s, at15s] = environmentsBy(trace, [999, 5000, 10_000, 15_000]);
    expect(at1s).toBe(500);
    expect(at5s).toBeGreaterThanOrEqual(1480);
    expect(at5s).toBeLessThanOrEqual(1510);
    expect(at10s).toBeGreaterThanOrEqual(1980);
    expect(at10s).toBeLessThanOrEqual(2010);
    expect(at15s! - at10s!).toBeGreaterThanOrEqual(490);
    expect(at15s! - at10s!).toBeLessThanOrEqual(510);
    const throttles = eventsOfType(trace, 'throttled');
    expect(throttles.length).toBeGreaterThan(5000);
    expect(new Set(throttles.map((event) => event.reason))).toEqual(new Set(['ScalingRateExceeded']));
    expect(throttles[0]).toMatchObject({ limit: 1000 });
  });

  it('with the account-wide burst of 500, reaches 500, then adds about 500 a minute', () => {
    const trace = steadyLoad({ account: account({ concurrencyLimit: 5000, scaling: { kind: 'account-burst', burst: 500 } }) }, 70);
    const [at1s, at30s, at60s] = environmentsBy(trace, [1000, 30_000, 60_000]);
    expect(at1s).toBeGreaterThanOrEqual(500);
    expect(at1s).toBeLessThanOrEqual(510);
    expect(at30s).toBeGreaterThanOrEqual(740);
    expect(at30s).toBeLessThanOrEqual(760);
    expect(at60s).toBeGreaterThanOrEqual(985);
    expect(at60s).toBeLessThanOrEqual(1010);
  });

  it('reuses idle environments without using the scaling allowance', () => {
    const trace = run([testFunction()], {}, (sim) => {
      burst(sim, 1000, 0);
      burst(sim, 1000, 5000);
    });
    expect(eventsOfType(trace, 'env-created')).toHaveLength(1000);
    expect(eventsOfType(trace, 'throttled')).toHaveLength(0);
  });
});

describe('determinism with throttles', () => {
  it('gives the same trace for the same seed', () => {
    const once = () =>
      run([testFunction({ reservedConcurrency: 3, provisionedConcurrency: 1 })], { provisionedAllocationMs: 0 }, (sim) => {
        for (let i = 0; i < 40; i++) sim.submit({ at: i * 150, functionName: 'fn', event: { i } });
      });
    expect(JSON.stringify(once())).toBe(JSON.stringify(once()));
  });
});
