/**
 * Accessibility checks with axe-core (node_modules/axe-core/axe.min.js) in a page or frame: WCAG 2.0/2.1
 * A and AA rules; `checkA11y` fails on any violation of impact "serious" or "critical" and prints each one
 * (rule, impact, help and the CSS selectors of the offending nodes — never their text, which may be notes).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';

export const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface A11yOptions {
  /** A CSS selector to check (default: the whole document). */
  include?: string;
  /** What is being checked, for the failure message ("calendar prep, dark"). */
  label: string;
}

export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
  /** axe's "Fix any of the following" notes per node (rule outcomes; no page text). */
  summaries: string[];
}

async function injectAxe(target: Page | Frame): Promise<void> {
  const loaded = () => target.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (await loaded()) return;
  try {
    await target.addScriptTag({ path: AXE_PATH });
  } catch {
    // Extension pages forbid inline scripts (CSP `script-src 'self'`): evaluated below instead.
  }
  if (await loaded()) return;
  // DevTools evaluation is not subject to the page's CSP.
  await target.evaluate(readFileSync(AXE_PATH, 'utf8'));
  if (!(await loaded())) throw new Error('axe-core could not be loaded into the page');
}

/** Runs axe (WCAG 2.1 A + AA rules): every violation, and how many rules passed (proof that it ran). */
export async function runAxe(
  target: Page | Frame,
  { include }: Pick<A11yOptions, 'include'> = {},
): Promise<{ violations: A11yViolation[]; rulesPassed: number }> {
  await injectAxe(target);
  return target.evaluate(
    async ({ include: selector, tags }) => {
      type AxeResult = {
        passes: unknown[];
        violations: Array<{
          id: string;
          impact: string | null;
          help: string;
          helpUrl: string;
          nodes: Array<{ target: unknown[]; failureSummary?: string }>;
        }>;
      };
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResult> } }).axe;
      const result = await axe.run(selector ? { include: [[selector]] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      const violations = result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        helpUrl: violation.helpUrl,
        targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
        summaries: violation.nodes.map((node) => node.failureSummary ?? ''),
      }));
      return { violations, rulesPassed: result.passes.length };
    },
    { include, tags: WCAG_21_AA },
  );
}

export function describeViolations(violations: readonly A11yViolation[]): string {
  return violations
    .map(
      (v) =>
        `- ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n` +
        v.targets
          .map((target, i) => `    ${target}\n      ${v.summaries[i]?.replace(/\n/g, ' ')}`)
          .join('\n'),
    )
    .join('\n');
}

/**
 * Asserts there is no serious or critical violation (printing each one found); returns all violations,
 * so a caller can also look at the minor ones.
 */
export async function checkA11y(target: Page | Frame, options: A11yOptions): Promise<A11yViolation[]> {
  const { violations, rulesPassed } = await runAxe(target, options);
  // axe really looked: a page it could not read would pass no rule at all.
  expect(rulesPassed, `${options.label}: axe rules that passed`).toBeGreaterThan(10);
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (blocking.length > 0) {
    console.error(
      `axe: ${options.label}: ${blocking.length} serious/critical violation(s)\n${describeViolations(blocking)}`,
    );
  }
  expect(
    blocking.map((v) => `${v.id} [${v.impact}]: ${v.targets.join(', ')}`),
    `${options.label}: serious or critical accessibility violations`,
  ).toEqual([]);
  return violations;
}
