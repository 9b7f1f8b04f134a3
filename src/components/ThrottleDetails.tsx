import type { ReactNode } from 'react';
import { useAppStore } from '../store';
import type { InvocationRecord } from '../store/invocations';
import { selectRunScaling, type RunScaling } from '../store/run-view';

const count = (n: number) => n.toLocaleString('en-US');

type Throttle = NonNullable<InvocationRecord['throttle']>;

/** Shows which limit a throttled request hit, the numbers at that moment and the AWS rule behind it. */
export function ThrottleDetails({ throttle }: { readonly throttle: Throttle }) {
  const scaling = useAppStore(selectRunScaling);
  const { title, rule } = explain(throttle, scaling);
  const throughApiGateway = throttle.invoker === 'api-gateway';
  // AWS documents no Reason for a throttle by the scaling rate; the trace names it anyway.
  const invented = throttle.reason === 'ScalingRateExceeded';

  return (
    <div className="flex flex-col gap-2 rounded-md border border-fuchsia-200 bg-fuchsia-50/60 p-2 text-xs" data-testid="throttle-details">
      <p className="font-semibold text-fuchsia-900">{title}</p>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
        <Row label="Reason">
          <span className="font-mono break-all" data-testid="throttle-reason">
            {throttle.reason}
          </span>
          {invented && <span className="text-amber-800"> (the playground's name)</span>}
        </Row>
        <Row label="Limit">{count(throttle.limit)}</Row>
        <Row label="Concurrency then">{count(throttle.concurrency)}</Row>
        <Row label="Caller received">
          HTTP {throttle.statusCode}
          {throughApiGateway ? ' from API Gateway' : ` ${throttle.errorType}`}
        </Row>
      </dl>
      <p className="leading-snug text-slate-700">{rule}</p>
      <p className="leading-snug text-slate-700">
        {throughApiGateway
          ? 'Lambda rejected the invoke with 429 TooManyRequestsException; API Gateway turns a rejected Lambda invoke into 500 Internal server error and does not retry.'
          : 'Lambda does not retry a throttled synchronous request; the caller decides (the AWS SDKs and CLI retry 429s).'}
      </p>
      {invented && !throughApiGateway && (
        <p className="leading-snug text-amber-800" data-testid="throttle-body-note">
          The body below is the playground's: AWS documents no Reason for a throttle by the scaling rate, so do not expect this one in real
          responses.
        </p>
      )}
      <pre className="overflow-x-auto rounded bg-white/70 p-1.5 font-mono text-[11px] text-slate-800">{throttle.responseJson}</pre>
    </div>
  );
}

function Row({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-800 tabular-nums">{children}</dd>
    </>
  );
}

function explain(throttle: Throttle, scaling: RunScaling): { title: string; rule: string } {
  const { limit, concurrency, functionName } = throttle;
  switch (throttle.reason) {
    case 'ReservedFunctionConcurrentInvocationLimitExceeded':
      return {
        title: `Throttled: ${functionName} reached its reserved concurrency`,
        rule:
          limit === 0
            ? 'Reserved concurrency 0 throttles every request to the function: no environment is ever created.'
            : `Reserved concurrency is both a guarantee and a maximum. ${functionName} may use at most ${count(limit)} environments at once (busy ones, and provisioned ones even while idle); ${count(concurrency)} were in use, so this request found no free environment and no room for a new one.`,
      };
    case 'ConcurrentInvocationLimitExceeded':
      return {
        title: 'Throttled: the account ran out of unreserved concurrency',
        rule: `Functions without reserved concurrency share the unreserved pool: the account's concurrency limit minus every function's reservation, here ${count(limit)}. ${count(concurrency)} of it were in use when the request arrived. Raise the account quota, or reserve concurrency for the functions that must not be throttled.`,
      };
    case 'ScalingRateExceeded':
      return {
        title: 'Throttled: Lambda could not add environments fast enough',
        rule:
          scaling === 'account-burst'
            ? `Before November 2023, the functions of an account shared an initial burst of ${count(limit)} new environments, then 500 more per minute. The burst was used up, so this request, which needed a new environment, was throttled while ${count(concurrency)} were in use in the account. (AWS documents no Reason value for this case; the playground names it ScalingRateExceeded.)`
            : `Each function may add up to ${count(limit)} new environments every 10 seconds, refilled continuously (100 a second) and not saved up beyond that. ${functionName} had used its allowance with ${count(concurrency)} environments in use, so this request, which needed a new one, was throttled. Idle environments are always reused first. (AWS documents no Reason value for this case; the playground names it ScalingRateExceeded.)`,
      };
  }
}
