/**
 * Failures of the sandbox itself, as opposed to handler errors (which are values in a result).
 * Executors reject with a `SandboxError`, so a caller can tell a broken worker from a broken
 * handler by `instanceof` and `code`.
 */
export type SandboxErrorCode =
  /** A worker did not start, or did not resolve `ready()`, within the startup deadline. */
  | 'startup-failed'
  /** A worker died (an uncaught error, out of memory) while a call was in flight. */
  | 'worker-crashed'
  /** The sandbox runtime threw instead of returning a result. */
  | 'runtime-failed'
  /** A worker returned something that is not a valid result. */
  | 'malformed-result'
  /** `invoke` named an environment that was never initialised or was disposed. */
  | 'unknown-environment'
  /** The executor was closed. */
  | 'closed';

export class SandboxError extends Error {
  override readonly name = 'SandboxError';
  readonly code: SandboxErrorCode;

  constructor(code: SandboxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
