/**
 * `wxt/browser` in the content scripts' builds (wxt.config.ts points it here for them only): the browser's
 * own promise-based API — Firefox's `browser`, else Chrome's `chrome`, whose Manifest V3 calls return
 * promises — instead of webextension-polyfill. The content scripts use four calls of it
 * (`runtime.sendMessage`, `runtime.getURL`, `runtime.onMessage`, `i18n.getMessage`), none of which needs
 * the polyfill's wrapping, and the polyfill's API table and wrappers took ~1.5 kB of their 15 kB gzip
 * budget. Extension pages and the worker keep the polyfill.
 */
import type { Browser } from 'webextension-polyfill';

const scope = globalThis as unknown as { browser?: Browser; chrome?: Browser };

export const browser: Browser = scope.browser?.runtime?.id ? scope.browser : (scope.chrome as Browser);
