// `npm run bench`: the one entry point for benchmarks. Each file in bench/ exports
// `{ name, budget, run() }`; run() returns figures, and each benchmark prints them next to its budget.
// Benchmarks are measurements, not tests: they exit non-zero only if one cannot run or is over budget.
//   npm run bench                  all
//   npm run bench -- panel-open    those whose file name contains "panel-open"
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const filter = process.argv[2];

console.log('Building the extension for benchmarks…');
const build = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

const files = readdirSync(join(ROOT, 'bench'))
  .filter((file) => file.endsWith('.bench.mjs') && (!filter || file.includes(filter)))
  .sort();
let overBudget = 0;
for (const file of files) {
  /** @type {{ name: string, budget: string, run: () => Promise<{ lines: string[], withinBudget: boolean }> }} */
  const bench = (await import(pathToFileURL(join(ROOT, 'bench', file)).href)).default;
  console.log(`\n■ ${bench.name}`);
  console.log(`  budget: ${bench.budget}`);
  const result = await bench.run();
  for (const line of result.lines) console.log(`  ${line}`);
  console.log(`  → ${result.withinBudget ? 'within budget' : 'OVER BUDGET'}`);
  if (!result.withinBudget) overBudget += 1;
}
console.log(`\n${files.length} benchmark(s), ${overBudget} over budget.`);
process.exit(overBudget === 0 ? 0 : 1);
