/** The API a sandbox worker exposes over Comlink. Handler errors are values; a sandbox failure rejects. */
export type {
  EnvironmentSpec,
  ExecutionRequest,
  ExecutionResult,
  InitRequest,
  InitResult,
  InvokeRequest,
  InvokeResult,
  LambdaError,
  LogLine,
} from '../engine/execution';

import type { InitRequest, InitResult, InvokeRequest, InvokeResult } from '../engine/execution';

export interface SandboxApi {
  /** Resolves once the worker has loaded; a cheap call the pool uses to check readiness. */
  ready(): Promise<true>;
  init(request: InitRequest): Promise<InitResult>;
  invoke(request: InvokeRequest): Promise<InvokeResult>;
  dispose(envId: string): Promise<void>;
}
