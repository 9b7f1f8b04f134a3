/**
 * The trace file written by `--trace`: the scenario's name and seed, then every trace event
 * in order. The same scenario and seed give a byte-identical file.
 *
 * An invoke-end in the file carries the invocation's whole CloudWatch output in `logs`
 * (INIT lines on a cold start, START, the handler's lines, END and REPORT), so the file reads
 * like the function's log stream. The engine keeps only the handler's lines there and derives
 * the rest on demand.
 */
import { invocationLogLines } from '../engine/platform-logs';
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
    events: trace.map(fileEvent),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function fileEvent(event: TraceEvent): unknown {
  if (event.type !== 'invoke-end') return event;
  const { initLogs: _initLogs, ...rest } = event;
  return { ...rest, logs: invocationLogLines(event) };
}
