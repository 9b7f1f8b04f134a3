/** A ready-made example for asynchronous invocation: a handler that always fails. */

export const FAILING_FUNCTION_NAME = 'failing-handler';
export const DEFAULT_DLQ_NAME = 'dlq';

/**
 * Records each attempt in module scope, then throws. Invoked asynchronously with the
 * defaults, it runs three times (about 0, 1 and 3 minutes) with one request ID, and the
 * event then goes to the dead-letter queue.
 */
export const FAILING_HANDLER_CODE = `const attempts = [];

export const handler = async (event, context) => {
  attempts.push(context.awsRequestId);
  console.log(\`attempt \${attempts.length} in this environment for \${context.awsRequestId}\`);
  throw new Error(\`Could not process order \${event.orderId ?? '(none)'}\`);
};
`;
