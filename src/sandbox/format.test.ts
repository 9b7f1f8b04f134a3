import { describe, expect, it } from 'vitest';
import * as util from 'node:util';
import { format } from './format';

/** Node's own `util.format` is the reference: every case must print the same text. */
function sameAsNode(...args: unknown[]): void {
  expect(format(...args)).toBe(util.format(...args));
}

class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}

describe('format', () => {
  it('placeholders', () => {
    sameAsNode('%s is %d years', 'Ann', 42);
    sameAsNode('%i %f %d', '42.9px', '3.5', '7');
    sameAsNode('%j', { a: [1, 'x'] });
    sameAsNode('100%% sure %s', 'yes');
    sameAsNode('%c styled', 'color: red');
    sameAsNode('%s %s', 'only one');
    sameAsNode('%x unknown', 1);
    sameAsNode('%s', { a: 1, nested: { deep: true } });
    sameAsNode('%s', [1, 2, 3]);
    sameAsNode('%s', 12n, -0);
    sameAsNode('%d', 12n);
    sameAsNode('%o', { a: [1, 2] });
    sameAsNode('%O', { a: [1, 2] });
    sameAsNode('%s', new Point(1, 2));
    sameAsNode('%s', { toString: () => 'custom' });
    sameAsNode('extra', 'args', 3, { a: 1 });
  });

  it('circular %j', () => {
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    sameAsNode('%j', loop);
  });

  it('primitives and strings', () => {
    sameAsNode(undefined);
    sameAsNode(null, true, 1.5, -0, 10n, Symbol('s'));
    sameAsNode({ s: "it's", d: 'say "hi"', b: 'it\'s "both"', ctrl: 'a\nb\tc\u0001' });
    sameAsNode({ long: 'x'.repeat(200) });
    sameAsNode({ multiline: `${'line one is long enough '.repeat(4)}\n${'and two '.repeat(10)}` });
    sameAsNode({ 'needs-quotes': 1, valid_key: 2, [Symbol('sym')]: 3, __proto__x: 4 });
  });

  it('objects and nesting', () => {
    sameAsNode({ a: 1, b: 'two', c: [3], d: { e: { f: { g: { h: 1 } } } } });
    sameAsNode(new Point(1, 2), new (class Empty {})());
    sameAsNode(Object.create(null));
    sameAsNode(Object.assign(Object.create(null), { a: 1 }));
    sameAsNode({ [Symbol.toStringTag]: 'Tagged', a: 1 });
    sameAsNode({ get g() { return 1; }, set s(_v: number) {}, get gs() { return 1; }, set gs(_v: number) {} });
    const wide: Record<string, string> = {};
    for (let i = 0; i < 12; i++) wide[`key${i}`] = `value number ${i}`;
    sameAsNode(wide);
    sameAsNode({ level1: { level2: { level3: { level4: 'deep' } }, arr: [[[[1]]]] } });
  });

  it('arrays', () => {
    sameAsNode([]);
    sameAsNode([1, 2, 3]);
    sameAsNode(Array.from({ length: 30 }, (_, i) => i * 7));
    sameAsNode(Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i).repeat(i % 5 + 1)));
    sameAsNode(Array.from({ length: 150 }, (_, i) => i));
    sameAsNode([1, , 3, , , 6]);
    sameAsNode(new Array(5));
    sameAsNode(Object.assign([1, 2], { extra: 'yes' }));
    sameAsNode([{ a: 1, b: 2 }, { a: 3, b: 4 }]);
    sameAsNode([[1, 2, [3, 4, [5, [6]]]]]);
    sameAsNode(new Uint8Array([1, 2, 3]), new Float64Array(0));
    sameAsNode(Array.from({ length: 8 }, (_, i) => ({ id: i, name: `item-${i}` })));
  });

  it('collections and builtins', () => {
    sameAsNode(new Map<unknown, unknown>([['a', 1], [{ k: 1 }, [2]]]), new Map());
    sameAsNode(new Set([1, 'two', { three: 3 }]), new Set());
    sameAsNode(new Date(0), new Date(NaN));
    sameAsNode(/ab+c/gi);
    sameAsNode(new WeakMap(), new WeakSet());
    sameAsNode(new Number(3), new String('str'), new Boolean(false));
    sameAsNode({ date: new Date(86_400_000), re: /x/ });
  });

  it('functions and classes', () => {
    sameAsNode(function named() {}, () => {}, async function asyncFn() {}, function* gen() {});
    sameAsNode(class A {}, class B extends Point {});
    sameAsNode(Object.assign(function withProps() {}, { a: 1 }));
    sameAsNode({ method() {}, arrow: () => 1 });
  });

  it('errors', () => {
    const plain = new Error('boom');
    plain.stack = 'Error: boom\n    at handler (file:///var/task/index.mjs:2:9)';
    sameAsNode(plain);
    sameAsNode({ nested: plain });
    const coded = Object.assign(new Error('with code'), { code: 'E_CODE', status: 500 });
    coded.stack = 'Error: with code\n    at x (file:///var/task/index.mjs:1:1)';
    sameAsNode(coded);
    const noStack = new TypeError('no frames');
    noStack.stack = 'TypeError: no frames';
    sameAsNode(noStack);
    class CustomError extends Error {}
    const custom = new CustomError('custom');
    custom.stack = 'Error: custom\n    at y (file:///var/task/index.mjs:3:3)';
    sameAsNode(custom);
    const named = new CustomError('renamed');
    named.name = 'CustomError';
    named.stack = 'CustomError: renamed\n    at z (file:///var/task/index.mjs:4:4)';
    sameAsNode(named);
    const caused = new Error('outer', { cause: 'inner reason' });
    caused.stack = 'Error: outer\n    at a (file:///var/task/index.mjs:5:5)';
    sameAsNode(caused);
    sameAsNode('message:', plain);
    sameAsNode('%s', plain);
  });

  it('circular references', () => {
    const a: Record<string, unknown> = { name: 'a' };
    const b: Record<string, unknown> = { name: 'b', a };
    a.b = b;
    a.self = a;
    sameAsNode(a);
    const list: unknown[] = [1];
    list.push(list);
    sameAsNode(list);
  });

  it('custom inspect', () => {
    sameAsNode({ [Symbol.for('nodejs.util.inspect.custom')]: () => 'CUSTOM' });
    sameAsNode({ wrapped: { [Symbol.for('nodejs.util.inspect.custom')]: () => ({ x: 1 }) } });
  });
});
