/**
 * How `inspect` prints each kind of object: its prefix, braces, the entries it lists and the
 * layout of its properties. Mirrors the value kinds of Node's `formatRaw`.
 */
import {
  formatNumber,
  formatProperty,
  formatValue,
  getPrefix,
  Layout,
  objectToString,
  type Formatter,
  type InspectContext,
  type Shape,
} from './inspect';
import { formatErrorBase } from './inspect-error';
import { strEscape } from './strings';

const INDEX_PATTERN = /^(0|[1-9][0-9]*)$/;
const noEntries: Formatter = () => [];

function remainingText(remaining: number): string {
  return `... ${remaining} more item${remaining > 1 ? 's' : ''}`;
}

function ownKeys(value: object, showHidden: boolean, withIndices: boolean): (string | symbol)[] {
  const symbols = Object.getOwnPropertySymbols(value).filter(
    (key) => showHidden || Object.prototype.propertyIsEnumerable.call(value, key),
  );
  const names = showHidden ? Object.getOwnPropertyNames(value) : Object.keys(value);
  const kept = withIndices
    ? names
    : names.filter((key) => !INDEX_PATTERN.test(key) || Number(key) > 2 ** 32 - 2);
  return [...kept, ...symbols];
}

const emptyItems = (count: number) => `<${count} empty item${count > 1 ? 's' : ''}>`;

const formatArray: Formatter = (ctx, value, recurseTimes) => {
  const array = value as unknown[];
  const length = Math.min(Math.max(0, ctx.maxArrayLength), array.length);
  const output: string[] = [];
  for (let i = 0; i < length; i++) {
    if (!Object.prototype.hasOwnProperty.call(array, i)) {
      return formatSparseArray(ctx, array, recurseTimes, length, output, i);
    }
    output.push(formatProperty(ctx, array, recurseTimes, String(i), Layout.ArrayItem));
  }
  if (array.length > length) output.push(remainingText(array.length - length));
  return output;
};

/** Continues `formatArray` from the first hole, printing runs of holes as `<n empty items>`. */
function formatSparseArray(
  ctx: InspectContext,
  array: unknown[],
  recurseTimes: number,
  maxLength: number,
  output: string[],
  start: number,
): string[] {
  const keys = Object.keys(array);
  let index = start;
  for (let i = start; i < keys.length && output.length < maxLength; i++) {
    const key = keys[i]!;
    const position = Number(key);
    if (position > 2 ** 32 - 2) break;
    if (`${index}` !== key) {
      if (!INDEX_PATTERN.test(key)) break;
      output.push(emptyItems(position - index));
      index = position;
      if (output.length === maxLength) break;
    }
    output.push(formatProperty(ctx, array, recurseTimes, key, Layout.ArrayItem));
    index++;
  }
  const remaining = array.length - index;
  if (output.length !== maxLength) {
    if (remaining > 0) output.push(emptyItems(remaining));
  } else if (remaining > 0) {
    output.push(remainingText(remaining));
  }
  return output;
}

function formatCollection(
  entries: Iterable<unknown>,
  size: number,
  formatEntry: (entry: unknown) => string,
  ctx: InspectContext,
): string[] {
  const max = Math.min(Math.max(0, ctx.maxArrayLength), size);
  const output: string[] = [];
  ctx.indentationLvl += 2;
  for (const entry of entries) {
    if (output.length >= max) break;
    output.push(formatEntry(entry));
  }
  if (size > max) output.push(remainingText(size - max));
  ctx.indentationLvl -= 2;
  return output;
}

const formatSet: Formatter = (ctx, value, recurseTimes) => {
  const set = value as Set<unknown>;
  return formatCollection(set, set.size, (item) => formatValue(ctx, item, recurseTimes), ctx);
};

const formatMap: Formatter = (ctx, value, recurseTimes) => {
  const map = value as Map<unknown, unknown>;
  return formatCollection(
    map,
    map.size,
    (entry) => {
      const [key, item] = entry as [unknown, unknown];
      return `${formatValue(ctx, key, recurseTimes)} => ${formatValue(ctx, item, recurseTimes)}`;
    },
    ctx,
  );
};

const formatTypedArray: Formatter = (ctx, value) => {
  const array = value as unknown as ArrayLike<number | bigint>;
  const length = Math.min(Math.max(0, ctx.maxArrayLength), array.length);
  const output: string[] = [];
  for (let i = 0; i < length; i++) {
    const item = array[i]!;
    output.push(typeof item === 'bigint' ? `${item}n` : formatNumber(item));
  }
  if (array.length > length) output.push(remainingText(array.length - length));
  return output;
};

function functionBase(value: Function, constructor: string | null, tag: string): string {
  const source = Function.prototype.toString.call(value);
  if (source.startsWith('class') && source.endsWith('}')) {
    const hasName = Object.prototype.hasOwnProperty.call(value, 'name');
    let base = `class ${(hasName && value.name) || '(anonymous)'}`;
    if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
    if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
    if (constructor !== null) {
      const superName = (Object.getPrototypeOf(value) as { name?: unknown }).name;
      if (superName) base += ` extends ${String(superName)}`;
    } else {
      base += ' extends [null prototype]';
    }
    return `[${base}]`;
  }
  const kind = objectToString(value).slice(8, -1);
  let type = 'Function';
  if (kind === 'GeneratorFunction' || kind === 'AsyncGeneratorFunction') type = `Generator${type}`;
  if (kind === 'AsyncFunction' || kind === 'AsyncGeneratorFunction') type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  base += value.name === '' ? ' (anonymous)' : `: ${value.name}`;
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

function isError(value: object): value is Error {
  return value instanceof Error || objectToString(value) === '[object Error]';
}

function boxedBase(value: object, kind: string, constructor: string | null, tag: string): string {
  const primitive: unknown = (value as { valueOf(): unknown }).valueOf();
  let type = kind;
  let shown: string;
  if (typeof primitive === 'string') shown = strEscape(primitive);
  else if (typeof primitive === 'number') shown = formatNumber(primitive);
  else if (typeof primitive === 'bigint') shown = `${primitive}n`;
  else shown = String(primitive);
  if (type === 'Symbol') shown = String(primitive);
  let base = `[${type}`;
  if (type !== constructor) base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
  base += `: ${shown}]`;
  if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
  type = base;
  return type;
}

export function describeShape(
  ctx: InspectContext,
  value: object,
  constructor: string | null,
  tag: string,
  recurseTimes: number,
): Shape {
  const kind = objectToString(value).slice(8, -1);
  const shape: Shape = {
    base: '',
    braces: ['{', '}'],
    formatter: noEntries,
    layout: Layout.Object,
    keys: [],
  };

  if (Array.isArray(value)) {
    const prefix =
      constructor !== 'Array' || tag !== ''
        ? getPrefix(constructor, tag, 'Array', `(${value.length})`)
        : '';
    shape.keys = ownKeys(value, ctx.showHidden, false);
    shape.braces = [`${prefix}[`, ']'];
    if (value.length === 0 && shape.keys.length === 0) shape.done = `${shape.braces[0]}]`;
    shape.layout = Layout.ArrayExtras;
    shape.formatter = formatArray;
    return shape;
  }
  if (value instanceof Set || value instanceof Map) {
    const name = value instanceof Set ? 'Set' : 'Map';
    const prefix = getPrefix(constructor, tag, name, `(${value.size})`);
    shape.keys = ownKeys(value, ctx.showHidden, true);
    shape.formatter = value instanceof Set ? formatSet : formatMap;
    if (value.size === 0 && shape.keys.length === 0) shape.done = `${prefix}{}`;
    shape.braces = [`${prefix}{`, '}'];
    return shape;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const length = (value as unknown as ArrayLike<unknown>).length;
    const prefix = getPrefix(constructor, tag, kind, `(${length})`);
    shape.keys = ownKeys(value, ctx.showHidden, false);
    shape.braces = [`${prefix}[`, ']'];
    if (length === 0 && shape.keys.length === 0) shape.done = `${shape.braces[0]}]`;
    shape.formatter = formatTypedArray;
    shape.layout = Layout.ArrayExtras;
    return shape;
  }

  shape.keys = ownKeys(value, ctx.showHidden, true);
  const noKeys = shape.keys.length === 0;
  if (typeof value === 'function') {
    shape.base = functionBase(value, constructor, tag);
    if (noKeys) shape.done = shape.base;
  } else if (constructor === 'Object') {
    if (tag !== '') shape.braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
    if (noKeys) shape.done = `${shape.braces[0]}}`;
  } else if (kind === 'RegExp') {
    shape.base = RegExp.prototype.toString.call(value);
    const prefix = getPrefix(constructor, tag, 'RegExp');
    if (prefix !== 'RegExp ') shape.base = `${prefix}${shape.base}`;
    if (noKeys || (ctx.depth !== null && recurseTimes > ctx.depth)) shape.done = shape.base;
  } else if (kind === 'Date') {
    const time = Date.prototype.getTime.call(value);
    shape.base = Number.isNaN(time)
      ? 'Invalid Date'
      : Date.prototype.toISOString.call(value);
    const prefix = getPrefix(constructor, tag, 'Date');
    if (prefix !== 'Date ') shape.base = `${prefix}${shape.base}`;
    if (noKeys) shape.done = shape.base;
  } else if (isError(value)) {
    shape.base = formatErrorBase(ctx, value, constructor, tag, shape.keys);
    if (shape.keys.length === 0) shape.done = shape.base;
  } else if (kind === 'Promise') {
    shape.braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
    shape.formatter = () => ['<pending>'];
  } else if (kind === 'WeakSet' || kind === 'WeakMap') {
    shape.braces[0] = `${getPrefix(constructor, tag, kind)}{`;
    shape.formatter = () => ['<items unknown>'];
  } else if (['Number', 'String', 'Boolean', 'BigInt', 'Symbol'].includes(kind)) {
    if (kind === 'String') {
      shape.keys = shape.keys.filter((key) => typeof key === 'symbol' || !INDEX_PATTERN.test(key));
    }
    shape.base = boxedBase(value, kind, constructor, tag);
    if (shape.keys.length === 0) shape.done = shape.base;
  } else {
    if (noKeys) shape.done = `${getPrefix(constructor, tag, 'Object')}{}`;
    shape.braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
  }
  return shape;
}
