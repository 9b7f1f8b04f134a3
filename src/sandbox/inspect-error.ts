/**
 * How `inspect` prints an Error: its stack (or `[Name: message]` when it has no frames), the
 * constructor name when the stack does not show it, and `[cause]` after the own properties.
 */
import { getPrefix, type InspectContext } from './inspect';

function getStackString(error: Error): string {
  return error.stack ? String(error.stack) : Error.prototype.toString.call(error);
}

/** Drops `name`, `message` and `stack` from the listed keys when the stack already shows them. */
function removeDuplicateErrorKeys(
  ctx: InspectContext,
  keys: (string | symbol)[],
  error: Error,
  stack: string,
): void {
  if (ctx.showHidden || keys.length === 0) return;
  for (const name of ['name', 'message', 'stack'] as const) {
    const index = keys.indexOf(name);
    if (index !== -1 && stack.includes(String(error[name]))) keys.splice(index, 1);
  }
}

function improveStack(stack: string, constructor: string | null, name: string, tag: string): string {
  let length = name.length;
  if (
    constructor === null ||
    (name.endsWith('Error') &&
      stack.startsWith(name) &&
      (stack.length === length || stack[length] === ':' || stack[length] === '\n'))
  ) {
    let fallback = 'Error';
    if (constructor === null) {
      const start =
        /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) ??
        /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = start?.[1] ?? '';
      length = fallback.length;
      fallback ||= 'Error';
    }
    const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
    if (name !== prefix) {
      if (prefix.includes(name)) {
        stack = length === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(length)}`;
      } else {
        stack = `${prefix} [${name}]${stack.slice(length)}`;
      }
    }
  }
  return stack;
}

/** Finds the longest run (over three lines) of `a` that also appears in `b`. */
function identicalSequenceRange(a: string[], b: string[]): { length: number; offset: number } {
  for (let i = 0; i < a.length - 3; i++) {
    const position = b.indexOf(a[i]!);
    if (position === -1) continue;
    const rest = b.length - position;
    if (rest <= 3) continue;
    let length = 1;
    const maxLength = Math.min(a.length - i, rest);
    while (maxLength > length && a[i + length] === b[position + length]) length++;
    if (length > 3) return { length, offset: i };
  }
  return { length: 0, offset: 0 };
}

/** Splits the frames and folds those repeated from the cause's stack into one line. */
function getStackFrames(error: Error, frames: string): string[] {
  const lines = frames.split('\n');
  let cause: unknown;
  try {
    cause = error.cause;
  } catch {
    cause = undefined;
  }
  if (cause instanceof Error) {
    const causeStack = getStackString(cause);
    const causeStart = causeStack.indexOf('\n    at');
    if (causeStart !== -1) {
      const causeLines = causeStack.slice(causeStart + 1).split('\n');
      const { length, offset } = identicalSequenceRange(lines, causeLines);
      if (length > 0) {
        const skipped = length - 2;
        lines.splice(offset + 1, skipped, `    ... ${skipped} lines matching cause stack trace ...`);
      }
    }
  }
  return lines;
}

export function formatErrorBase(
  ctx: InspectContext,
  error: Error,
  constructor: string | null,
  tag: string,
  keys: (string | symbol)[],
): string {
  const name = error.name != null ? String(error.name) : 'Error';
  let stack = getStackString(error);
  removeDuplicateErrorKeys(ctx, keys, error, stack);
  if ('cause' in error && !keys.includes('cause')) keys.push('cause');
  if (Array.isArray((error as { errors?: unknown }).errors) && !keys.includes('errors')) {
    keys.push('errors');
  }
  stack = improveStack(stack, constructor, name, tag);

  let position = (error.message && stack.indexOf(error.message)) || -1;
  if (position !== -1) position += error.message.length;
  const framesStart = stack.indexOf('\n    at', position);
  if (framesStart === -1) {
    stack = `[${stack}]`;
  } else {
    const frames = getStackFrames(error, stack.slice(framesStart + 1));
    stack = `${stack.slice(0, framesStart)}\n${frames.join('\n')}`;
  }
  if (ctx.indentationLvl !== 0) {
    stack = stack.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
  }
  return stack;
}
