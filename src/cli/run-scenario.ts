/** Runs a validated scenario to completion: every request answered and no event left. */
import type { Executor } from '../engine/execution';
import type { FunctionConfig, SimulationSettings } from '../engine/model';
import { runSimulation } from '../engine/run';
import { Simulation } from '../engine/simulation';
import type { TraceEvent } from '../engine/trace';
import type { Scenario } from '../scenario/schema';
import { toFunctionConfig, toRequests, toSimulationSettings } from '../scenario/to-engine';

export interface ScenarioRun {
  readonly trace: readonly TraceEvent[];
  readonly functions: readonly FunctionConfig[];
  readonly settings: SimulationSettings;
}

export async function runScenario(scenario: Scenario, executor: Executor): Promise<ScenarioRun> {
  const functions = scenario.functions.map(toFunctionConfig);
  const settings = toSimulationSettings(scenario);
  const simulation = new Simulation(functions, settings);
  for (const request of toRequests(scenario)) simulation.submit(request);

  await runSimulation(simulation, executor);

  const unanswered = findUnansweredRequests(simulation.trace);
  if (unanswered.length > 0) {
    throw new Error(`the simulation ended with ${unanswered.length} unanswered requests (first: ${unanswered[0]}).`);
  }
  return { trace: simulation.trace, functions, settings };
}

/**
 * Request IDs that reached the service and were never finished, in arrival order: a
 * synchronous request needs a result or a throttle, an asynchronous event needs to have left
 * its queue (`async-done`).
 */
function findUnansweredRequests(trace: readonly TraceEvent[]): string[] {
  const open = new Set<string>();
  for (const event of trace) {
    if (event.type === 'request-received') open.add(event.requestId);
    if (event.type === 'invoke-end' && event.invocationType !== 'Event') open.delete(event.requestId);
    if (event.type === 'throttled' || event.type === 'async-done') open.delete(event.requestId);
  }
  return [...open];
}
