import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from './json-schema';

const PUBLISHED = new URL('../../docs/scenario.schema.json', import.meta.url);

describe('published JSON Schema', () => {
  it('matches the zod schema', () => {
    const published = readFileSync(PUBLISHED, 'utf8');
    // When this fails, run `npm run schema` and commit docs/scenario.schema.json.
    expect(published).toBe(scenarioJsonSchemaText());
  });

  it('marks the fields a person must write as required', () => {
    const schema = scenarioJsonSchema() as {
      required: string[];
      properties: { functions: { items: { required: string[]; additionalProperties: boolean } } };
    };
    expect(schema.required).toEqual(['version', 'functions']);
    expect(schema.properties.functions.items.required).toEqual(['name', 'code']);
    expect(schema.properties.functions.items.additionalProperties).toBe(false);
  });
});
