import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args';

describe('parseCliArgs', () => {
  it('reads a file and every option', () => {
    expect(parseCliArgs(['s.json', '--json', '--trace', 't.json', '--seed', '42'])).toEqual({
      kind: 'run',
      scenarioPath: 's.json',
      json: true,
      tracePath: 't.json',
      seed: 42,
    });
  });

  it('defaults to human output without a trace', () => {
    expect(parseCliArgs(['s.json'])).toEqual({ kind: 'run', scenarioPath: 's.json', json: false, tracePath: undefined, seed: undefined });
  });

  it('shows help', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-h', 's.json'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], 'Missing the scenario file'],
    [['a.json', 'b.json'], 'Expected one scenario file, got 2: a.json, b.json'],
    [['s.json', '--seed', '-1'], 'Invalid --seed "-1"'],
    [['s.json', '--seed', '1.5'], 'Invalid --seed "1.5"'],
    [['s.json', '--seed', '4294967296'], 'Invalid --seed "4294967296"'],
    [['s.json', '--seed'], 'Option --seed needs a value'],
    [['s.json', '--trace'], 'Option --trace needs a value'],
    [['s.json', '--json=yes'], 'Option --json takes no value'],
    [['s.json', '--verbose'], 'Unknown option --verbose'],
  ])('rejects %j', (argv, message) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') expect(parsed.message).toContain(message);
  });
});
