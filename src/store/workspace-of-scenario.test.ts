import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema';
import { parseScenarioText } from '../scenario/validate';
import { restoreScenarioFields } from './scenario-fields';
import { workspaceOfScenario } from './workspace-of-scenario';
import { scenarioOfWorkspace } from './workspace-model';
import { DEFAULT_WORKSPACE } from './workspace-slice';

const examplesDir = fileURLToPath(new URL('../../examples', import.meta.url));

function example(name: string): Scenario {
  const result = parseScenarioText(readFileSync(`${examplesDir}/${name}`, 'utf8'));
  if (!result.ok) throw new Error(`${name} is invalid`);
  return result.scenario;
}

const FULLY_KEPT = readdirSync(examplesDir).filter((name) => name.endsWith('.json') && name !== 'async-triggers.json');

describe('workspaceOfScenario', () => {
  it.each(FULLY_KEPT)('keeps all of %s but its traffic', (name) => {
    const scenario = example(name);
    const result = workspaceOfScenario(scenario, DEFAULT_WORKSPACE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notKept).toEqual([]);
    const { $schema: _schema, traffic: _traffic, ...expected } = scenario;
    expect(scenarioOfWorkspace(result.document)).toEqual({ ...expected, traffic: [] });
  });

  it('lists what the editor cannot keep', () => {
    const result = workspaceOfScenario(example('async-triggers.json'), DEFAULT_WORKSPACE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notKept).toEqual([
      'functions[0].async.onSuccess',
      'buckets[0].notifications[0].prefix',
      'eventBuses',
      'rules[0].eventBus',
      'rules[2].scheduleUntilMs',
    ]);
  });

  it('keeps the current test event', () => {
    const current = { ...DEFAULT_WORKSPACE, eventTemplateId: 'blank', eventText: '{ "mine": true }' };
    const result = workspaceOfScenario(example('timeout.json'), current);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.document.eventText).toBe('{ "mine": true }');
  });
});

describe('restoreScenarioFields', () => {
  it('keeps valid fields and drops the rest', () => {
    const restored = restoreScenarioFields({ seed: 42, region: 'eu-west-1', startTime: 'yesterday', accountId: 12, colour: 'red' });
    expect(restored).toEqual({ seed: 42, region: 'eu-west-1' });
  });

  it('ignores a value that is not an object', () => {
    expect(restoreScenarioFields('seed 42')).toBeUndefined();
  });
});
