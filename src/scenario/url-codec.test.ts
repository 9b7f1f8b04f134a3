import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { withoutDefaults } from './compact';
import type { Scenario } from './schema';
import { decodeScenarioLink, encodeScenarioLink, isScenarioLink, LINK_FORMAT } from './url-codec';
import { parseScenarioText } from './validate';

const examplesDir = fileURLToPath(new URL('../../examples', import.meta.url));
const EXAMPLES = readdirSync(examplesDir).filter((name) => name.endsWith('.json'));

function example(name: string): Scenario {
  const result = parseScenarioText(readFileSync(join(examplesDir, name), 'utf8'));
  if (!result.ok) throw new Error(`${name} is invalid: ${JSON.stringify(result.issues)}`);
  return result.scenario;
}

function fragmentOf(scenario: Scenario): string {
  const encoded = encodeScenarioLink(scenario);
  if (!encoded.ok) throw new Error(encoded.message);
  return encoded.fragment;
}

/** Builds a link of format 1 around any JSON value, as another program might. */
function linkAround(value: unknown): string {
  const bytes = zlibSync(strToU8(JSON.stringify(value)));
  const data = Buffer.from(bytes).toString('base64url');
  return `#s=1.${data.length}.${data}`;
}

const withoutSchemaField = ({ $schema: _schema, ...rest }: Scenario) => rest;

describe('scenario links', () => {
  it.each(EXAMPLES)('round trip of %s', (name) => {
    const scenario = example(name);
    const fragment = fragmentOf(scenario);
    expect(fragment).toMatch(new RegExp(`^s=${LINK_FORMAT}\\.\\d+\\.[A-Za-z0-9_-]+$`));

    const decoded = decodeScenarioLink(`#${fragment}`);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(decoded.scenario).toEqual(withoutSchemaField(scenario));
  });

  it('keeps the example links short', () => {
    const lengths = Object.fromEntries(EXAMPLES.map((name) => [name, fragmentOf(example(name)).length]));
    // The largest example, four functions with triggers, is 1,411 characters.
    for (const [name, length] of Object.entries(lengths)) expect(length, name).toBeLessThan(2000);
  });

  it('leaves defaults out of the document', () => {
    const compact = withoutDefaults(example('timeout.json'));
    expect(compact).not.toHaveProperty('settings');
    expect(compact).not.toHaveProperty('queues');
    expect(compact.functions).toEqual([expect.not.objectContaining({ runtime: expect.anything() })]);
  });

  it('recognizes a scenario fragment', () => {
    expect(isScenarioLink('#s=1.4.abcd')).toBe(true);
    expect(isScenarioLink('s=1')).toBe(true);
    expect(isScenarioLink('#section-2')).toBe(false);
    expect(isScenarioLink('')).toBe(false);
  });

  it('reads a percent-encoded fragment', () => {
    const fragment = fragmentOf(example('timeout.json')).replace('=', '%3D');
    expect(decodeScenarioLink(fragment).ok).toBe(true);
  });

  it('ignores characters after the declared length', () => {
    const fragment = fragmentOf(example('timeout.json'));
    expect(decodeScenarioLink(`${fragment}).`).ok).toBe(true);
  });
});

describe('broken scenario links', () => {
  const fragment = fragmentOf(example('cold-and-warm.json'));

  it.each([
    ['inside the data', fragment.length - 7],
    ['after the header', fragment.indexOf('.', 4) + 1],
    ['inside the length', 5],
    ['after the format', 4],
    ['after "s="', 2],
  ])('cut %s is truncated', (_where, cut) => {
    const decoded = decodeScenarioLink(fragment.slice(0, cut));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problem).toBe('truncated');
  });

  it('says how many characters a cut link has', () => {
    const data = fragment.slice(fragment.indexOf('.', 4) + 1);
    const decoded = decodeScenarioLink(fragment.slice(0, -10));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toContain(`It has ${(data.length - 10).toLocaleString('en-US')} of the ${data.length.toLocaleString('en-US')} characters`);
  });

  it('rejects every changed data character as corrupt', () => {
    const start = fragment.indexOf('.', 4) + 1;
    const original = decodeScenarioLink(fragment);
    for (let index = start; index < fragment.length; index++) {
      const replacement = fragment[index] === 'A' ? 'w' : 'A';
      const decoded = decodeScenarioLink(fragment.slice(0, index) + replacement + fragment.slice(index + 1));
      // The last character's low bits may be padding, which leaves the scenario as it is.
      if (decoded.ok) expect(decoded, `character ${index} changed`).toEqual(original);
      else expect(decoded.problem, `character ${index} changed`).toBe('corrupt');
    }
  });

  it('rejects characters outside base64url as corrupt', () => {
    const decoded = decodeScenarioLink(fragment.replace(/.$/, '!'));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problem).toBe('corrupt');
  });

  it('rejects a format that is not a number as corrupt', () => {
    const decoded = decodeScenarioLink('s=x.4.abcd');
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problem).toBe('corrupt');
  });

  it('names the newer link format', () => {
    const decoded = decodeScenarioLink(fragment.replace(/^s=1\./, 's=2.'));
    expect(decoded).toEqual({
      ok: false,
      problem: 'newer-version',
      message:
        'This link was made by a newer version of Lambda Playground (format 2); this version reads format 1. Open it in an up-to-date copy.',
    });
  });

  it('names the newer scenario version', () => {
    const decoded = decodeScenarioLink(linkAround({ version: 2, functions: [], somethingNew: true }));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.problem).toBe('newer-version');
    expect(decoded.message).toContain('scenario version 1');
  });

  it.each([
    ['an array', [1, 2]],
    ['an object without the scenario fields', { hello: 'world' }],
    ['a string', 'text'],
  ])('rejects %s as not a scenario', (_what, value) => {
    const decoded = decodeScenarioLink(linkAround(value));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problem).toBe('not-scenario');
  });

  it('reports an invalid scenario with field paths', () => {
    const decoded = decodeScenarioLink(linkAround({ version: 1, functions: [{ name: 'f', code: '', memoryMb: 64 }] }));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.problem).toBe('invalid');
    expect(decoded.issues?.map((issue) => issue.path)).toEqual(['functions[0].memoryMb']);
    expect(decoded.message).toContain('functions[0].memoryMb: Memory 64 MB is out of range.');
  });

  it('refuses to encode an invalid scenario', () => {
    const scenario = example('timeout.json');
    const broken = { ...scenario, traffic: [{ ...scenario.traffic[0]!, function: 'missing' }] } as Scenario;
    const encoded = encodeScenarioLink(broken);
    expect(encoded.ok).toBe(false);
    if (!encoded.ok) expect(encoded.message).toContain('traffic[0].function:');
  });
});
