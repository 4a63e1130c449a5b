/**
 * What `wxt/browser` is in unit tests: WXT's in-memory fake browser. WXT's own alias points at a module that
 * imports `wxt/testing`, whose index also loads WXT's Vitest plugin and, through it, WXT's build tooling —
 * about a second of module evaluation for every test file (vitest.config.ts).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const browser = fakeBrowser;
export default fakeBrowser;
