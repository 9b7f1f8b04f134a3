import { describe, expect, it } from 'vitest';
import { concurrencyAt, concurrencySeries, ConcurrencySeriesBuilder } from './concurrency-series';
import { Simulation } from './simulation';
import { testFunction, testSettings } from './testing/fixtures';
import { runScripted, ScriptedExecutor } from './testing/scripted-executor';
import { explainThrottle } from './throttle-explanation';
import { eventsOfType } from './testing/trace-queries';

function simulate(submit: (sim: Simulation) => void, functions = [testFunction(), testFunction({ name: 'other' })]) {
  const sim = new Simulation(functions, testSettings({ provisionedAllocationMs: 0 }));
  submit(sim);
  const second = { invoke: () => ({ durationMs: 1000 }) };
  runScripted(sim, new ScriptedExecutor({ fn: second, other: second }));
  return sim.trace;
}

describe('concurrencySeries', () => {
  const trace = simulate((sim) => {
    for (let i = 0; i < 3; i++) sim.submit({ at: 0, functionName: 'fn', event: {} });
    sim.submit({ at: 100, functionName: 'other', event: {} });
    sim.submit({ at: 5000, functionName: 'fn', event: {} });
  });
  const series = concurrencySeries(trace);

  it('steps up with each request and down with each invoke-end', () => {
    const fn = series.functions.get('fn')!;
    // The three cold starts end as their INITs, of different lengths, allow.
    expect(fn.busy.slice(0, 4)).toEqual([3, 2, 1, 0]);
    expect(fn.times[0]).toBe(0);
    expect(concurrencyAt(fn, 4000)).toBe(0);
    expect(fn.max).toBe(3);
    expect(concurrencyAt(fn, 5000)).toBe(1);
    expect(concurrencyAt(fn, -1)).toBe(0);
  });

  it('adds the functions up for the account', () => {
    expect(series.account.max).toBe(4);
    expect(concurrencyAt(series.account, 200)).toBe(4);
    expect(series.account.busy.at(-1)).toBe(0);
  });

  it('keeps times ascending with one point per change', () => {
    const { times, busy } = series.account;
    expect(times.every((time, i) => i === 0 || time > times[i - 1]!)).toBe(true);
    expect(busy.every((value, i) => i === 0 || value !== busy[i - 1])).toBe(true);
  });

  it('gives the same series when read in pieces', () => {
    const builder = new ConcurrencySeriesBuilder();
    for (let end = 0; end <= trace.length; end += 7) builder.update(trace.slice(0, end));
    builder.update(trace);
    expect(builder.result.account).toMatchObject({ times: series.account.times, busy: series.account.busy });
  });

  it('leaves idle provisioned environments out', () => {
    const provisioned = simulate(() => {}, [testFunction({ provisionedConcurrency: 2 })]);
    expect(concurrencySeries(provisioned).account.max).toBe(0);
  });
});

describe('explainThrottle', () => {
  it('names the reserved limit and the 429', () => {
    const trace = simulate((sim) => sim.submit({ at: 0, functionName: 'fn', event: {} }), [testFunction({ reservedConcurrency: 0 })]);
    const [event] = eventsOfType(trace, 'throttled');
    const text = explainThrottle(event!);
    expect(text).toContain('reserved concurrency 0');
    expect(text).toContain('HTTP 429 TooManyRequestsException');
  });

  it('names the 500 an API Gateway client receives', () => {
    const trace = simulate(
      (sim) => sim.submit({ at: 0, functionName: 'fn', event: {}, invoker: 'api-gateway' }),
      [testFunction({ reservedConcurrency: 0 })],
    );
    expect(explainThrottle(eventsOfType(trace, 'throttled')[0]!)).toContain('HTTP 500 {"message":"Internal server error"}');
  });

  it('names the unreserved pool and keeps the function name as written', () => {
    const text = explainThrottle({
      type: 'throttled',
      time: 0,
      requestId: 'r',
      functionName: 'Api',
      invoker: 'direct',
      reason: 'ConcurrentInvocationLimitExceeded',
      errorType: 'TooManyRequestsException',
      statusCode: 429,
      responseJson: '{}',
      limit: 900,
      concurrency: 900,
    });
    expect(text).toContain('all 900 of the unreserved pool');
    expect(text).toContain('function "Api"');
  });

  it('states the scaling rule of the model', () => {
    const event = {
      type: 'throttled',
      time: 0,
      requestId: 'r',
      functionName: 'fn',
      invoker: 'direct',
      reason: 'ScalingRateExceeded',
      errorType: 'TooManyRequestsException',
      statusCode: 429,
      responseJson: '{}',
      limit: 500,
      concurrency: 500,
    } as const;
    expect(explainThrottle(event)).toContain('1,000 environments per 10 seconds');
    expect(explainThrottle(event, { kind: 'account-burst', burst: 500 })).toContain('burst of 500 new environments');
  });
});
