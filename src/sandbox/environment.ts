/**
 * One execution environment: its virtual clock, its seeded random source, the log lines it is
 * collecting, and the globals its module uses in place of the real ones.
 */
import type { EnvironmentSpec, LogLine } from '../protocol/sandbox-api';
import { SeededRandom } from '../lib/random';
import { VirtualClock } from './clock';
import { createConsole, type LogLevel } from './console';
import { createCrypto } from './crypto';
import { usesLegacyClient } from './errors';
import { createIntl } from './intl';
import { createNavigator, fetch, WebSocket } from './node-globals';
import { createVirtualDate } from './virtual-date';

const toIsoString = Date.prototype.toISOString;
const NativeDate = Date;

/** The names the prelude binds in the user's module, in the order they are destructured. */
export const BINDING_NAMES = [
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
  'Date',
  'performance',
  'console',
  'Math',
  'process',
  'Intl',
  'crypto',
  'navigator',
  'fetch',
  'WebSocket',
] as const;

export type BindingName = (typeof BINDING_NAMES)[number];
export type Bindings = Record<BindingName, unknown>;

export class Environment {
  readonly clock: VirtualClock;
  /** Simulated time INIT started; `performance.now()` and `process.uptime()` count from it. */
  readonly startedAt: number;
  /** The request ID the runtime writes into log lines; `undefined` or `-` before the first invoke. */
  logRequestId: string;
  private logs: LogLine[] = [];
  readonly bindings: Bindings;
  /** The exported handler, once INIT found it. */
  handler: ((...args: unknown[]) => unknown) | undefined;
  /** The user module's URL, while it is registered for stack rewriting. */
  moduleUrl: string | undefined;

  constructor(
    readonly spec: EnvironmentSpec,
    startTime: number,
  ) {
    this.clock = new VirtualClock(startTime);
    this.startedAt = startTime;
    this.logRequestId = usesLegacyClient(spec.runtime) ? 'undefined' : '-';
    this.bindings = this.createBindings();
  }

  /** Wall-clock milliseconds since 1970 at the current simulated time. */
  wallClockMs(): number {
    return this.spec.epochMs + this.clock.now;
  }

  /** Writes a line in the runtime's text format: `<ISO time>\t<requestId>\t<LEVEL>\t<message>`. */
  writeLine(level: LogLevel, message: string): void {
    const time = toIsoString.call(new NativeDate(this.wallClockMs()));
    this.logs.push({
      time: this.clock.now,
      text: `${time}\t${this.logRequestId}\t${level}\t${message}`,
    });
  }

  writeRaw(text: string): void {
    this.logs.push({ time: this.clock.now, text });
  }

  /** Returns the lines written since the last call and starts a new batch. */
  takeLogs(): LogLine[] {
    const logs = this.logs;
    this.logs = [];
    return logs;
  }

  private createBindings(): Bindings {
    const clock = this.clock;
    const spec = this.spec;
    const random = new SeededRandom(spec.seed);
    const sinceStart = () => clock.now - this.startedAt;

    const math = Object.create(Math, {
      random: { value: () => random.next(), writable: true, configurable: true },
    }) as Math;

    const performance = {
      timeOrigin: spec.epochMs + this.startedAt,
      now: () => sinceStart(),
      toJSON() {
        return { timeOrigin: performance.timeOrigin };
      },
    };

    return {
      setTimeout: (callback: unknown, delay?: unknown, ...args: unknown[]) =>
        clock.schedule(callback, delay, args, false),
      setInterval: (callback: unknown, delay?: unknown, ...args: unknown[]) =>
        clock.schedule(callback, delay, args, true),
      setImmediate: (callback: unknown, ...args: unknown[]) =>
        clock.scheduleImmediate(callback, args),
      clearTimeout: (handle: unknown) => clock.clear(handle),
      clearInterval: (handle: unknown) => clock.clear(handle),
      clearImmediate: (handle: unknown) => clock.clear(handle),
      Date: createVirtualDate(() => this.wallClockMs()),
      performance,
      console: createConsole({
        line: (level, message) => this.writeLine(level, message),
        raw: (text) => this.writeRaw(text),
        now: sinceStart,
      }),
      Math: math,
      process: createProcess(spec, sinceStart),
      Intl: createIntl(spec.runtime),
      crypto: createCrypto(spec.seed),
      navigator: createNavigator(spec),
      fetch,
      WebSocket,
    };
  }
}

/** Lambda's environment variables for this function, as the runtime sets them. */
export function lambdaEnvironmentVariables(spec: EnvironmentSpec): Record<string, string> {
  return {
    AWS_LAMBDA_FUNCTION_NAME: spec.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_LOG_GROUP_NAME: spec.logGroupName,
    AWS_LAMBDA_LOG_STREAM_NAME: spec.logStreamName,
    // NOTE: environments created for provisioned concurrency report `provisioned-concurrency`;
    // the environment spec does not say which kind this is yet.
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_REGION: spec.region,
    AWS_DEFAULT_REGION: spec.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${spec.runtime}`,
    AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9001',
    _HANDLER: spec.handler,
    LAMBDA_TASK_ROOT: '/var/task',
    LAMBDA_RUNTIME_DIR: '/var/runtime',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
  };
}

/**
 * Creates a small `process`: `env`, `platform`, `arch`, `cwd()`, `uptime()`, `hrtime()` and
 * `hrtime.bigint()` on the virtual clock, and `nextTick`, which queues a microtask.
 */
function createProcess(spec: EnvironmentSpec, sinceStartMs: () => number) {
  const nanoseconds = () => BigInt(Math.round(sinceStartMs() * 1e6));
  const hrtime = (previous?: [number, number]): [number, number] => {
    let total = nanoseconds();
    if (previous) total -= BigInt(previous[0]) * 1_000_000_000n + BigInt(previous[1]);
    return [Number(total / 1_000_000_000n), Number(total % 1_000_000_000n)];
  };
  hrtime.bigint = nanoseconds;
  return {
    env: lambdaEnvironmentVariables(spec),
    platform: 'linux',
    arch: spec.architecture === 'arm64' ? 'arm64' : 'x64',
    cwd: () => '/var/task',
    uptime: () => sinceStartMs() / 1000,
    hrtime,
    nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => {
      queueMicrotask(() => callback(...args));
    },
  };
}
