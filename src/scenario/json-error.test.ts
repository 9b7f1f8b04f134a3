import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-error';

describe('findJsonSyntaxError', () => {
  it.each([
    '{}',
    '[]',
    ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]} ',
    '"text"',
    '0',
  ])('accepts valid JSON %s', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });

  it.each([
    ['{"a": 1,}', 1, 9, "expected a property name in double quotes, found '}'"],
    ['{"a": }', 1, 7, "expected a value, found '}'"],
    ['{\n "a": 1\n "b": 2}', 3, 2, "expected ',' or '}' after the property value, found '\"'"],
    ['[1 2]', 1, 4, "expected ',' or ']' after the array element, found '2'"],
    ["{'a': 1}", 1, 2, "expected a property name in double quotes, found '''"],
    ['{"a": "line\nbreak"}', 1, 12, 'a control character such as a line break must be escaped inside a string'],
    ['{"a": 1', 1, 8, "expected ',' or '}' after the property value, found the end of the text"],
    ['{"a": "open', 1, 12, 'the string is not closed with a double quote'],
    ['{} x', 1, 4, "expected the end of the document, found 'x'"],
    ['{"a": -}', 1, 8, "expected a digit, found '}'"],
    ['{"a": tru}', 1, 7, "expected a value, found 't'"],
  ] as const)('locates the error in %j', (text, line, column, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toMatchObject({ line, column, message });
  });
});
