/**
 * The scenario format as JSON Schema (draft 2020-12), generated from the zod schema and
 * published at docs/scenario.schema.json for editors and other tools. It describes the
 * document a person writes, so fields with defaults are optional. Checks that span fields
 * (unique function names, traffic naming a defined function) are not expressible in it.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(scenarioSchema, { io: 'input' });
  return { $schema, title: 'Lambda Playground scenario', ...rest };
}

/** Returns the published file's contents: the schema as indented JSON with a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
