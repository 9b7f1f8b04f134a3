/**
 * Measures the JavaScript a browser downloads before the first render: the entry chunk that
 * index.html loads plus every chunk it imports statically, gzipped, against the 250 KB
 * budget. Chunks loaded with dynamic import (Monaco, its workers, the type definitions) are
 * listed apart because they arrive after the page is usable.
 *
 * Reads dist/.vite/manifest.json; builds first (`vite build`) when dist/ has no manifest or
 * when run with `--build`.
 *
 *   npx tsx bench/bundle.bench.ts [--build]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 250 * 1024;

interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}

type Manifest = Record<string, ManifestChunk>;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(root, 'dist');
const manifestPath = join(distDir, '.vite', 'manifest.json');

function build(): void {
  console.log('Building with vite build…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('vite build failed; see its output above.');
    process.exit(1);
  }
}

function gzipSize(file: string): number {
  return gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
}

/** Collects the chunk keys reached from `key` through static imports, `key` included. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv.includes('--build') || !existsSync(manifestPath)) build();
if (!existsSync(manifestPath)) {
  console.error(`No manifest at ${manifestPath}. Set build.manifest in vite.config.ts.`);
  process.exit(1);
}

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry && key.endsWith('index.html'));
if (!entryKey) {
  console.error('The manifest has no index.html entry.');
  process.exit(1);
}

const firstLoad = [...staticClosure(manifest, entryKey)].filter((key) => manifest[key]!.file.endsWith('.js'));
let firstLoadBytes = 0;
console.log('First load (entry and its static imports), gzipped:');
for (const key of firstLoad) {
  const size = gzipSize(manifest[key]!.file);
  firstLoadBytes += size;
  console.log(`  ${manifest[key]!.file.padEnd(48)} ${kb(size).padStart(10)}`);
}

const lazyKeys = Object.keys(manifest).filter((key) => !firstLoad.includes(key) && manifest[key]!.file.endsWith('.js'));
let lazyBytes = 0;
for (const key of lazyKeys) lazyBytes += gzipSize(manifest[key]!.file);

const monacoInFirstLoad = firstLoad.filter((key) => key.includes('monaco-editor') || key.includes('MonacoCodeEditor'));
const ratio = firstLoadBytes / BUDGET_BYTES;

console.log(`\nfirst-load JS (gzip): ${kb(firstLoadBytes)} of ${kb(BUDGET_BYTES)} budget, ratio ${ratio.toFixed(3)}`);
console.log(`lazy JS chunks (gzip, Monaco and the rest): ${kb(lazyBytes)} in ${lazyKeys.length} chunks`);
if (monacoInFirstLoad.length > 0) console.log(`warning: Monaco is in the first load: ${monacoInFirstLoad.join(', ')}`);
console.log(ratio <= 1 ? 'within budget' : 'OVER BUDGET');
