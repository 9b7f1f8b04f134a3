/** Submission of asynchronous requests and service events. */
import type { EngineState } from './engine-state';
import type { QueuedRequestInput } from './model';

export function submitAsync(_state: EngineState, request: QueuedRequestInput): string {
  throw new Error(`Simulation.submit: ${request.type} requests are not simulated yet.`);
}
