/**
 * Asynchronous invocation in the workspace and the run: each function's async settings, the
 * scenario's resources, and the triggers that send an asynchronous event into the current run
 * at the playhead (an `Event` invoke, an S3 object put or delete, an SNS publish, an
 * EventBridge event). The session records each trigger as a traffic entry, so Replay sends it
 * again.
 */
import type { StateCreator } from 'zustand';
import { scenarioTrafficEntrySchema, type ScenarioTrafficEntry } from '../scenario/schema';
import { DEFAULT_ASYNC, withAsyncFieldText, type AsyncDraft, type AsyncField, type TargetChoice, type TargetRole } from './async-model';
import { FAILING_HANDLER_CODE, FAILING_FUNCTION_NAME, DEFAULT_DLQ_NAME } from './async-examples';
import type { AppState } from './index';
import {
  EMPTY_RESOURCES,
  addResource,
  checkResourceName,
  removeResource,
  updateResource,
  type ResourceKind,
  type ResourceOf,
} from './resources-model';
import { createFunctionDraft, unusedFunctionId, unusedFunctionName, type FunctionDraft } from './workspace-model';
import { selectedDraft } from './workspace-slice';

export interface S3Form {
  readonly bucket: string;
  readonly operation: 'put' | 'delete';
  readonly key: string;
  readonly sizeText: string;
}

export interface SnsForm {
  readonly topic: string;
  readonly message: string;
  readonly subject: string;
}

export interface EventBridgeForm {
  readonly source: string;
  readonly detailType: string;
  readonly detailText: string;
}

export interface TriggerFeedback {
  readonly ok: boolean;
  readonly message: string;
}

export interface AsyncSlice {
  readonly s3Form: S3Form;
  readonly snsForm: SnsForm;
  readonly eventBridgeForm: EventBridgeForm;
  /** Result of the last trigger, e.g. "202 Accepted", or the reason it was not sent. */
  readonly triggerFeedback: TriggerFeedback | undefined;

  setAsyncField(field: AsyncField, text: string): void;
  /** Sets the selected function's dead-letter queue or a destination; undefined removes it. */
  setAsyncTarget(role: TargetRole, target: TargetChoice | undefined): void;
  /** Adds a resource; returns why the name cannot be used, or undefined when it was added. */
  addResource(kind: ResourceKind, name: string): string | undefined;
  removeResource(kind: ResourceKind, name: string): void;
  updateResource<K extends ResourceKind>(kind: K, name: string, change: (item: ResourceOf<K>) => ResourceOf<K>): void;
  /**
   * Adds a handler that always throws, with a "dlq" queue as its dead-letter queue, and
   * selects it: the quickest way to watch retries and a DLQ message.
   */
  addFailingExample(): void;

  setS3Form(change: Partial<S3Form>): void;
  setSnsForm(change: Partial<SnsForm>): void;
  setEventBridgeForm(change: Partial<EventBridgeForm>): void;
  /** Sends the test event to the selected function with `InvocationType: Event`, and plays. */
  invokeAsync(): void;
  sendS3(): void;
  publishSns(): void;
  putEvent(): void;
}

const CONSOLE_SOURCE = 'console';

export const createAsyncSlice: StateCreator<AppState, [], [], AsyncSlice> = (set, get) => {
  const updateSelected = (change: (draft: FunctionDraft) => FunctionDraft) =>
    get().updateDocument((document) => {
      const selected = selectedDraft(document);
      return { ...document, functions: document.functions.map((draft) => (draft === selected ? change(draft) : draft)) };
    });
  const updateAsync = (change: (draft: AsyncDraft) => AsyncDraft) =>
    updateSelected((draft) => ({ ...draft, async: change(draft.async ?? DEFAULT_ASYNC) }));

  /** Validates `entry` with the scenario schema, plays, and submits it at the playhead. */
  const send = (entry: Record<string, unknown>, accepted: string) => {
    const state = get();
    if (!state.driver) return;
    const parsed = scenarioTrafficEntrySchema.safeParse({ ...entry, at: 0 });
    if (!parsed.success) {
      set({ triggerFeedback: { ok: false, message: parsed.error.issues[0]?.message ?? 'The event is invalid.' } });
      return;
    }
    // Playing first loads a fresh run when the workspace changed, so the resources exist in it.
    state.play();
    const { driver, playheadMs } = get();
    const started: ScenarioTrafficEntry = { ...parsed.data, at: playheadMs };
    try {
      driver?.session.submitTraffic(started);
      set({ triggerFeedback: { ok: true, message: accepted }, runError: undefined });
    } catch (error) {
      set({ triggerFeedback: { ok: false, message: `The event could not be sent: ${(error as Error).message}` } });
    }
  };

  return {
    s3Form: { bucket: '', operation: 'put', key: 'photos/cat.jpg', sizeText: '1024' },
    snsForm: { topic: '', message: '{"orderId": 42}', subject: '' },
    eventBridgeForm: { source: 'com.example.orders', detailType: 'Order Placed', detailText: '{\n  "orderId": 42\n}' },
    triggerFeedback: undefined,

    setAsyncField: (field, text) => updateAsync((draft) => withAsyncFieldText(draft, field, text)),

    setAsyncTarget: (role, target) => updateAsync((draft) => ({ ...draft, [role]: target })),

    addResource: (kind, name) => {
      const resources = get().resources ?? EMPTY_RESOURCES;
      const problem = checkResourceName(resources, kind, name);
      if (problem !== undefined) return problem;
      const functionName = kind === 'queue' ? undefined : get().functionSpec.name;
      get().updateDocument((document) => ({ ...document, resources: addResource(resources, kind, name, functionName) }));
      return undefined;
    },

    removeResource: (kind, name) =>
      get().updateDocument((document) => ({ ...document, resources: removeResource(document.resources ?? EMPTY_RESOURCES, kind, name) })),

    updateResource: (kind, name, change) =>
      get().updateDocument((document) => ({
        ...document,
        resources: updateResource(document.resources ?? EMPTY_RESOURCES, kind, name, change),
      })),

    addFailingExample: () => {
      get().updateDocument((document) => {
        const resources = document.resources ?? EMPTY_RESOURCES;
        const withQueue = resources.queues.some((queue) => queue.name === DEFAULT_DLQ_NAME)
          ? resources
          : addResource(resources, 'queue', DEFAULT_DLQ_NAME);
        const draft: FunctionDraft = {
          ...createFunctionDraft(
            unusedFunctionId(document.functions),
            unusedFunctionName(document.functions, FAILING_FUNCTION_NAME),
            FAILING_HANDLER_CODE,
          ),
          async: { ...DEFAULT_ASYNC, deadLetterQueue: { kind: 'sqs', name: DEFAULT_DLQ_NAME } },
        };
        return { ...document, functions: [...document.functions, draft], selectedFunctionId: draft.id, resources: withQueue };
      });
      set({ codeProblems: [] });
    },

    setS3Form: (change) => set({ s3Form: { ...get().s3Form, ...change } }),
    setSnsForm: (change) => set({ snsForm: { ...get().snsForm, ...change } }),
    setEventBridgeForm: (change) => set({ eventBridgeForm: { ...get().eventBridgeForm, ...change } }),

    invokeAsync: () => {
      const state = get();
      if (!state.eventParse.ok) {
        set({ triggerFeedback: { ok: false, message: state.eventParse.message } });
        return;
      }
      const name = state.functionSpec.name;
      send(
        { function: name, type: 'async', event: state.eventParse.event, source: CONSOLE_SOURCE },
        `202 Accepted: Lambda queued the event for ${name} and returns no result to the caller.`,
      );
    },

    sendS3: () => {
      const { s3Form } = get();
      const bucket = s3Form.bucket || firstName(get().scenario.buckets);
      if (!bucket) {
        set({ triggerFeedback: { ok: false, message: 'The scenario has no bucket. Add one under Resources first.' } });
        return;
      }
      const size = s3Form.operation === 'put' ? Number(s3Form.sizeText.trim() || '0') : 0;
      const verb = s3Form.operation === 'put' ? 'PutObject' : 'DeleteObject';
      send(
        { type: 's3', bucket, operation: s3Form.operation, key: s3Form.key, size, source: CONSOLE_SOURCE },
        `${verb} s3://${bucket}/${s3Form.key}: S3 notifies the subscribed functions asynchronously.`,
      );
    },

    publishSns: () => {
      const { snsForm } = get();
      const topic = snsForm.topic || firstName(get().scenario.topics);
      if (!topic) {
        set({ triggerFeedback: { ok: false, message: 'The scenario has no topic. Add one under Resources first.' } });
        return;
      }
      send(
        { type: 'sns', topic, message: snsForm.message, ...(snsForm.subject ? { subject: snsForm.subject } : {}), source: CONSOLE_SOURCE },
        `Published to ${topic}: SNS invokes each subscribed function asynchronously.`,
      );
    },

    putEvent: () => {
      const { eventBridgeForm } = get();
      let detail: unknown;
      try {
        detail = JSON.parse(eventBridgeForm.detailText || '{}');
      } catch (error) {
        set({ triggerFeedback: { ok: false, message: `The detail is not valid JSON: ${(error as Error).message}. Fix it to send the event.` } });
        return;
      }
      send(
        { type: 'eventbridge', eventBus: 'default', source: eventBridgeForm.source, detailType: eventBridgeForm.detailType, detail },
        'PutEvents accepted: each matching rule invokes its targets asynchronously.',
      );
    },
  };
};

const firstName = (list: readonly { readonly name: string }[]) => list[0]?.name;

export const selectResources = (state: AppState) => state.resources ?? EMPTY_RESOURCES;
export const selectTriggerFeedback = (state: AsyncSlice) => state.triggerFeedback;
/** The selected function's async settings, AWS's defaults when none were set. */
export const selectAsyncDraft = (state: AppState): AsyncDraft => selectedDraft(state).async ?? DEFAULT_ASYNC;
