import { describe, expect, it } from 'vitest';
import { playbackClock } from '../driver/playback';
import { createPlaygroundSession } from '../driver/session';
import { ScriptedExecutor } from '../engine/testing/scripted-executor';
import { checkAsyncField, formatEventAge, parseEventAge } from './async-model';
import { createAppStore } from './create-store';

function createStore() {
  const store = createAppStore();
  const script = { initMs: 20, invoke: () => ({ durationMs: 100, response: 'ok' }) };
  const session = createPlaygroundSession({
    createExecutor: () => new ScriptedExecutor({ 'hello-lambda': script, 'failing-handler': script }),
  });
  store.getState().attachDriver({ session, playback: playbackClock });
  return store;
}

describe('async settings', () => {
  it('reads event age in h, min and s', () => {
    expect(parseEventAge('3600')).toBe(3600);
    expect(parseEventAge('1h 30min')).toBe(5400);
    expect(parseEventAge('90 s')).toBe(90);
    expect(parseEventAge('soon')).toBe('soon');
    expect(formatEventAge(21_600)).toBe('6 h');
    expect(formatEventAge(5430)).toBe('1 h 30 min 30 s');
  });

  it('rejects out-of-range values with the schema message', () => {
    const retries = checkAsyncField('maximumRetryAttempts', '3');
    expect(retries.ok).toBe(false);
    if (!retries.ok) expect(retries.message).toContain('Choose a whole number from 0 to 2');
    const age = checkAsyncField('maximumEventAgeSeconds', '30');
    expect(age.ok).toBe(false);
    if (!age.ok) expect(age.message).toContain('from 60 to 21,600');
    expect(checkAsyncField('maximumEventAgeSeconds', '2 h')).toEqual({ ok: true, value: 7200 });
  });

  it('keeps typed text and the last valid value', () => {
    const store = createStore();
    store.getState().setAsyncField('maximumRetryAttempts', '0');
    store.getState().setAsyncField('maximumRetryAttempts', '7');
    const fn = store.getState().functions[0]!;
    expect(fn.async?.fieldText.maximumRetryAttempts).toBe('7');
    expect(fn.async?.validSettings.maximumRetryAttempts).toBe(0);
    expect(store.getState().scenario.functions[0]!.async?.maximumRetryAttempts).toBe(0);
  });

  it('failing example sets a dlq queue', () => {
    const store = createStore();
    store.getState().addFailingExample();
    const { scenario } = store.getState();
    expect(scenario.queues).toEqual([{ name: 'dlq' }]);
    const failing = scenario.functions.find((fn) => fn.name === 'failing-handler');
    expect(failing?.async?.deadLetterQueue).toEqual({ type: 'sqs', name: 'dlq' });
    expect(store.getState().functionSpec.name).toBe('failing-handler');
  });

  it('drops a DLQ whose queue was removed', () => {
    const store = createStore();
    store.getState().addFailingExample();
    store.getState().removeResource('queue', 'dlq');
    const failing = store.getState().scenario.functions.find((fn) => fn.name === 'failing-handler');
    expect(failing?.async?.deadLetterQueue).toBeUndefined();
  });
});

describe('resources', () => {
  it('rejects duplicate and invalid names', () => {
    const store = createStore();
    expect(store.getState().addResource('queue', 'dlq')).toBeUndefined();
    expect(store.getState().addResource('queue', 'dlq')).toContain('exists already');
    expect(store.getState().addResource('topic', 'bad name!')).toContain('is invalid');
  });

  it('leaves out a rule with an invalid schedule', () => {
    const store = createStore();
    store.getState().addResource('rule', 'tick');
    store.getState().updateResource('rule', 'tick', (rule) => ({ ...rule, mode: 'schedule', scheduleText: 'rate(1 minutes)' }));
    expect(store.getState().scenario.rules).toEqual([]);
    store.getState().updateResource('rule', 'tick', (rule) => ({ ...rule, scheduleText: 'rate(5 minutes)' }));
    expect(store.getState().scenario.rules.map((rule) => rule.schedule)).toEqual(['rate(5 minutes)']);
  });

  it('subscribes the selected function to a new topic', () => {
    const store = createStore();
    store.getState().addResource('topic', 'orders');
    expect(store.getState().scenario.topics).toEqual([{ name: 'orders', subscriptions: ['hello-lambda'] }]);
  });
});

describe('triggers', () => {
  it('records an async invoke in the traffic', () => {
    const store = createStore();
    store.getState().invokeAsync();
    expect(store.getState().triggerFeedback?.message).toContain('202 Accepted');
    const sent = store.getState().snapshot?.sent ?? store.getState().driver!.session.snapshot().sent;
    expect(sent.map((request) => request.entry?.type)).toEqual(['async']);
  });

  it('records an S3 put in the traffic', () => {
    const store = createStore();
    store.getState().addResource('bucket', 'uploads');
    store.getState().sendS3();
    const sent = store.getState().driver!.session.snapshot().sent;
    expect(sent[0]?.entry).toMatchObject({ type: 's3', bucket: 'uploads', operation: 'put', key: 'photos/cat.jpg', size: 1024 });
  });

  it('rejects invalid EventBridge detail', () => {
    const store = createStore();
    store.getState().setEventBridgeForm({ detailText: '{oops' });
    store.getState().putEvent();
    expect(store.getState().triggerFeedback?.ok).toBe(false);
    expect(store.getState().driver!.session.snapshot().sent).toEqual([]);
  });
});
