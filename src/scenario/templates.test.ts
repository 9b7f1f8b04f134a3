import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_TEMPLATE_ID, EVENT_TEMPLATES, findEventTemplate } from './templates';

describe('event templates', () => {
  it.each(EVENT_TEMPLATES.map((template) => [template.id, template] as const))('%s is valid JSON', (_id, template) => {
    expect(() => JSON.parse(template.text)).not.toThrow();
  });

  it('has unique ids', () => {
    const ids = EVENT_TEMPLATES.map((template) => template.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('defaults to the HTTP API template', () => {
    expect(findEventTemplate(DEFAULT_EVENT_TEMPLATE_ID)?.label).toBe('API Gateway HTTP API (payload v2)');
  });

  it('HTTP API event has payload v2 fields', () => {
    const event = JSON.parse(findEventTemplate('apigateway-http-v2')!.text);
    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe(`${event.requestContext.http.method} ${event.rawPath}`);
    expect(event.requestContext.http.path).toBe(event.rawPath);
    expect(new Date(event.requestContext.timeEpoch).toISOString()).toBe('2026-01-01T09:00:00.000Z');
  });

  it('blank event is an empty object', () => {
    expect(JSON.parse(findEventTemplate('blank')!.text)).toEqual({});
  });

  it('record events carry their event source', () => {
    expect(JSON.parse(findEventTemplate('s3-put')!.text).Records[0].eventSource).toBe('aws:s3');
    expect(JSON.parse(findEventTemplate('sqs')!.text).Records[0].eventSource).toBe('aws:sqs');
  });
});
