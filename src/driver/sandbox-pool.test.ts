import { describe, expect, it } from 'vitest';
import type { EnvironmentSpec, InitRequest, InitResult, InvokeRequest, InvokeResult } from '../engine/execution';
import type { SandboxApi } from '../protocol/sandbox-api';
import { createSandboxPool, type SandboxWorker } from './sandbox-pool';
import { SandboxError } from './sandbox-errors';

/**
 * A worker double. Handler "code" is a keyword: `hang` never returns (a CPU loop),
 * `hang-init` never finishes INIT, `crash` kills the worker, `garbage` returns a malformed
 * result; anything else counts invocations.
 */
class FakeWorker implements SandboxWorker {
  readonly calls: string[] = [];
  readonly failure: Promise<never>;
  maxInFlight = 0;
  terminated = false;
  private inFlight = 0;
  private readonly modules = new Map<string, { code: string; count: number }>();
  private fail!: (error: SandboxError) => void;

  constructor(
    readonly index: number,
    private readonly starts = true,
  ) {
    this.failure = new Promise<never>((_, reject) => {
      this.fail = reject;
    });
  }

  readonly api: SandboxApi = {
    ready: () => (this.starts ? Promise.resolve(true) : new Promise<true>(() => undefined)),
    init: (request) => this.track(`init ${request.env.envId}`, () => this.init(request)),
    invoke: (request) => this.track(`invoke ${request.envId}`, () => this.invoke(request)),
    dispose: async (envId) => {
      this.calls.push(`dispose ${envId}`);
      this.modules.delete(envId);
    },
  };

  terminate(): void {
    this.terminated = true;
    this.fail(new SandboxError('worker-crashed', 'terminated'));
  }

  private async track<T>(call: string, run: () => Promise<T>): Promise<T> {
    this.calls.push(call);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return await run();
    } finally {
      this.inFlight -= 1;
    }
  }

  private async init(request: InitRequest): Promise<InitResult> {
    if (request.env.code === 'hang-init') return new Promise<InitResult>(() => undefined);
    this.modules.set(request.env.envId, { code: request.env.code, count: 0 });
    return { kind: 'init', userInitMs: 5, logs: [{ time: request.startTime, text: 'init ran' }] };
  }

  private async invoke(request: InvokeRequest): Promise<InvokeResult> {
    const module = this.modules.get(request.envId);
    if (!module) throw new Error(`no environment ${request.envId}`);
    if (module.code === 'hang') return new Promise<InvokeResult>(() => undefined);
    if (module.code === 'crash') {
      this.fail(new SandboxError('worker-crashed', 'out of memory'));
      return new Promise<InvokeResult>(() => undefined);
    }
    if (module.code === 'garbage') return { kind: 'invoke', outcome: 'maybe' } as unknown as InvokeResult;
    module.count += 1;
    return { kind: 'invoke', outcome: 'success', durationMs: 7, responseJson: String(module.count), logs: [] };
  }
}

function spec(envId: string, code = 'count'): EnvironmentSpec {
  return {
    envId,
    functionName: 'fn',
    code,
    handler: 'index.handler',
    runtime: 'nodejs22.x',
    architecture: 'x86_64',
    memoryMb: 128,
    timeoutMs: 3000,
    region: 'us-east-1',
    accountId: '123456789012',
    seed: 1,
    epochMs: Date.UTC(2026, 0, 1),
    logGroupName: '/aws/lambda/fn',
    logStreamName: 'stream',
  };
}

function initRequest(envId: string, code?: string): InitRequest {
  return { kind: 'init', executionId: 1, env: spec(envId, code), startTime: 0 };
}

function invokeRequest(envId: string, startTime = 100): InvokeRequest {
  return {
    kind: 'invoke',
    executionId: 2,
    envId,
    requestId: 'req-1',
    event: {},
    startTime,
    timeoutMs: 3000,
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',
  };
}

function createTestPool(size: number, options: { startsWorkers?: boolean } = {}) {
  const workers: FakeWorker[] = [];
  const pool = createSandboxPool({
    size,
    watchdogMs: 50,
    startupTimeoutMs: 100,
    createWorker: (index) => {
      const worker = new FakeWorker(index, options.startsWorkers ?? true);
      workers.push(worker);
      return worker;
    },
  });
  const live = (index: number): FakeWorker => workers.filter((worker) => worker.index === index).at(-1)!;
  return { pool, workers, live };
}

describe('sandbox pool', () => {
  it('spreads environments over the least loaded workers', async () => {
    const { pool } = createTestPool(3);
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((envId) => pool.init(initRequest(envId))));
    expect(pool.environmentCounts()).toEqual([2, 2, 1]);

    pool.dispose('a');
    pool.dispose('d');
    expect(pool.environmentCounts()).toEqual([0, 2, 1]);

    await pool.init(initRequest('f'));
    expect(pool.environmentCounts()).toEqual([1, 2, 1]);
    await pool.close();
  });

  it('keeps an environment on its worker', async () => {
    const { pool, live } = createTestPool(2);
    await pool.init(initRequest('a'));
    await pool.init(initRequest('b'));

    const first = await pool.invoke(invokeRequest('a'));
    const second = await pool.invoke(invokeRequest('a'));

    expect(first.responseJson).toBe('1');
    expect(second.responseJson).toBe('2');
    expect(live(0).calls).toEqual(['init a', 'invoke a', 'invoke a']);
    expect(live(1).calls).toEqual(['init b']);
    await pool.close();
  });

  it('runs one call at a time per worker', async () => {
    const { pool, workers } = createTestPool(2);
    const envIds = Array.from({ length: 10 }, (_, index) => `env-${index}`);
    await Promise.all(envIds.map((envId) => pool.init(initRequest(envId))));
    await Promise.all(envIds.flatMap((envId) => [pool.invoke(invokeRequest(envId)), pool.invoke(invokeRequest(envId))]));

    for (const worker of workers) expect(worker.maxInFlight).toBe(1);
    await pool.close();
  });

  it('reports a stuck handler as a timeout', async () => {
    const { pool, workers } = createTestPool(1);
    await pool.init(initRequest('stuck', 'hang'));

    const result = await pool.invoke(invokeRequest('stuck'));

    expect(result.outcome).toBe('timeout');
    expect(result.durationMs).toBe(3000);
    expect(result.error?.errorType).toBe('Sandbox.Timedout');
    expect(result.error?.errorMessage).toContain('Task timed out after 3.00 seconds');
    expect(result.error?.errorMessage).toContain('never yielded');
    expect(result.logs.at(-1)?.time).toBe(3100);
    expect(result.logs.at(-1)?.text).toContain('stopped the handler after 0.1 s of real time');
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    await pool.close();
  });

  it('reports a stuck INIT as an INIT timeout', async () => {
    const { pool, workers } = createTestPool(1);

    const result = await pool.init(initRequest('stuck', 'hang-init'));

    expect(result.error?.errorType).toBe('Sandbox.Timedout');
    expect(result.error?.errorMessage).toContain('INIT timed out after 10.00 seconds');
    expect(result.userInitMs).toBe(10_000);
    expect(result.logs[0]?.text).toContain("stopped the module's top-level code");
    expect(workers[0]!.terminated).toBe(true);
    await pool.close();
  });

  it('restarts environments lost with a stopped worker', async () => {
    const { pool, live } = createTestPool(1);
    await pool.init(initRequest('warm'));
    await pool.invoke(invokeRequest('warm'));
    await pool.init(initRequest('stuck', 'hang'));
    await pool.invoke(invokeRequest('stuck'));

    const result = await pool.invoke(invokeRequest('warm', 500));

    expect(result.outcome).toBe('success');
    expect(result.responseJson).toBe('1');
    expect(result.logs[0]?.text).toContain('restarted this environment');
    expect(result.logs[0]?.time).toBe(500);
    expect(result.logs[1]?.text).toBe('init ran');
    expect(live(0).calls).toEqual(['init warm', 'invoke warm']);

    const next = await pool.invoke(invokeRequest('warm'));
    expect(next.responseJson).toBe('2');
    expect(next.logs).toEqual([]);
    await pool.close();
  });

  it('rejects a crashed worker call and recovers', async () => {
    const { pool, workers } = createTestPool(1);
    await pool.init(initRequest('boom', 'crash'));
    await pool.init(initRequest('fine'));

    const crashed = pool.invoke(invokeRequest('boom'));

    await expect(crashed).rejects.toBeInstanceOf(SandboxError);
    await expect(crashed).rejects.toMatchObject({ code: 'worker-crashed' });
    expect(workers).toHaveLength(2);
    const after = await pool.invoke(invokeRequest('fine'));
    expect(after.outcome).toBe('success');
    await pool.close();
  });

  it('rejects a malformed result', async () => {
    const { pool } = createTestPool(1);
    await pool.init(initRequest('odd', 'garbage'));

    await expect(pool.invoke(invokeRequest('odd'))).rejects.toMatchObject({ code: 'malformed-result' });
    await pool.close();
  });

  it('rejects an unknown environment', async () => {
    const { pool } = createTestPool(1);

    await expect(pool.invoke(invokeRequest('nobody'))).rejects.toMatchObject({ code: 'unknown-environment' });
    await pool.close();
  });

  it('rejects calls when a worker never starts', async () => {
    const { pool } = createTestPool(1, { startsWorkers: false });

    await expect(pool.init(initRequest('a'))).rejects.toMatchObject({ code: 'startup-failed' });
    await pool.close();
  });

  it('rejects calls after close', async () => {
    const { pool } = createTestPool(1);
    await pool.init(initRequest('a'));
    await pool.close();

    await expect(pool.invoke(invokeRequest('a'))).rejects.toMatchObject({ code: 'closed' });
  });
});
