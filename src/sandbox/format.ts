/**
 * A portable port of Node's `util.format`: `%s %d %i %f %j %o %O %c %%` placeholders, then the
 * remaining arguments inspected and joined with spaces.
 */
import { formatNumber, inspect } from './inspect';

/**
 * The built-in constructors whose `toString` counts as built-in. Node derives its list from its
 * own global object; a fixed list keeps the output the same in a browser, whose global object
 * has many more constructors.
 */
const BUILT_IN_CONSTRUCTORS = new Set([
  'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'Date', 'Promise',
  'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError',
  'SyntaxError', 'TypeError', 'URIError', 'ArrayBuffer', 'Uint8Array', 'Int8Array',
  'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array',
  'Uint8ClampedArray', 'BigUint64Array', 'BigInt64Array', 'DataView', 'Map', 'BigInt', 'Set',
  'WeakMap', 'WeakSet', 'Proxy', 'Reflect', 'WeakRef', 'FinalizationRegistry', 'SharedArrayBuffer',
]);

/** Whether `value` would print through a built-in `toString`, so `%s` inspects it instead. */
function hasBuiltInToString(value: object): boolean {
  const record = value as Record<string | symbol, unknown>;
  if (typeof record[Symbol.toPrimitive] === 'function') return false;
  if (typeof record.toString !== 'function') return true;
  if (Object.prototype.hasOwnProperty.call(value, 'toString')) return false;
  let pointer: object | null = value;
  do {
    pointer = Object.getPrototypeOf(pointer) as object | null;
  } while (pointer !== null && !Object.prototype.hasOwnProperty.call(pointer, 'toString'));
  if (pointer === null) return true;
  const descriptor = Object.getOwnPropertyDescriptor(pointer, 'constructor');
  return (
    descriptor !== undefined &&
    typeof descriptor.value === 'function' &&
    BUILT_IN_CONSTRUCTORS.has(descriptor.value.name)
  );
}

function tryStringify(value: unknown): string {
  try {
    return String(JSON.stringify(value));
  } catch (error) {
    if (error instanceof TypeError && /circular/i.test(error.message)) return '[Circular]';
    throw error;
  }
}

function formatPlaceholder(code: number, argument: unknown): string | undefined {
  switch (code) {
    case 115: // s
      if (typeof argument === 'number') return formatNumber(argument);
      if (typeof argument === 'bigint') return `${argument}n`;
      if (typeof argument !== 'object' || argument === null || !hasBuiltInToString(argument)) {
        return String(argument);
      }
      return inspect(argument, { depth: 0 });
    case 106: // j
      return tryStringify(argument);
    case 100: // d
      if (typeof argument === 'bigint') return `${argument}n`;
      if (typeof argument === 'symbol') return 'NaN';
      return formatNumber(Number(argument));
    case 79: // O
      return inspect(argument);
    case 111: // o
      return inspect(argument, { showHidden: true, depth: 4 });
    case 105: // i
      if (typeof argument === 'bigint') return `${argument}n`;
      if (typeof argument === 'symbol') return 'NaN';
      return formatNumber(Number.parseInt(argument as string));
    case 102: // f
      if (typeof argument === 'symbol') return 'NaN';
      return formatNumber(Number.parseFloat(argument as string));
    case 99: // c
      return '';
    default:
      return undefined;
  }
}

/** Formats console arguments exactly as Node's `util.format(...args)` does without colours. */
export function format(...args: unknown[]): string {
  const first = args[0];
  let used = 0;
  let text = '';
  let separator = '';

  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let lastPosition = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const code = first.charCodeAt(++i);
      if (used + 1 !== args.length) {
        if (code === 37) {
          text += first.slice(lastPosition, i);
          lastPosition = i + 1;
          continue;
        }
        const replacement = formatPlaceholder(code, args[used + 1]);
        if (replacement === undefined) continue;
        used++;
        if (lastPosition !== i - 1) text += first.slice(lastPosition, i - 1);
        text += replacement;
        lastPosition = i + 1;
      } else if (code === 37) {
        text += first.slice(lastPosition, i);
        lastPosition = i + 1;
      }
    }
    if (lastPosition !== 0) {
      used++;
      separator = ' ';
      if (lastPosition < first.length) text += first.slice(lastPosition);
    }
  }

  while (used < args.length) {
    const value = args[used];
    text += separator;
    text += typeof value !== 'string' ? inspect(value) : value;
    separator = ' ';
    used++;
  }
  return text;
}
