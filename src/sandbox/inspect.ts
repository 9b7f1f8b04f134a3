/**
 * A portable port of the parts of Node's `util.inspect` that `console.log` output depends on
 * (Node defaults: depth 2, breakLength 80, compact 3, at most 100 array items). It uses no
 * Node API, so the text is the same in a browser worker and in Node.
 *
 * NOTE: V8 internals that Node reads natively are out of reach here. A promise prints as
 * `Promise { <pending> }` whatever its state, a Proxy prints as its target, `ArrayBuffer` and
 * `DataView` print as plain objects, and `%o` does not list prototype properties.
 */
import { describeShape } from './describe';
import { strEscape } from './strings';

export interface InspectOptions {
  depth: number | null;
  showHidden: boolean;
  breakLength: number;
  compact: number;
  maxArrayLength: number;
  maxStringLength: number;
  customInspect: boolean;
}

export const DEFAULT_INSPECT_OPTIONS: InspectOptions = {
  depth: 2,
  showHidden: false,
  breakLength: 80,
  compact: 3,
  maxArrayLength: 100,
  maxStringLength: 10000,
  customInspect: true,
};

/** Node's `util.inspect.custom`; objects may define it to control their own output. */
export const INSPECT_CUSTOM = Symbol.for('nodejs.util.inspect.custom');

export interface InspectContext extends InspectOptions {
  seen: object[];
  circular: Map<object, number> | undefined;
  indentationLvl: number;
  currentDepth: number;
}

/** The layout of a value's own properties: object properties, array items, or array extras. */
export const enum Layout {
  Object,
  ArrayItem,
  ArrayExtras,
}

const KEY_PATTERN = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
const MIN_LINE_WIDTH = 16;
const objectToString = (value: unknown) => Object.prototype.toString.call(value);

export function inspect(value: unknown, options: Partial<InspectOptions> = {}): string {
  const ctx: InspectContext = {
    ...DEFAULT_INSPECT_OPTIONS,
    ...options,
    seen: [],
    circular: undefined,
    indentationLvl: 0,
    currentDepth: 0,
  };
  return formatValue(ctx, value, 0);
}

export function formatNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : `${value}`;
}

export function formatValue(ctx: InspectContext, value: unknown, recurseTimes: number): string {
  if (typeof value !== 'object' && typeof value !== 'function') {
    return formatPrimitive(ctx, value);
  }
  if (value === null) return 'null';

  if (ctx.customInspect) {
    const custom = (value as Record<symbol, unknown>)[INSPECT_CUSTOM];
    if (typeof custom === 'function' && custom !== inspect) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const options = { ...pickOptions(ctx), depth, stylize: (text: string) => text };
      const result: unknown = custom.call(value, depth, options, inspect);
      if (result !== value) {
        if (typeof result !== 'string') return formatValue(ctx, result, recurseTimes);
        return result.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
      }
    }
  }

  if (ctx.seen.includes(value)) {
    ctx.circular ??= new Map();
    let index = ctx.circular.get(value);
    if (index === undefined) {
      index = ctx.circular.size + 1;
      ctx.circular.set(value, index);
    }
    return `[Circular *${index}]`;
  }
  return formatRaw(ctx, value, recurseTimes);
}

function pickOptions(ctx: InspectContext): InspectOptions {
  const { depth, showHidden, breakLength, compact, maxArrayLength, maxStringLength, customInspect } =
    ctx;
  return { depth, showHidden, breakLength, compact, maxArrayLength, maxStringLength, customInspect };
}

function formatPrimitive(ctx: InspectContext, value: unknown): string {
  switch (typeof value) {
    case 'string': {
      let text = value;
      let trailer = '';
      if (text.length > ctx.maxStringLength) {
        const remaining = text.length - ctx.maxStringLength;
        text = text.slice(0, ctx.maxStringLength);
        trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
      }
      if (
        text.length > MIN_LINE_WIDTH &&
        text.length > ctx.breakLength - ctx.indentationLvl - 4
      ) {
        return (
          text
            .split(/(?<=\n)/)
            .map((line) => strEscape(line))
            .join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer
        );
      }
      return strEscape(text) + trailer;
    }
    case 'number':
      return formatNumber(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    default:
      return String(value);
  }
}

/** The name of the first constructor on the prototype chain, or null for a null prototype. */
export function getConstructorName(value: object): string | null {
  let current: object | null = value;
  while (current !== null) {
    const descriptor = Object.getOwnPropertyDescriptor(current, 'constructor');
    if (
      descriptor !== undefined &&
      typeof descriptor.value === 'function' &&
      descriptor.value.name !== '' &&
      value instanceof descriptor.value
    ) {
      return String(descriptor.value.name);
    }
    current = Object.getPrototypeOf(current);
  }
  return null;
}

export function getPrefix(
  constructor: string | null,
  tag: string,
  fallback: string,
  size = '',
): string {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

type Formatter = (ctx: InspectContext, value: object, recurseTimes: number) => string[];

interface Shape {
  base: string;
  braces: [string, string];
  formatter: Formatter;
  layout: Layout;
  keys: (string | symbol)[];
  /** The complete output, when the value needs no braces or properties. */
  done?: string;
}

function formatRaw(ctx: InspectContext, value: object, recurseTimes: number): string {
  const constructor = getConstructorName(value);
  let tag: unknown = (value as Record<symbol, unknown>)[Symbol.toStringTag];
  const tagIsOwn = ctx.showHidden
    ? Object.prototype.hasOwnProperty.call(value, Symbol.toStringTag)
    : Object.prototype.propertyIsEnumerable.call(value, Symbol.toStringTag);
  if (typeof tag !== 'string' || (tag !== '' && tagIsOwn)) tag = '';

  const shape = describeShape(ctx, value, constructor, tag as string, recurseTimes);
  if (shape.done !== undefined) return shape.done;
  let { base } = shape;
  const { braces, keys, layout } = shape;

  if (ctx.depth !== null && recurseTimes > ctx.depth) {
    let name = getPrefix(constructor, tag as string, 'Object').slice(0, -1);
    if (constructor !== null) name = `[${name}]`;
    return name;
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  const output = shape.formatter(ctx, value, recurseTimes);
  for (const key of keys) {
    output.push(formatProperty(ctx, value, recurseTimes, key, layout));
  }
  const index = ctx.circular?.get(value);
  if (index !== undefined) {
    const reference = `<ref *${index}>`;
    base = base === '' ? reference : `${reference} ${base}`;
  }
  ctx.seen.pop();
  return reduceToSingleString(ctx, output, base, braces, layout, recurseTimes, value);
}

export type { Shape, Formatter };

export function formatProperty(
  ctx: InspectContext,
  value: object,
  recurseTimes: number,
  key: string | symbol,
  layout: Layout,
): string {
  const descriptor = Object.getOwnPropertyDescriptor(value, key) ?? {
    value: (value as Record<string | symbol, unknown>)[key],
    enumerable: true,
  };
  let text: string;
  if (descriptor.value !== undefined) {
    ctx.indentationLvl += 2;
    text = formatValue(ctx, descriptor.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (descriptor.get !== undefined) {
    text = descriptor.set !== undefined ? '[Getter/Setter]' : '[Getter]';
  } else if (descriptor.set !== undefined) {
    text = '[Setter]';
  } else {
    text = 'undefined';
  }
  if (layout === Layout.ArrayItem) return text;

  let name: string;
  if (typeof key === 'symbol') {
    name = `[${escapeKey(key.toString())}]`;
  } else if (key === '__proto__') {
    name = "['__proto__']";
  } else if (descriptor.enumerable === false) {
    name = `[${escapeKey(key)}]`;
  } else if (KEY_PATTERN.test(key)) {
    name = key;
  } else {
    name = strEscape(key);
  }
  return `${name}: ${text}`;
}

function escapeKey(key: string): string {
  const quoted = strEscape(key);
  return quoted.slice(1, -1);
}

function isBelowBreakLength(
  ctx: InspectContext,
  output: string[],
  start: number,
  base: string,
): boolean {
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (const entry of output) {
    totalLength += entry.length;
    if (totalLength > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

function reduceToSingleString(
  ctx: InspectContext,
  output: string[],
  base: string,
  braces: [string, string],
  layout: Layout,
  recurseTimes: number,
  value: object,
): string {
  const entries = output.length;
  if (layout === Layout.ArrayExtras && entries > 6) {
    output = groupArrayElements(ctx, output, value as ArrayLike<unknown>);
  }
  if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
    const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
    if (isBelowBreakLength(ctx, output, start, base)) {
      const joined = output.join(', ');
      if (!joined.includes('\n')) {
        return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
      }
    }
  }
  const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
  return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(
    `,${indentation}  `,
  )}${indentation}${braces[1]}`;
}

/** Lays out many short array items in aligned columns, as Node does for arrays of over six. */
function groupArrayElements(
  ctx: InspectContext,
  output: string[],
  value: ArrayLike<unknown> | undefined,
): string[] {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  if (ctx.maxArrayLength < output.length) outputLength--;
  const separatorSpace = 2;
  const dataLen: number[] = [];
  for (let i = 0; i < outputLength; i++) {
    const len = output[i]!.length;
    dataLen.push(len);
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (
    actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
    (totalLength / actualMax > 5 || maxLength <= 6)
  ) {
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;
    const maxLineLength: number[] = [];
    for (let i = 0; i < columns; i++) {
      let lineLength = 0;
      for (let j = i; j < output.length; j += columns) {
        if ((dataLen[j] ?? 0) > lineLength) lineLength = dataLen[j]!;
      }
      maxLineLength.push(lineLength + separatorSpace);
    }
    let padStart = true;
    if (value !== undefined) {
      for (let i = 0; i < output.length; i++) {
        if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
          padStart = false;
          break;
        }
      }
    }
    const grouped: string[] = [];
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let line = '';
      let j = i;
      for (; j < max - 1; j++) {
        const cell = `${output[j]}, `;
        line += padStart
          ? cell.padStart(maxLineLength[j - i]!, ' ')
          : cell.padEnd(maxLineLength[j - i]!, ' ');
      }
      line += padStart
        ? output[j]!.padStart(maxLineLength[j - i]! - separatorSpace, ' ')
        : output[j]!;
      grouped.push(line);
    }
    if (ctx.maxArrayLength < output.length) grouped.push(output[outputLength]!);
    return grouped;
  }
  return output;
}

export { objectToString };
