/**
 * Runs every benchmark under bench/ (files named `*.bench.ts`) one after another, each in its
 * own process so that one benchmark's heap and workers do not disturb the next. Benchmarks
 * print figures and ratios to their targets; none of them fails the run on a slow machine.
 * Pass names to run a subset: `npm run bench -- engine sandbox`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const requested = process.argv.slice(2);

const files = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => requested.length === 0 || requested.includes(file.replace(/\.bench\.ts$/, '')))
  .sort();

if (files.length === 0) {
  console.error(`No benchmark matches ${requested.join(', ')}. Available: ${readdirSync(benchDir).join(', ')}`);
  process.exit(2);
}

let failures = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, file)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failures += 1;
    console.log(`${file} exited with status ${result.status ?? result.signal}.`);
  }
}
process.exit(failures > 0 ? 1 : 0);
