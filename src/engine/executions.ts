/**
 * Executions handed out by `Simulation.step` and the results reported for them. Results take
 * effect in request order once every execution of the step is resolved, so the order in which
 * a caller resolves them (for example as parallel workers finish) cannot change the run.
 *
 * The step's executions live in parallel arrays that are reused from step to step, because a
 * busy run resolves hundreds of thousands of executions and a record per execution would be
 * garbage at once. Entries past the current step's stay until a later step overwrites them.
 */
import type { ExecutionRequest, ExecutionResult } from './execution';
import type { ProvisionedInit } from './provisioned';
import type { Invocation } from './records';

export type ExecutionOwner = Invocation | ProvisionedInit;

export class ExecutionLedger {
  private nextId = 0;
  /** The current step's executions, in ID order; execution IDs are consecutive from `firstId`. */
  private readonly owners: ExecutionOwner[] = [];
  private readonly requests: ExecutionRequest[] = [];
  private readonly results: (ExecutionResult | undefined)[] = [];
  /** Entries of the arrays in use; the rest are left from earlier steps and overwritten. */
  private count = 0;
  private firstId = 0;
  private unresolvedCount = 0;

  /** Number of handed-out executions without a result. */
  get unresolved(): number {
    return this.unresolvedCount;
  }

  /** Number of executions in the current step. */
  get size(): number {
    return this.count;
  }

  /** Allocates the ID of the next execution. */
  allocateId(): number {
    return this.nextId++;
  }

  /** Records an execution handed out in the current step, in ID order. */
  add(owner: ExecutionOwner, request: ExecutionRequest): void {
    const index = this.count;
    if (request.executionId !== this.firstId + index) {
      throw new Error(`ExecutionLedger: execution ${request.executionId} was added out of order.`);
    }
    this.owners[index] = owner;
    this.requests[index] = request;
    this.results[index] = undefined;
    this.count++;
    this.unresolvedCount++;
  }

  /**
   * Stores a result. Returns true when it was the step's last one: the caller then applies
   * the step's executions in request order (`ownerAt`, `requestAt`, `resultAt`) and calls
   * `finishStep`.
   */
  resolve(executionId: number, result: ExecutionResult): boolean {
    const index = executionId - this.firstId;
    const request = index >= 0 && index < this.count ? this.requests[index] : undefined;
    if (request === undefined || this.results[index] !== undefined) {
      throw new Error(
        `Simulation.resolve: execution ${executionId} is not pending; it was never returned by step or is already resolved.`,
      );
    }
    if (request.kind !== result.kind) {
      throw new Error(
        `Simulation.resolve: execution ${executionId} is an ${request.kind} request but got an ${result.kind} result.`,
      );
    }
    this.results[index] = result;
    this.unresolvedCount--;
    return this.unresolvedCount === 0;
  }

  ownerAt(index: number): ExecutionOwner {
    return this.owners[index]!;
  }

  requestAt(index: number): ExecutionRequest {
    return this.requests[index]!;
  }

  resultAt(index: number): ExecutionResult {
    return this.results[index]!;
  }

  /** Empties the step once its results are applied; the next execution starts a new step. */
  finishStep(): void {
    this.count = 0;
    this.firstId = this.nextId;
  }
}
