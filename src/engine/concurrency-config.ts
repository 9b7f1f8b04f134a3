/**
 * AWS's rules for reserved and provisioned concurrency against the account limit, checked
 * when a run starts or a function changes. Messages start with the text the Lambda API
 * returns for the same mistake (PutFunctionConcurrency, PutProvisionedConcurrencyConfig),
 * then give the numbers and the fix.
 */
import { ACCOUNT_CONCURRENCY } from './limits';
import type { AccountSettings, FunctionConfig } from './model';

export const DEFAULT_ACCOUNT_SETTINGS: AccountSettings = {
  concurrencyLimit: ACCOUNT_CONCURRENCY.limit,
  unreservedMinimum: ACCOUNT_CONCURRENCY.unreservedMinimum,
  scaling: { kind: 'per-function' },
};

export interface ConcurrencyProblem {
  /** Index of the function in the list that was checked. */
  readonly functionIndex: number;
  readonly field: 'reservedConcurrency' | 'provisionedConcurrency';
  readonly message: string;
}

type ConcurrencyFields = Pick<FunctionConfig, 'name' | 'reservedConcurrency' | 'provisionedConcurrency'>;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Lists the functions whose reserved or provisioned concurrency breaks AWS's rules. All
 * reserved concurrency together must leave the unreserved minimum to the other functions.
 * Provisioned concurrency may not exceed the function's reserved concurrency. Without reserved
 * concurrency, provisioned concurrency comes out of the unreserved pool, which may not drop
 * below the minimum either.
 */
export function concurrencyConfigProblems(
  functions: readonly ConcurrencyFields[],
  account: AccountSettings,
): ConcurrencyProblem[] {
  const problems: ConcurrencyProblem[] = [];
  const { concurrencyLimit: limit, unreservedMinimum: minimum } = account;
  const reservable = Math.max(0, limit - minimum);

  let reserved = 0;
  functions.forEach((fn, functionIndex) => {
    if (fn.reservedConcurrency === undefined) return;
    const others = reserved;
    reserved += fn.reservedConcurrency;
    if (reserved <= reservable) return;
    problems.push({
      functionIndex,
      field: 'reservedConcurrency',
      message:
        `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${minimum}]. ` +
        `Function "${fn.name}" reserves ${count(fn.reservedConcurrency)} and the functions before it ${count(others)}, ` +
        `but the account limit of ${count(limit)} must keep ${count(minimum)} unreserved. ` +
        `Reserve at most ${count(Math.max(0, reservable - others))}, or raise the account limit.`,
    });
  });

  let unreservedProvisioned = 0;
  functions.forEach((fn, functionIndex) => {
    const provisioned = fn.provisionedConcurrency ?? 0;
    if (provisioned === 0) return;
    if (fn.reservedConcurrency !== undefined) {
      if (provisioned <= fn.reservedConcurrency) return;
      problems.push({
        functionIndex,
        field: 'provisionedConcurrency',
        message:
          'Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function. ' +
          `Function "${fn.name}" has provisioned concurrency ${count(provisioned)} and reserved concurrency ${count(fn.reservedConcurrency)}. ` +
          `Lower provisioned concurrency to at most ${count(fn.reservedConcurrency)}, or raise reserved concurrency.`,
      });
      return;
    }
    const others = unreservedProvisioned;
    unreservedProvisioned += provisioned;
    if (Math.min(reserved, reservable) + unreservedProvisioned <= reservable) return;
    problems.push({
      functionIndex,
      field: 'provisionedConcurrency',
      message:
        `Specified ConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${minimum}]. ` +
        `Function "${fn.name}" has no reserved concurrency, so its provisioned concurrency of ${count(provisioned)} comes out of the unreserved pool ` +
        `(account limit ${count(limit)}, reserved ${count(reserved)}, other provisioned concurrency ${count(others)}), which must keep ${count(minimum)}. ` +
        `Provision at most ${count(Math.max(0, reservable - Math.min(reserved, reservable) - others))}.`,
    });
  });
  return problems;
}

/** Lists what is wrong with the account settings themselves. */
export function accountSettingsProblems(account: AccountSettings): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(account.concurrencyLimit) || account.concurrencyLimit < 1) {
    problems.push(`Account concurrency limit ${account.concurrencyLimit} is invalid. Use a whole number of 1 or more.`);
  }
  if (!Number.isInteger(account.unreservedMinimum) || account.unreservedMinimum < 0) {
    problems.push(`Unreserved minimum ${account.unreservedMinimum} is invalid. Use a whole number of 0 or more.`);
  } else if (account.unreservedMinimum > account.concurrencyLimit) {
    problems.push(
      `Unreserved minimum ${count(account.unreservedMinimum)} is greater than the account concurrency limit ${count(account.concurrencyLimit)}. Set it to at most the limit.`,
    );
  }
  if (account.scaling.kind === 'account-burst' && !(Number.isInteger(account.scaling.burst) && account.scaling.burst >= 1)) {
    problems.push(`Burst concurrency ${account.scaling.burst} is invalid. Use a whole number of 1 or more, such as 500, 1,000 or 3,000.`);
  }
  return problems;
}
