/** Building blocks of the scenario schema shared by its modules. */
import { z } from 'zod';
import { unknownFieldsMessage } from './unknown-fields';

export const formatNumber = (n: number) => n.toLocaleString('en-US');

/** Describes a JSON value for a message: `"abc"`, `12`, `an array`. */
export const describeInput = (input: unknown): string => {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'string') return JSON.stringify(input);
  return String(input);
};

/** Builds a strict object whose messages for unknown fields and a wrong type name `where`. */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape, where: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return unknownFieldsMessage(issue.keys, known, where);
      if (issue.code === 'invalid_type') return `Expected ${where} to be an object, found ${describeInput(issue.input)}.`;
      return undefined;
    },
  });
}

export const functionNameSchema = z
  .string({ error: (issue) => `A function name is required, found ${describeInput(issue.input)}.` })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, {
    error: (issue) =>
      `Function name "${String(issue.input)}" is invalid. Use 1 to 64 letters, digits, hyphens or underscores.`,
  });

