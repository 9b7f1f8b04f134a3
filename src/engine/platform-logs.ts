/**
 * The lines Lambda itself writes to a function's CloudWatch log stream (INIT_START, START, END,
 * REPORT, INIT_REPORT and the timeout line), in the text format AWS prints them. The handler's
 * own `console` lines and the runtime's `Invoke Error` line come from the sandbox, not from here.
 */
import type { LambdaError, LogLine } from './execution';
import type { InvokeEnded } from './trace';
import type { SeededRandom } from '../lib/random';

/** The outcome of an invocation, as far as the REPORT line shows it. */
export type ReportStatus =
  | { readonly kind: 'ok' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'error'; readonly errorType: string };

export interface ReportFields {
  readonly requestId: string;
  readonly durationMs: number;
  readonly billedDurationMs: number;
  readonly memoryMb: number;
  /** Set on a cold invocation only. */
  readonly initDurationMs?: number | undefined;
  readonly status: ReportStatus;
}

/**
 * Formats milliseconds with two decimals, as AWS prints Duration and Init Duration. The digits
 * are those of `ms.toFixed(2)`, which is the slow part of writing a REPORT line, so `toFixed`
 * runs only for values within float error of a rounding boundary.
 */
export function formatMs(ms: number): string {
  const scaled = ms * 100;
  const hundredths = Math.round(scaled);
  if (!(ms >= 0 && hundredths < 1e15) || Math.abs(Math.abs(scaled - hundredths) - 0.5) < 1e-6) return ms.toFixed(2);
  const whole = Math.floor(hundredths / 100);
  const fraction = hundredths - whole * 100;
  return `${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}

/** Formats a timeout in seconds with two decimals, as in `Task timed out after 3.00 seconds`. */
export function formatTimeoutSeconds(timeoutMs: number): string {
  return (timeoutMs / 1000).toFixed(2);
}

export function initStartLine(runtimeVersion: string, runtimeVersionArn: string): string {
  return `INIT_START Runtime Version: ${runtimeVersion}\tRuntime Version ARN: ${runtimeVersionArn}`;
}

/** Formats the line Lambda writes when INIT fails. After a successful INIT, Init Duration goes into REPORT instead. */
export function initReportErrorLine(initDurationMs: number, errorType: string): string {
  return `INIT_REPORT Init Duration: ${formatMs(initDurationMs)} ms\tPhase: init\tStatus: error\tError Type: ${errorType}`;
}

export function startLine(requestId: string): string {
  return `START RequestId: ${requestId} Version: $LATEST`;
}

export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

/**
 * Formats the REPORT line. AWS adds `Status` only when the platform ended the invocation: a
 * timeout, or a failed INIT with its `Error Type`. A handler that throws gets no Status field.
 * NOTE: AWS also prints `Max Memory Used`. The playground cannot measure a handler's memory,
 * so the field is left out rather than invented.
 */
export function reportLine(fields: ReportFields): string {
  // Joined in one go: a trace keeps one REPORT line per invocation, and a flat string is less
  // than half the size of the chain of pieces that `+` would leave behind.
  const parts = [
    'REPORT RequestId: ',
    fields.requestId,
    '\tDuration: ',
    formatMs(fields.durationMs),
    ' ms\tBilled Duration: ',
    String(fields.billedDurationMs),
    ' ms\tMemory Size: ',
    String(fields.memoryMb),
    ' MB',
  ];
  if (fields.initDurationMs !== undefined) parts.push('\tInit Duration: ', formatMs(fields.initDurationMs), ' ms');
  if (fields.status.kind === 'timeout') parts.push('\tStatus: timeout');
  if (fields.status.kind === 'error') parts.push('\tStatus: error\tError Type: ', fields.status.errorType);
  return parts.join('');
}

/**
 * Builds an invocation's whole CloudWatch output from its invoke-end event: on a cold start
 * the INIT output (INIT_START, the module's lines, INIT_REPORT when INIT failed), then START,
 * the lines written during INVOKE with the timeout line, END and REPORT. The engine records
 * only the lines it cannot derive, so a trace stays small and fast to write; this function
 * adds Lambda's own lines when someone reads them.
 */
export function invocationLogLines(event: InvokeEnded): LogLine[] {
  const { requestId } = event;
  const lines: LogLine[] = event.initLogs === undefined ? [] : [...event.initLogs];
  // Traces recorded before `startTime` existed: the invocation started Duration before it ended.
  const startTime = event.startTime ?? event.time - event.durationMs;
  lines.push({ time: startTime, text: startLine(requestId) });
  for (const line of event.logs) lines.push(line);
  lines.push({ time: event.time, text: endLine(requestId) });
  lines.push({
    time: event.time,
    text: reportLine({
      requestId,
      durationMs: event.durationMs,
      billedDurationMs: event.billedDurationMs,
      memoryMb: event.memoryMb,
      initDurationMs: event.initDurationMs,
      status: reportStatusOf(event),
    }),
  });
  return lines;
}

const STATUS_OK: ReportStatus = { kind: 'ok' };
const STATUS_TIMEOUT: ReportStatus = { kind: 'timeout' };

function reportStatusOf(event: InvokeEnded): ReportStatus {
  if (event.outcome === 'timeout') return STATUS_TIMEOUT;
  if (event.initFailed && event.error) return { kind: 'error', errorType: event.error.errorType };
  return STATUS_OK;
}

/** The line Lambda writes when it stops a handler at the function timeout. */
export function timeoutLine(isoTime: string, requestId: string, timeoutMs: number): string {
  return `${isoTime} ${requestId} Task timed out after ${formatTimeoutSeconds(timeoutMs)} seconds`;
}

/** The error a synchronous caller receives when the function times out. */
export function timeoutError(requestId: string, timeoutMs: number): LambdaError {
  return {
    errorType: 'Sandbox.Timedout',
    errorMessage: `RequestId: ${requestId} Error: Task timed out after ${formatTimeoutSeconds(timeoutMs)} seconds`,
    trace: [],
  };
}

/** ISO 8601 UTC timestamp of simulated time `time` (ms) in a run that started at `epochMs`. */
export function isoTime(epochMs: number, time: number): string {
  return new Date(epochMs + time).toISOString();
}

/** Makes a log stream name of the form `2026/08/22/[$LATEST]<32 hex digits>`, as Lambda names them. */
export function logStreamName(epochMs: number, time: number, random: SeededRandom): string {
  const date = isoTime(epochMs, time).slice(0, 10).replaceAll('-', '/');
  return `${date}/[$LATEST]${randomHex(random, 4)}`;
}

/**
 * Makes a Runtime Version ARN for the INIT_START line. AWS derives the 64-digit suffix from the
 * runtime build, so this one is a stable made-up digest of the version and architecture.
 */
export function runtimeVersionArn(region: string, runtimeVersion: string, architecture: string): string {
  return `arn:aws:lambda:${region}::runtime:${digestHex(`${runtimeVersion}/${architecture}`)}`;
}

export function functionArn(region: string, accountId: string, functionName: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${functionName}`;
}

function randomHex(random: SeededRandom, words: number): string {
  let hex = '';
  for (let i = 0; i < words; i++) hex += random.nextUint32().toString(16).padStart(8, '0');
  return hex;
}

/** 64 hex digits from eight FNV-1a passes over `text`, each with a different offset basis. */
function digestHex(text: string): string {
  let hex = '';
  for (let round = 0; round < 8; round++) {
    let hash = (0x811c9dc5 ^ Math.imul(round + 1, 0x9e3779b9)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hex += hash.toString(16).padStart(8, '0');
  }
  return hex;
}
