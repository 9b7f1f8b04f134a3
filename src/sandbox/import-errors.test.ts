import { describe, expect, it } from 'vitest';
import { fromBrowserImportError, importError, importErrorMessage } from './import-errors';
import { toLambdaError } from './errors';

const BUILTIN = "Cannot import built-in module 'node:fs': the playground runs handlers without Node's built-in modules";
const OTHER = "Cannot import 'lodash': the playground runs a single index.mjs, without node_modules or other files";

describe('importErrorMessage', () => {
  it.each([
    ['node:fs', BUILTIN],
    ['fs', BUILTIN],
    ['node:anything', "Cannot import built-in module 'node:anything': the playground runs handlers without Node's built-in modules"],
    ['fs/promises', "Cannot import built-in module 'node:fs/promises': the playground runs handlers without Node's built-in modules"],
    ['lodash', OTHER],
    ['./util.js', "Cannot import './util.js': the playground runs a single index.mjs, without node_modules or other files"],
  ])('names %s', (specifier, message) => {
    expect(importErrorMessage(specifier)).toBe(message);
  });
});

describe('importError', () => {
  it('has the shape of a Node module error', () => {
    const error = importError('node:fs') as Error & { code?: string };
    expect(error.name).toBe('Error');
    expect(error.message).toBe(BUILTIN);
    expect(error.code).toBe('ERR_MODULE_NOT_FOUND');
    expect(error.stack).toBe(`Error [ERR_MODULE_NOT_FOUND]: ${BUILTIN}`);
  });
});

describe('fromBrowserImportError', () => {
  const module = { url: 'blob:null/0b1c', source: "import { readFileSync } from 'node:fs';\nexport const handler = 1;" };

  it('names the specifier of a failed dynamic import', () => {
    const error = new TypeError('Failed to fetch dynamically imported module: node:fs');
    expect(fromBrowserImportError(error)?.message).toBe(BUILTIN);
  });

  it('names a bare specifier Chromium cannot resolve', () => {
    const error = new TypeError(
      'Failed to resolve module specifier "lodash". Relative references must start with either "/", "./", or "../".',
    );
    expect(fromBrowserImportError(error, module)?.message).toBe(OTHER);
  });

  it('reads the static import when the module itself failed', () => {
    const error = new TypeError(`Failed to fetch dynamically imported module: ${module.url}`);
    expect(fromBrowserImportError(error, module)?.message).toBe(BUILTIN);
  });

  it('leaves other errors alone', () => {
    expect(fromBrowserImportError(new TypeError('x is not a function'))).toBeUndefined();
    expect(fromBrowserImportError(new Error('Failed to fetch dynamically imported module: node:fs'))).toBeUndefined();
    expect(fromBrowserImportError('Failed to fetch dynamically imported module: node:fs')).toBeUndefined();
  });

  it('is applied to errors reported to Lambda', () => {
    const error = new TypeError('Failed to fetch dynamically imported module: node:fs');
    expect(toLambdaError(error, 'nodejs24.x')).toEqual({
      errorType: 'Error',
      errorMessage: BUILTIN,
      trace: [`Error [ERR_MODULE_NOT_FOUND]: ${BUILTIN}`],
    });
  });
});
