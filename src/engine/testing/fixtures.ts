/** Function configurations and settings for engine tests, with overrides. */
import { IDLE_RECLAIM_MS } from '../limits';
import type { FunctionConfig, SimulationSettings } from '../model';

/** 2026-08-22T12:00:00.000Z. */
export const TEST_EPOCH_MS = Date.UTC(2026, 7, 22, 12, 0, 0);

export function testFunction(overrides: Partial<FunctionConfig> = {}): FunctionConfig {
  return {
    name: 'fn',
    runtime: 'nodejs22.x',
    architecture: 'x86_64',
    handler: 'index.handler',
    code: 'export const handler = async () => "ok";',
    memoryMb: 128,
    timeoutMs: 3000,
    ...overrides,
  };
}

export function testSettings(overrides: Partial<SimulationSettings> = {}): SimulationSettings {
  return {
    seed: 42,
    epochMs: TEST_EPOCH_MS,
    region: 'us-east-1',
    accountId: '123456789012',
    idleReclaimMs: { min: IDLE_RECLAIM_MS.min, max: IDLE_RECLAIM_MS.max },
    initBilled: true,
    ...overrides,
  };
}
