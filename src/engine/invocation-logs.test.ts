/** The CloudWatch lines built from an invocation's invoke-end, in order and with their times. */
import { describe, expect, it } from 'vitest';
import type { LogLine } from './execution';
import { invocationLogLines } from './platform-logs';
import { Simulation } from './simulation';
import { testFunction, testSettings } from './testing/fixtures';
import { runScripted, ScriptedExecutor, type FunctionScript } from './testing/scripted-executor';
import { eventsOfType, invokeEndOf } from './testing/trace-queries';

const chatty: FunctionScript = {
  init: (context) => {
    context.log('loading config');
    return undefined;
  },
  initMs: 25,
  invoke: (event, _state, context) => {
    context.log('handling');
    context.log('done', 9);
    return { durationMs: (event as { ms: number }).ms, response: { ok: true } };
  },
};

function setup(timeoutMs = 3_000) {
  const sim = new Simulation([testFunction({ timeoutMs })], testSettings());
  const executor = new ScriptedExecutor({ fn: chatty });
  return { sim, executor };
}

/** The first word of each platform line; the level column of the runtime's lines; `timeout` for the timeout line. */
function kinds(logs: readonly LogLine[]): string[] {
  return logs.map((line) => {
    if (line.text.includes('\tINFO\t')) return 'INFO';
    if (line.text.includes('\tERROR\t')) return 'ERROR';
    if (line.text.includes(' Task timed out after ')) return 'timeout';
    return line.text.split(/[ \t]/)[0]!;
  });
}

function isSorted(times: number[]): boolean {
  return times.every((time, i) => i === 0 || time >= times[i - 1]!);
}

describe('invocation logs', () => {
  it('a cold invocation logs INIT_START, INIT output, START, handler lines, END, REPORT', () => {
    const { sim, executor } = setup();
    const id = sim.submit({ at: 0, functionName: 'fn', event: { ms: 12.344 } });
    runScripted(sim, executor, 10_000);
    const end = invokeEndOf(sim.trace, id);
    expect(kinds(invocationLogLines(end))).toEqual(['INIT_START', 'INFO', 'START', 'INFO', 'INFO', 'END', 'REPORT']);
    expect(invocationLogLines(end)[0]!.text).toMatch(
      /^INIT_START Runtime Version: nodejs:22\.v60\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/,
    );
    expect(invocationLogLines(end)[2]!.text).toBe(`START RequestId: ${id} Version: $LATEST`);
    expect(invocationLogLines(end)[5]!.text).toBe(`END RequestId: ${id}`);
    const duration = end.durationMs.toFixed(2);
    const init = end.initDurationMs!.toFixed(2);
    expect(invocationLogLines(end)[6]!.text).toBe(
      `REPORT RequestId: ${id}\tDuration: ${duration} ms\tBilled Duration: ${end.billedDurationMs} ms\tMemory Size: 128 MB\tInit Duration: ${init} ms`,
    );
    expect(isSorted(invocationLogLines(end).map((line) => line.time))).toBe(true);
  });

  it('platform lines carry the times of their phases', () => {
    const { sim, executor } = setup();
    const id = sim.submit({ at: 0, functionName: 'fn', event: { ms: 100 } });
    runScripted(sim, executor, 10_000);
    const [initStart] = eventsOfType(sim.trace, 'init-start');
    const [invokeStart] = eventsOfType(sim.trace, 'invoke-start');
    const end = invokeEndOf(sim.trace, id);
    expect(invocationLogLines(end)[0]!.time).toBe(initStart!.time);
    expect(invocationLogLines(end)[2]!.time).toBe(invokeStart!.time);
    expect(invocationLogLines(end)[5]!.time).toBe(end.time);
    expect(invocationLogLines(end)[6]!.time).toBe(end.time);
  });

  it('the init-end event carries INIT_START and the INIT output', () => {
    const { sim, executor } = setup();
    sim.submit({ at: 0, functionName: 'fn', event: { ms: 1 } });
    runScripted(sim, executor, 10_000);
    const [initEnd] = eventsOfType(sim.trace, 'init-end');
    expect(kinds(initEnd!.logs)).toEqual(['INIT_START', 'INFO']);
    expect(initEnd!.logs[1]!.text).toContain('\tundefined\tINFO\tloading config');
  });

  it('a warm invocation has no INIT lines and no Init Duration', () => {
    const { sim, executor } = setup();
    sim.submit({ at: 0, functionName: 'fn', event: { ms: 1 } });
    runScripted(sim, executor, 10_000);
    const id = sim.submit({ at: 10_000, functionName: 'fn', event: { ms: 7.5 } });
    runScripted(sim, executor, 20_000);
    const end = invokeEndOf(sim.trace, id);
    expect(kinds(invocationLogLines(end))).toEqual(['START', 'INFO', 'INFO', 'END', 'REPORT']);
    expect(invocationLogLines(end)[4]!.text).toBe(
      `REPORT RequestId: ${id}\tDuration: 7.50 ms\tBilled Duration: 8 ms\tMemory Size: 128 MB`,
    );
  });

  it('a timeout logs the timeout line before END and Status in REPORT', () => {
    const { sim, executor } = setup(1_000);
    sim.submit({ at: 0, functionName: 'fn', event: { ms: 1 } });
    runScripted(sim, executor, 10_000);
    const id = sim.submit({ at: 10_000, functionName: 'fn', event: { ms: 3_000 } });
    runScripted(sim, executor, 20_000);
    const end = invokeEndOf(sim.trace, id);
    expect(kinds(invocationLogLines(end))).toEqual(['START', 'INFO', 'INFO', 'timeout', 'END', 'REPORT']);
    expect(invocationLogLines(end)[3]!.text).toBe(`2026-08-22T12:00:11.000Z ${id} Task timed out after 1.00 seconds`);
    expect(invocationLogLines(end)[5]!.text).toBe(
      `REPORT RequestId: ${id}\tDuration: 1000.00 ms\tBilled Duration: 1000 ms\tMemory Size: 128 MB\tStatus: timeout`,
    );
  });

  it('a failed INIT logs INIT_REPORT and an error Status', () => {
    const sim = new Simulation([testFunction()], testSettings());
    const executor = new ScriptedExecutor({
      fn: {
        init: () => {
          throw new SyntaxError('Unexpected end of input');
        },
        invoke: () => ({}),
      },
    });
    const id = sim.submit({ at: 0, functionName: 'fn', event: {} });
    runScripted(sim, executor, 10_000);
    const end = invokeEndOf(sim.trace, id);
    expect(kinds(invocationLogLines(end))).toEqual(['INIT_START', 'ERROR', 'INIT_REPORT', 'START', 'END', 'REPORT']);
    expect(invocationLogLines(end)[1]!.text).toContain('\tundefined\tERROR\tUncaught Exception \t{"errorType":"SyntaxError"');
    expect(invocationLogLines(end)[2]!.text).toBe(
      `INIT_REPORT Init Duration: ${end.initDurationMs!.toFixed(2)} ms\tPhase: init\tStatus: error\tError Type: SyntaxError`,
    );
    expect(invocationLogLines(end)[5]!.text.endsWith('\tStatus: error\tError Type: SyntaxError')).toBe(true);
    expect(invocationLogLines(end)[5]!.text).toContain('\tDuration: 0.00 ms\t');
  });

  it('a handler error has no Status in REPORT', () => {
    const sim = new Simulation([testFunction()], testSettings());
    const executor = new ScriptedExecutor({
      fn: {
        invoke: () => {
          throw new Error('boom');
        },
      },
    });
    const id = sim.submit({ at: 0, functionName: 'fn', event: {} });
    runScripted(sim, executor, 10_000);
    const end = invokeEndOf(sim.trace, id);
    expect(invocationLogLines(end).some((line) => line.text.includes('\tERROR\tInvoke Error \t{"errorType":"Error"'))).toBe(true);
    expect(invocationLogLines(end)[invocationLogLines(end).length - 1]!.text).not.toContain('Status');
  });
});
