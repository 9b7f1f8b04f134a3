/**
 * Executions handed out by `Simulation.step` and the results reported for them. Results take
 * effect in request order once every execution of the step is resolved, so the order in which
 * a caller resolves them (for example as parallel workers finish) cannot change the run.
 */
import type { ExecutionRequest, ExecutionResult } from './execution';
import type { ProvisionedInit } from './provisioned';
import type { Invocation, PendingExecution } from './records';

export class ExecutionLedger {
  private nextId = 0;
  /** The current step's executions; execution IDs are consecutive from `firstId`. */
  private stepExecutions: PendingExecution[] = [];
  private firstId = 0;
  private unresolvedCount = 0;

  /** Number of handed-out executions without a result. */
  get unresolved(): number {
    return this.unresolvedCount;
  }

  /** Allocates the ID of the next execution. */
  allocateId(): number {
    return this.nextId++;
  }

  /** Records an execution handed out in the current step, in ID order. */
  add(invocation: Invocation | ProvisionedInit, request: ExecutionRequest): void {
    if (request.executionId !== this.firstId + this.stepExecutions.length) {
      throw new Error(`ExecutionLedger: execution ${request.executionId} was added out of order.`);
    }
    this.stepExecutions.push({ request, invocation, result: undefined });
    this.unresolvedCount++;
  }

  /**
   * Stores a result. Returns the step's executions in request order once the last one is
   * resolved, else undefined.
   */
  resolve(executionId: number, result: ExecutionResult): readonly PendingExecution[] | undefined {
    const pending = this.stepExecutions[executionId - this.firstId];
    if (pending === undefined || pending.result !== undefined) {
      throw new Error(
        `Simulation.resolve: execution ${executionId} is not pending; it was never returned by step or is already resolved.`,
      );
    }
    if (pending.request.kind !== result.kind) {
      throw new Error(
        `Simulation.resolve: execution ${executionId} is an ${pending.request.kind} request but got an ${result.kind} result.`,
      );
    }
    pending.result = result;
    this.unresolvedCount--;
    if (this.unresolvedCount > 0) return undefined;
    const complete = this.stepExecutions;
    this.stepExecutions = [];
    this.firstId = this.nextId;
    return complete;
  }
}
