// Content scripts run on every Calendar and Meet page load: keep them small.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 15;

export default {
  name: 'content script size (gzip)',
  budget: `each content script ≤ ${BUDGET_KB} kB gzip`,
  async run() {
    const lines = [];
    let withinBudget = true;
    for (const name of ['calendar', 'meet']) {
      const raw = readFileSync(`.output/chrome-mv3/content-scripts/${name}.js`);
      const gzip = gzipSync(raw, { level: 9 }).length / 1024;
      withinBudget &&= gzip <= BUDGET_KB;
      lines.push(`${name}.js: ${(raw.length / 1024).toFixed(1)} kB raw, ${gzip.toFixed(1)} kB gzip`);
    }
    return { lines, withinBudget };
  },
};
