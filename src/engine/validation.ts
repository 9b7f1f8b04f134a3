/** Checks of the engine's input that would otherwise fail later with a less clear message. */
import type { FunctionConfig, SimulationSettings } from './model';
import { RUNTIMES } from './runtimes';

export function validateSettings(settings: SimulationSettings): void {
  const { min, max } = settings.idleReclaimMs;
  if (!(min >= 0 && max >= min && Number.isFinite(max))) {
    throw new Error(`Simulation: invalid idleReclaimMs range ${min}..${max} ms; it needs 0 <= min <= max.`);
  }
  if (!Number.isFinite(settings.epochMs)) {
    throw new Error(`Simulation: invalid epochMs ${settings.epochMs}; it must be a finite number of ms since 1970.`);
  }
  const allocationMs = settings.provisionedAllocationMs;
  if (allocationMs !== undefined && !(allocationMs >= 0 && Number.isFinite(allocationMs))) {
    throw new Error(`Simulation: invalid provisionedAllocationMs ${allocationMs}; it must be a finite number of ms, 0 or more.`);
  }
}

export function validateConfig(config: FunctionConfig): void {
  if (!Object.hasOwn(RUNTIMES, config.runtime)) {
    throw new Error(`Simulation: function "${config.name}" has unknown runtime "${config.runtime}".`);
  }
  if (!(config.timeoutMs > 0) || !(config.memoryMb > 0)) {
    throw new Error(
      `Simulation: function "${config.name}" needs a positive timeoutMs and memoryMb (got ${config.timeoutMs} ms, ${config.memoryMb} MB).`,
    );
  }
  for (const field of ['reservedConcurrency', 'provisionedConcurrency'] as const) {
    const value = config[field];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      throw new Error(`Simulation: function "${config.name}" has ${field} ${value}; it must be a whole number of 0 or more.`);
    }
  }
}

/** Checks a duration reported by an executor. */
export function checkReportedDuration(field: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new Error(`Simulation.resolve: ${field} is ${value}; it must be a finite number of ms, 0 or more.`);
  }
}
