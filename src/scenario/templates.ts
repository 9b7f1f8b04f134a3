/**
 * Test event templates: realistic events in the shapes AWS services send, typed with
 * @types/aws-lambda so that a wrong field is a build error. The ids are stable because the
 * workspace saves the chosen template.
 */
import type {
  APIGatewayProxyEventV2,
  EventBridgeEvent,
  S3Event,
  SQSEvent,
} from 'aws-lambda';

export interface EventTemplate {
  readonly id: string;
  readonly label: string;
  /** The event's JSON, formatted as the editor shows it. */
  readonly text: string;
}

const apiGatewayHttpV2 = {
  version: '2.0',
  routeKey: 'GET /hello',
  rawPath: '/hello',
  rawQueryString: 'name=Ada',
  cookies: ['theme=dark'],
  headers: {
    accept: 'application/json',
    'content-length': '0',
    host: 'abc123def4.execute-api.us-east-1.amazonaws.com',
    'user-agent': 'curl/8.7.1',
    'x-amzn-trace-id': 'Root=1-6770a000-3f5c8a1b2d4e6f7a8b9c0d1e',
    'x-forwarded-for': '203.0.113.17',
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
  },
  queryStringParameters: { name: 'Ada' },
  requestContext: {
    accountId: '123456789012',
    apiId: 'abc123def4',
    domainName: 'abc123def4.execute-api.us-east-1.amazonaws.com',
    domainPrefix: 'abc123def4',
    http: {
      method: 'GET',
      path: '/hello',
      protocol: 'HTTP/1.1',
      sourceIp: '203.0.113.17',
      userAgent: 'curl/8.7.1',
    },
    requestId: 'JKHo9g2ZIAMEMnA=',
    routeKey: 'GET /hello',
    stage: '$default',
    time: '01/Jan/2026:09:00:00 +0000',
    timeEpoch: 1767258000000,
  },
  isBase64Encoded: false,
} satisfies APIGatewayProxyEventV2;

const s3Put = {
  Records: [
    {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2026-01-01T09:00:00.000Z',
      eventName: 'ObjectCreated:Put',
      userIdentity: { principalId: 'AWS:AIDAEXAMPLEPRINCIPAL' },
      requestParameters: { sourceIPAddress: '203.0.113.17' },
      responseElements: {
        'x-amz-request-id': 'C3D13FE58DE4C810',
        'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD',
      },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'uploads-to-lambda',
        bucket: {
          name: 'example-uploads',
          ownerIdentity: { principalId: 'A3NL1KOZZKExample' },
          arn: 'arn:aws:s3:::example-uploads',
        },
        object: {
          key: 'images/cat.jpg',
          size: 52_417,
          eTag: 'd41d8cd98f00b204e9800998ecf8427e',
          sequencer: '0067753E1A2B3C4D5E',
        },
      },
    },
  ],
} satisfies S3Event;

const sqsBatch = {
  Records: [
    {
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
      receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...',
      body: '{"orderId":"o-1001","amount":42.5}',
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1767258000000',
        SenderId: 'AIDAEXAMPLESENDER',
        ApproximateFirstReceiveTimestamp: '1767258000012',
      },
      messageAttributes: {},
      md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:orders',
      awsRegion: 'us-east-1',
    },
  ],
} satisfies SQSEvent;

const scheduled = {
  version: '0',
  id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: '2026-01-01T09:00:00Z',
  region: 'us-east-1',
  resources: ['arn:aws:events:us-east-1:123456789012:rule/every-five-minutes'],
  detail: {},
} satisfies EventBridgeEvent<'Scheduled Event', Record<string, never>>;

const format = (event: unknown) => JSON.stringify(event, null, 2);

export const EVENT_TEMPLATES: readonly EventTemplate[] = [
  { id: 'apigateway-http-v2', label: 'API Gateway HTTP API (payload v2)', text: format(apiGatewayHttpV2) },
  { id: 's3-put', label: 'S3 object created (Put)', text: format(s3Put) },
  { id: 'sqs', label: 'SQS message batch', text: format(sqsBatch) },
  { id: 'eventbridge-scheduled', label: 'EventBridge scheduled event', text: format(scheduled) },
  { id: 'blank', label: 'Blank custom event', text: '{}' },
];

export const DEFAULT_EVENT_TEMPLATE_ID = 'apigateway-http-v2';

export function findEventTemplate(id: string): EventTemplate | undefined {
  return EVENT_TEMPLATES.find((template) => template.id === id);
}

/**
 * The handler a new workspace starts with. Its module-scope counter shows warm reuse: it
 * counts up within one execution environment and starts again at 1 after a cold start.
 */
export const EXAMPLE_HANDLER_CODE = `// Module scope runs once per execution environment, during INIT.
let invocations = 0;
const environmentStartedAt = new Date().toISOString();

/** @type {import('aws-lambda').APIGatewayProxyHandlerV2} */
export const handler = async (event, context) => {
  invocations += 1;
  console.log(\`Invocation \${invocations} of this environment (started \${environmentStartedAt})\`);

  // A pretend database call: 120 ms on the simulated clock.
  await new Promise((resolve) => setTimeout(resolve, 120));

  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      message: \`Hello, \${event.queryStringParameters?.name ?? 'world'}!\`,
      invocations,
      requestId: context.awsRequestId,
    }),
  };
};
`;
