import { describe, expect, it } from 'vitest';
import {
  endLine,
  formatMs,
  functionArn,
  initReportErrorLine,
  initStartLine,
  isoTime,
  logStreamName,
  reportLine,
  runtimeVersionArn,
  startLine,
  timeoutError,
  timeoutLine,
} from './platform-logs';
import { SeededRandom } from '../lib/random';

const REQUEST_ID = '8f5e6c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b';

describe('platform log lines', () => {
  it('formats durations with two decimals', () => {
    expect(formatMs(12.344)).toBe('12.34');
    expect(formatMs(1000)).toBe('1000.00');
    expect(formatMs(0.004)).toBe('0.00');
    expect(formatMs(0.996)).toBe('1.00');
    expect(formatMs(7.5)).toBe('7.50');
  });

  it('formats exactly as toFixed(2), half-way cases included', () => {
    const random = new SeededRandom(11);
    const samples = [1.005, 0.145, 2.675, 1.115, 10.235, 0.125, 123456.785, 0, 1e-9];
    for (let i = 0; i < 20_000; i++) samples.push(random.uniform(0, 2000), Math.round(random.uniform(0, 200_000)) / 200);
    for (const ms of samples) expect(formatMs(ms)).toBe(ms.toFixed(2));
  });

  it('START and END lines', () => {
    expect(startLine(REQUEST_ID)).toBe(`START RequestId: ${REQUEST_ID} Version: $LATEST`);
    expect(endLine(REQUEST_ID)).toBe(`END RequestId: ${REQUEST_ID}`);
  });

  it('REPORT line of a warm invocation', () => {
    const line = reportLine({
      requestId: REQUEST_ID,
      durationMs: 12.344,
      billedDurationMs: 13,
      memoryMb: 128,
      status: { kind: 'ok' },
    });
    expect(line).toBe(
      `REPORT RequestId: ${REQUEST_ID}\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB`,
    );
  });

  it('REPORT line of a cold invocation has Init Duration', () => {
    const line = reportLine({
      requestId: REQUEST_ID,
      durationMs: 2.5,
      billedDurationMs: 143,
      memoryMb: 512,
      initDurationMs: 140.123,
      status: { kind: 'ok' },
    });
    expect(line).toBe(
      `REPORT RequestId: ${REQUEST_ID}\tDuration: 2.50 ms\tBilled Duration: 143 ms\tMemory Size: 512 MB\tInit Duration: 140.12 ms`,
    );
  });

  it('REPORT line of a timeout ends with Status', () => {
    const line = reportLine({
      requestId: REQUEST_ID,
      durationMs: 1000,
      billedDurationMs: 1000,
      memoryMb: 128,
      status: { kind: 'timeout' },
    });
    expect(line.endsWith('\tMemory Size: 128 MB\tStatus: timeout')).toBe(true);
    expect(line).toContain('\tDuration: 1000.00 ms\t');
  });

  it('REPORT line of a failed INIT', () => {
    const line = reportLine({
      requestId: REQUEST_ID,
      durationMs: 0,
      billedDurationMs: 151,
      memoryMb: 128,
      initDurationMs: 150.79,
      status: { kind: 'error', errorType: 'Runtime.UserCodeSyntaxError' },
    });
    expect(line.endsWith('\tInit Duration: 150.79 ms\tStatus: error\tError Type: Runtime.UserCodeSyntaxError')).toBe(
      true,
    );
  });

  it('INIT_START line', () => {
    const arn = runtimeVersionArn('us-east-1', 'nodejs:22.v60', 'x86_64');
    expect(initStartLine('nodejs:22.v60', arn)).toBe(
      `INIT_START Runtime Version: nodejs:22.v60\tRuntime Version ARN: ${arn}`,
    );
    expect(arn).toMatch(/^arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/);
    expect(runtimeVersionArn('us-east-1', 'nodejs:22.v60', 'x86_64')).toBe(arn);
    expect(runtimeVersionArn('us-east-1', 'nodejs:22.v60', 'arm64')).not.toBe(arn);
  });

  it('INIT_REPORT line of a failed INIT', () => {
    expect(initReportErrorLine(150.789, 'Runtime.ImportModuleError')).toBe(
      'INIT_REPORT Init Duration: 150.79 ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError',
    );
  });

  it('timeout line and error', () => {
    const time = isoTime(Date.UTC(2026, 7, 22, 12, 0, 0), 3000);
    expect(time).toBe('2026-08-22T12:00:03.000Z');
    expect(timeoutLine(time, REQUEST_ID, 3000)).toBe(
      `2026-08-22T12:00:03.000Z ${REQUEST_ID} Task timed out after 3.00 seconds`,
    );
    expect(timeoutError(REQUEST_ID, 1000)).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${REQUEST_ID} Error: Task timed out after 1.00 seconds`,
      trace: [],
    });
  });

  it('log stream name has the date and 32 hex digits', () => {
    const name = logStreamName(Date.UTC(2026, 0, 31, 23, 59, 59), 2000, new SeededRandom(1));
    expect(name).toMatch(/^2026\/02\/01\/\[\$LATEST\][0-9a-f]{32}$/);
  });

  it('function ARN', () => {
    expect(functionArn('eu-west-1', '123456789012', 'orders')).toBe(
      'arn:aws:lambda:eu-west-1:123456789012:function:orders',
    );
  });
});
