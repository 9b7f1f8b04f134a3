import { describe, expect, it } from 'vitest';
import { findStaticImport } from './import-scan';

describe('findStaticImport', () => {
  it.each([
    ['a default import', "import fs from 'node:fs';", 'node:fs'],
    ['named imports', 'import { readFile as read, stat } from "fs/promises"', 'fs/promises'],
    ['a namespace import', "import * as path from 'path'", 'path'],
    ['a default and named import', "import a, { b } from 'pkg'", 'pkg'],
    ['a side-effect import', "import 'https://example.com/x.js';", 'https://example.com/x.js'],
    ['a re-export', "export * from './util.js'", './util.js'],
    ['a named re-export', "export { a as b } from 'lib'", 'lib'],
    ['an import after the prelude', "const {x} = globalThis['k'](import.meta.url);import os from 'os'", 'os'],
    ['an import after code', "const a = 1;\nexport const handler = async () => a;\nimport z from 'zlib';", 'zlib'],
  ])('finds %s', (_case, source, expected) => {
    expect(findStaticImport(source)).toBe(expected);
  });

  it.each([
    ['a dynamic import', "const fs = await import('node:fs');"],
    ['import.meta', "console.log(import.meta.url, 'x');"],
    ['an import in a comment', "// import fs from 'fs'\n/* import os from 'os' */ export const a = 1;"],
    ['an import in a string', `const text = "import fs from 'fs'";`],
    ['an import in a template', "const text = `import fs from 'fs' ${'x'}`;"],
    ['an import in a regular expression', "const pattern = /import x from 'y'/;"],
    ['a method named import', "loader.import('x');"],
    ['exports without from', "export const handler = async () => 'from';\nexport { handler as other };"],
    ['an export default string', "export default 'from';"],
  ])('ignores %s', (_case, source) => {
    expect(findStaticImport(source)).toBeUndefined();
  });

  it('reads on after a template with nested braces', () => {
    const source = "const t = `${ { a: '}' }.a } and ${`${1}`}`;\nimport x from 'after';";
    expect(findStaticImport(source)).toBe('after');
  });

  it('reads on after a division', () => {
    expect(findStaticImport("const half = total / 2; const r = /'/.test(s);\nimport x from 'after';")).toBe('after');
  });
});
