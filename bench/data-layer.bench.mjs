// The panel's and popup's data loads on a large generated history, in real Chromium (IndexedDB), at 1×
// and 10× the data. Indexes, not scans: the time should barely grow when the data grows tenfold.
import { spawnSync } from 'node:child_process';
import { launchWithExtension } from '../scripts/chromium.mjs';
import { fmt, percentile } from './stats.mjs';

const PANEL_BUDGET_MS = 20;
const POPUP_BUDGET_MS = 50;
/** p95 at 10× may be at most this many times p95 at 1× ("far slower than the data"). */
const MAX_GROWTH = 3;
const SCALES = (process.env.DUET_BENCH_SCALES ?? '1,10').split(',').map(Number);

export default {
  name: 'data layer: panel and popup loads on the large profile (≈200 people × 5 years weekly)',
  budget: `on the large profile: panel p95 ≤ ${PANEL_BUDGET_MS} ms, popup p95 ≤ ${POPUP_BUDGET_MS} ms; at 10× the data: p95 growth ≤ ${MAX_GROWTH}× (far slower than the data)`,
  async run() {
    const build = spawnSync('npx', ['wxt', 'build'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DUET_BENCH: '1' },
    });
    if (build.status !== 0) throw new Error('bench build failed');
    const lines = [];
    const results = new Map();
    for (const scale of SCALES) {
      // One kept browser profile per scale (.output/bench-profiles): seeding 10× takes minutes, reruns don't.
      const duet = await launchWithExtension({
        extensionDir: '.output/bench/chrome-mv3',
        userDataDir: `.output/bench-profiles/large-x${scale}`,
      });
      try {
        const page = await duet.context.newPage();
        await page.goto(duet.extensionUrl('bench.html'));
        await page.waitForFunction(() => 'duetBench' in window);
        const seeded = Date.now();
        const stats = await page.evaluate((s) => window.duetBench.seed('large', s), scale);
        const how = stats.reused
          ? 'kept from an earlier run'
          : `seeded in ${((Date.now() - seeded) / 1000).toFixed(0)} s`;
        lines.push(
          `${scale}×: ${stats.sessions} sessions, ${stats.agreements} agreements, ${stats.people} people (${how})`,
        );
        const panel = await page.evaluate(() => window.duetBench.timePanel(300));
        const popup = await page.evaluate(() => window.duetBench.timePopup(100, 'all-open'));
        const overdue = await page.evaluate(() => window.duetBench.timePopup(100, 'overdue'));
        const row = {
          panel: percentile(panel, 0.95),
          popup: Math.max(percentile(popup, 0.95), percentile(overdue, 0.95)),
        };
        results.set(scale, row);
        lines.push(
          `  panel data (overview of one 1:1): median ${fmt(percentile(panel, 0.5))}, p95 ${fmt(row.panel)}`,
        );
        lines.push(
          `  popup lists (all open):           median ${fmt(percentile(popup, 0.5))}, p95 ${fmt(percentile(popup, 0.95))}`,
        );
        lines.push(
          `  popup lists (overdue):            median ${fmt(percentile(overdue, 0.5))}, p95 ${fmt(percentile(overdue, 0.95))}`,
        );
      } finally {
        await duet.close();
      }
    }
    const base = results.get(SCALES[0]);
    const big = results.get(SCALES.at(-1));
    // The time budgets are for the large profile (the benchmark); 10× the data must show growth far
    // slower than the data (10×), i.e. indexes, not scans.
    const within = base.panel <= PANEL_BUDGET_MS && base.popup <= POPUP_BUDGET_MS;
    let growthOk = true;
    if (SCALES.length > 1) {
      const panelGrowth = big.panel / base.panel;
      const popupGrowth = big.popup / base.popup;
      growthOk = panelGrowth <= MAX_GROWTH && popupGrowth <= MAX_GROWTH;
      lines.push(
        `growth ${SCALES.at(-1)}× vs ${SCALES[0]}×: panel p95 ×${panelGrowth.toFixed(2)}, popup p95 ×${popupGrowth.toFixed(2)}`,
      );
    }
    return { lines, withinBudget: within && growthOk };
  },
};
