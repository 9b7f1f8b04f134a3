/**
 * The trace file written by `--trace`: the scenario's name and seed, then every trace event
 * in order. The same scenario and seed give a byte-identical file.
 */
import type { TraceEvent } from '../engine/trace';
import type { Scenario } from '../scenario/schema';

export const TRACE_FILE_FORMAT = 'lambda-playground-trace';
export const TRACE_FILE_VERSION = 1;

export function serializeTrace(scenario: Scenario, trace: readonly TraceEvent[]): string {
  const document = {
    format: TRACE_FILE_FORMAT,
    version: TRACE_FILE_VERSION,
    scenario: scenario.name,
    seed: scenario.seed,
    startTime: scenario.startTime,
    events: trace,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
