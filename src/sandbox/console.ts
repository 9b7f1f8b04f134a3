/**
 * The `console` that user code calls. As in the Lambda Node.js runtime, `log`, `info`, `debug`,
 * `warn`, `error`, `trace` and `fatal` write one CloudWatch line each with a level
 * (`console.trace` prints no stack there); the other methods behave as Node's `Console`, so
 * `dir` writes raw lines and `count`, `time`, `assert` and `group` go through `log` or `warn`.
 */
import { format } from './format';
import { inspect } from './inspect';

export type LogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';

export interface ConsoleSink {
  /** Writes one runtime-formatted line: `<time>\t<requestId>\t<LEVEL>\t<message>`. */
  line(level: LogLevel, message: string): void;
  /** Writes text straight to stdout, as Node's own console does for `console.dir`. */
  raw(text: string): void;
  /** Simulated milliseconds, for `console.time`. */
  now(): number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const pad = (value: number | string) => String(value).padStart(2, '0');

/** Formats a `console.timeEnd` duration as Node does: `12.5ms`, `1.500s`, `1:02.000 (m:ss.mmm)`. */
export function formatDuration(ms: number): string {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= SECOND) {
    if (ms >= MINUTE) {
      if (ms >= HOUR) {
        hours = Math.floor(ms / HOUR);
        ms %= HOUR;
      }
      minutes = Math.floor(ms / MINUTE);
      ms %= MINUTE;
    }
    seconds = ms / SECOND;
  }
  if (hours !== 0 || minutes !== 0) {
    const [whole, fraction] = seconds.toFixed(3).split('.');
    const prefix = hours !== 0 ? `${hours}:${pad(minutes)}` : String(minutes);
    return `${prefix}:${pad(whole!)}.${fraction} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

export function createConsole(sink: ConsoleSink): Console {
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();
  const levelWriter =
    (level: LogLevel) =>
    (...args: unknown[]): void => {
      // The runtime calls util.format(message, ...params), so a bare call prints `undefined`.
      sink.line(level, format(...(args.length === 0 ? [undefined] : args)));
    };

  const log = levelWriter('INFO');
  const warn = levelWriter('WARN');
  const timeLog = (label: string, data?: unknown[]): void => {
    const start = timers.get(label);
    if (start === undefined) return;
    const formatted = formatDuration(sink.now() - start);
    if (data === undefined) log('%s: %s', label, formatted);
    else log('%s: %s', label, formatted, ...data);
  };

  const methods = {
    log,
    info: log,
    debug: levelWriter('DEBUG'),
    warn,
    error: levelWriter('ERROR'),
    trace: levelWriter('TRACE'),
    fatal: levelWriter('FATAL'),
    dir(value: unknown, options?: object) {
      for (const text of inspect(value, { customInspect: false, ...options }).split('\n')) {
        sink.raw(text);
      }
    },
    // NOTE: Node draws a box table for tabular data; this writes the value as console.log does.
    table: log,
    assert(condition: unknown, ...args: unknown[]) {
      if (condition) return;
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${String(args[0])}`}`;
      warn(...args);
    },
    count(label: unknown = 'default') {
      const key = `${String(label)}`;
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      log(`${key}: ${count}`);
    },
    countReset(label: unknown = 'default') {
      counts.delete(`${String(label)}`);
    },
    time(label: unknown = 'default') {
      const key = `${String(label)}`;
      if (!timers.has(key)) timers.set(key, sink.now());
    },
    timeEnd(label: unknown = 'default') {
      const key = `${String(label)}`;
      timeLog(key);
      timers.delete(key);
    },
    timeLog(label: unknown = 'default', ...data: unknown[]) {
      timeLog(`${String(label)}`, data);
    },
    group(...data: unknown[]) {
      if (data.length > 0) log(...data);
    },
    groupCollapsed(...data: unknown[]) {
      if (data.length > 0) log(...data);
    },
    groupEnd() {},
  };
  return methods as unknown as Console;
}
