/**
 * A scenario as a workspace: its functions, account settings and resources as the drafts
 * the editor shows. The editor has no control for a few scenario fields, such as a handler
 * other than `index.handler`, a notification's key prefix or a custom event bus. Those are
 * listed, so the page can warn that a run after a change will not keep them.
 */
import { accountBurstFor } from '../engine/limits';
import type { Scenario } from '../scenario/schema';
import { formatPath } from '../scenario/validate';
import { formatEventAge, type AsyncDraft } from './async-model';
import type { ResourcesDraft } from './resources-model';
import { scenarioFieldsOf } from './scenario-fields';
import {
  IDLE_RECLAIM_OPTIONS,
  parseWorkspaceScenario,
  type AccountDraft,
  type FunctionDraft,
  type WorkspaceDocument,
} from './workspace-model';

export type WorkspaceOfScenario =
  | {
      readonly ok: true;
      readonly document: WorkspaceDocument;
      /** Paths of the scenario's values the workspace cannot keep, such as `rules[0].eventBus`. */
      readonly notKept: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

/**
 * Builds the workspace for `scenario`. The test event is not part of a scenario, so `current`'s
 * stays. The scenario's traffic is left out, because the run contains it and the workspace does not.
 */
export function workspaceOfScenario(scenario: Scenario, current: WorkspaceDocument): WorkspaceOfScenario {
  const functions = scenario.functions.map((fn, index) => functionDraftOf(fn, `fn-${index + 1}`));
  const scenarioFields = scenarioFieldsOf(scenario);
  const document: WorkspaceDocument = {
    functions,
    selectedFunctionId: functions[0]!.id,
    account: accountDraftOf(scenario),
    eventTemplateId: current.eventTemplateId,
    eventText: current.eventText,
    resources: resourcesDraftOf(scenario),
    ...(scenarioFields ? { scenarioFields } : {}),
  };

  const parsed = parseWorkspaceScenario(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${formatPath(issue.path)}: ` : '';
    return { ok: false, message: `The scenario could not be loaded into the editor. ${where}${issue?.message ?? ''}`.trim() };
  }
  const { traffic: _traffic, view: _view, $schema: _schema, ...linked } = scenario;
  const { traffic: _noTraffic, view: _defaultView, ...loaded } = parsed.data;
  return { ok: true, document, notKept: differingPaths(linked, loaded, []) };
}

function functionDraftOf(fn: Scenario['functions'][number], id: string): FunctionDraft {
  const reserved = fn.reservedConcurrency;
  return {
    id,
    code: fn.code,
    runtime: fn.runtime,
    architecture: fn.architecture,
    fieldText: {
      name: fn.name,
      memoryMb: String(fn.memoryMb),
      timeoutSeconds: String(fn.timeoutSeconds),
      reservedConcurrency: reserved === undefined ? '' : String(reserved),
      provisionedConcurrency: String(fn.provisionedConcurrency),
    },
    validSettings: {
      name: fn.name,
      memoryMb: fn.memoryMb,
      timeoutSeconds: fn.timeoutSeconds,
      reservedConcurrency: reserved,
      provisionedConcurrency: fn.provisionedConcurrency,
    },
    ...(fn.async ? { async: asyncDraftOf(fn.async) } : {}),
  };
}

function asyncDraftOf(spec: NonNullable<Scenario['functions'][number]['async']>): AsyncDraft {
  const target = (destination: { type: string; name: string } | undefined) =>
    destination ? { kind: destination.type, name: destination.name } : undefined;
  return {
    fieldText: {
      maximumRetryAttempts: String(spec.maximumRetryAttempts),
      maximumEventAgeSeconds: formatEventAge(spec.maximumEventAgeSeconds),
    },
    validSettings: {
      maximumRetryAttempts: spec.maximumRetryAttempts,
      maximumEventAgeSeconds: spec.maximumEventAgeSeconds,
    },
    deadLetterQueue: target(spec.deadLetterQueue) as AsyncDraft['deadLetterQueue'],
    onSuccess: target(spec.onSuccess) as AsyncDraft['onSuccess'],
    onFailure: target(spec.onFailure) as AsyncDraft['onFailure'],
  };
}

function accountDraftOf(scenario: Scenario): AccountDraft {
  const { account, idleReclaimMinutes, initBilled, region } = scenario.settings;
  const idleReclaim = IDLE_RECLAIM_OPTIONS.find(
    (option) => option.minutes.min === idleReclaimMinutes.min && option.minutes.max === idleReclaimMinutes.max,
  )?.value;
  return {
    fieldText: { concurrencyLimit: String(account.concurrencyLimit), unreservedMinimum: String(account.unreservedMinimum) },
    validSettings: {
      concurrencyLimit: account.concurrencyLimit,
      unreservedMinimum: account.unreservedMinimum,
      scaling:
        account.scaling === 'account-burst'
          ? { kind: 'account-burst', burst: account.burstConcurrency ?? accountBurstFor(region) }
          : { kind: 'per-function' },
      idleReclaim,
      initBilled,
    },
  };
}

function resourcesDraftOf(scenario: Scenario): ResourcesDraft {
  return {
    queues: scenario.queues.map((queue) => ({ name: queue.name })),
    topics: scenario.topics.map((topic) => ({ name: topic.name, subscriptions: [...topic.subscriptions] })),
    buckets: scenario.buckets.map((bucket) => ({
      name: bucket.name,
      notifications: bucket.notifications.map((notification) => ({ events: [...notification.events], function: notification.function })),
    })),
    rules: scenario.rules.map((rule) => ({
      name: rule.name,
      mode: rule.schedule === undefined ? 'pattern' : 'schedule',
      scheduleText: rule.schedule ?? 'rate(5 minutes)',
      sourceText: rule.eventPattern?.source?.join(', ') ?? '',
      detailTypeText: rule.eventPattern?.['detail-type']?.join(', ') ?? '',
      targets: [...rule.targets],
    })),
  };
}

/** Paths at which two JSON values differ, stopping at the first level that differs. */
function differingPaths(linked: unknown, loaded: unknown, path: PropertyKey[]): string[] {
  if (JSON.stringify(linked) === JSON.stringify(loaded)) return [];
  if (Array.isArray(linked) && Array.isArray(loaded) && linked.length === loaded.length) {
    return linked.flatMap((item, index) => differingPaths(item, loaded[index], [...path, index]));
  }
  if (isRecord(linked) && isRecord(loaded)) {
    const keys = new Set([...Object.keys(linked), ...Object.keys(loaded)]);
    return [...keys].flatMap((key) => differingPaths(linked[key], loaded[key], [...path, key]));
  }
  return [formatPath(path)];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
