import { describe, expect, it } from 'vitest';
import { parseScenarioText, validateScenario, type ScenarioIssue } from './validate';

const CODE = 'export const handler = async () => "ok";';

function scenarioWith(fn: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    version: 1,
    functions: [{ name: 'hello', code: CODE, ...fn }],
    traffic: [{ at: 0, function: 'hello' }],
    ...extra,
  };
}

function issuesOf(input: unknown): readonly ScenarioIssue[] {
  const result = validateScenario(input);
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.issues;
}

describe('validateScenario', () => {
  it('accepts a minimal scenario and fills defaults', () => {
    const result = validateScenario(scenarioWith());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const fn = result.scenario.functions[0]!;
    expect(fn.memoryMb).toBe(128);
    expect(fn.timeoutSeconds).toBe(3);
    expect(fn.runtime).toBe('nodejs24.x');
    expect(fn.handler).toBe('index.handler');
    expect(result.scenario.settings.initBilled).toBe(true);
    expect(result.scenario.traffic[0]).toMatchObject({ count: 1 });
  });

  it('names the memory range for 64 MB', () => {
    const issues = issuesOf(scenarioWith({ memoryMb: 64 }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('functions[0].memoryMb');
    expect(issues[0]!.message).toBe('Memory 64 MB is out of range. Choose from 128 to 10,240 MB.');
  });

  it('rejects fractional memory', () => {
    const issues = issuesOf(scenarioWith({ memoryMb: 256.5 }));
    expect(issues[0]!.message).toContain('not a whole number');
  });

  it.each([0, 901])('names the timeout range for %i s', (timeoutSeconds) => {
    const issues = issuesOf(scenarioWith({ timeoutSeconds }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('functions[0].timeoutSeconds');
    expect(issues[0]!.message).toBe(`Timeout ${timeoutSeconds} s is out of range. Choose from 1 to 900 seconds.`);
  });

  it('rejects traffic to an unknown function', () => {
    const issues = issuesOf(scenarioWith({}, { traffic: [{ at: 0, function: 'helo' }] }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('traffic[0].function');
    expect(issues[0]!.message).toContain('"helo"');
    expect(issues[0]!.message).toContain('Use one of: hello');
  });

  it('reports only the version of a future scenario', () => {
    const issues = issuesOf({ version: 2, functions: [], flows: [{ kind: 'new' }] });
    expect(issues).toEqual([
      {
        path: 'version',
        message:
          'Scenario version 2 is newer than this playground understands (1). Open it in a newer Lambda Playground.',
      },
    ]);
  });

  it('reports a missing version', () => {
    const issues = issuesOf({ functions: [{ name: 'a', code: CODE }] });
    expect(issues[0]!.path).toBe('version');
    expect(issues[0]!.message).toBe('The scenario has no version. Add "version": 1.');
  });

  it('suggests the field behind a misspelling', () => {
    const issues = issuesOf(scenarioWith({ memorySize: 512 }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('functions[0]');
    expect(issues[0]!.message).toContain('Unknown field "memorySize" (did you mean "memoryMb"?) in a function.');
  });

  it('rejects duplicate function names', () => {
    const input = { version: 1, functions: [{ name: 'a', code: CODE }, { name: 'a', code: CODE }] };
    const issues = issuesOf(input);
    expect(issues[0]!.path).toBe('functions[1].name');
    expect(issues[0]!.message).toContain('used twice');
  });

  it('lists several issues with their paths', () => {
    const input = {
      version: 1,
      seed: -1,
      functions: [{ name: 'bad name', code: 42, runtime: 'python3.13' }],
      traffic: [{ at: -5, function: 'x', count: 0 }],
    };
    const paths = issuesOf(input).map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'seed',
        'functions[0].name',
        'functions[0].code',
        'functions[0].runtime',
        'traffic[0].at',
        'traffic[0].count',
      ]),
    );
  });

  it('rejects a document that is not an object', () => {
    const issues = issuesOf([1, 2]);
    expect(issues[0]!.message).toBe('Expected the scenario to be an object, found an array.');
  });

  it('rejects an idle reclaim range with min above max', () => {
    const issues = issuesOf(scenarioWith({}, { settings: { idleReclaimMinutes: { min: 8, max: 7 } } }));
    expect(issues[0]!.path).toBe('settings.idleReclaimMinutes');
    expect(issues[0]!.message).toContain('minimum 8 min is greater than the maximum 7 min');
  });
});

describe('parseScenarioText', () => {
  it('reports bad JSON with line and column', () => {
    const text = '{\n  "version": 1,\n  "functions": []\n  "traffic": []\n}';
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]!.line).toBe(4);
    expect(result.issues[0]!.column).toBe(3);
    expect(result.issues[0]!.message).toBe(
      "The scenario is not valid JSON at line 4, column 3: expected ',' or '}' after the property value, found '\"'.",
    );
  });

  it('reports empty text', () => {
    const result = parseScenarioText('');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]!.message).toContain('line 1, column 1: expected a value, found the end of the text');
  });

  it('validates parsed JSON', () => {
    const result = parseScenarioText(JSON.stringify(scenarioWith()));
    expect(result.ok).toBe(true);
  });
});
