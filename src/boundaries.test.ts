/**
 * Checks the folder import rules: which folder under src/ may import from which. A crossed
 * boundary fails here with the file, the import and the rule.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = dirname(fileURLToPath(import.meta.url));

interface Rule {
  /** Folders under src/ this folder may import from (its own folder is always allowed). */
  readonly folders: readonly string[];
  /** Folders it may import types from (`import type` only). */
  readonly typeOnlyFolders?: readonly string[];
  /** Bare package names it may import. */
  readonly packages: readonly string[] | 'any';
  readonly reason: string;
}

const RULES: Record<string, Rule> = {
  lib: { folders: [], packages: [], reason: 'lib/ holds pure helpers shared by every layer.' },
  engine: {
    folders: ['lib'],
    packages: [],
    reason: 'The engine is a pure simulation that runs the same in Node and the browser.',
  },
  scenario: {
    folders: ['lib', 'engine'],
    packages: ['zod', 'lz-string', 'fflate', 'adler-32', 'croner', 'aws-lambda'],
    reason: 'Scenarios describe runs; they know the engine model but no UI or workers.',
  },
  protocol: {
    folders: [],
    typeOnlyFolders: ['engine'],
    packages: [],
    reason: 'protocol/ holds only the types that cross the worker boundary.',
  },
  sandbox: {
    folders: ['protocol', 'lib'],
    typeOnlyFolders: ['engine'],
    packages: ['comlink', 'node:*', '@types/aws-lambda', 'aws-lambda'],
    reason: 'Sandbox code runs inside a worker next to untrusted handler code.',
  },
  driver: {
    folders: ['engine', 'protocol', 'scenario', 'lib', 'sandbox'],
    packages: ['comlink', 'node:*'],
    reason: 'The driver connects the engine to workers and playback; it renders nothing.',
  },
  timeline: {
    folders: ['lib'],
    typeOnlyFolders: ['engine'],
    packages: [],
    reason: 'timeline/ is a pure presentation model of the trace.',
  },
  store: {
    folders: ['engine', 'scenario', 'timeline', 'lib'],
    typeOnlyFolders: ['driver'],
    packages: ['zustand', 'zustand/*'],
    reason: 'The store holds state; the driver is injected by the app, not imported.',
  },
  components: {
    folders: ['store', 'timeline', 'lib'],
    typeOnlyFolders: ['engine', 'scenario'],
    packages: 'any',
    reason: 'Components render state from the store.',
  },
  app: { folders: ['*'], packages: 'any', reason: 'app/ is the composition root.' },
  cli: {
    folders: ['engine', 'scenario', 'driver', 'lib', 'sandbox', 'protocol'],
    packages: 'any',
    reason: 'The headless runner uses the engine and the Node pieces of the driver.',
  },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    // Tests and their helpers (`test-support.node.ts`) may reach across folders to set up a case.
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && name !== 'test-support.node.ts' ? [path] : [];
  });
}

const IMPORT_PATTERN = /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function packageAllowed(specifier: string, packages: Rule['packages']): boolean {
  if (packages === 'any') return true;
  return packages.some((allowed) =>
    allowed.endsWith('*') ? specifier.startsWith(allowed.slice(0, -1)) : specifier === allowed || specifier.startsWith(`${allowed}/`),
  );
}

describe('folder import rules', () => {
  const violations: string[] = [];

  for (const file of sourceFiles(srcDir)) {
    const folder = relative(srcDir, file).split(/[\\/]/)[0]!;
    const rule = RULES[folder];
    if (!rule) continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT_PATTERN)) {
      const typeOnly = Boolean(match[2]);
      const specifier = match[3]!;
      const where = `${relative(srcDir, file)} imports '${specifier}'`;
      if (specifier.startsWith('.')) {
        const target = relative(srcDir, resolve(dirname(file), specifier)).split(/[\\/]/)[0]!;
        if (target === folder || rule.folders.includes('*') || rule.folders.includes(target)) continue;
        if (typeOnly && rule.typeOnlyFolders?.includes(target)) continue;
        violations.push(`${where}: ${folder}/ may not import from ${target}/. ${rule.reason}`);
      } else if (!packageAllowed(specifier, rule.packages)) {
        violations.push(`${where}: ${folder}/ may not import the package '${specifier}'. ${rule.reason}`);
      }
    }
  }

  it('has no crossed boundaries', () => {
    expect(violations).toEqual([]);
  });
});
