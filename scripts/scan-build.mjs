// @ts-check
// Release gate: scan the built extension for dynamic code, HTML sinks, remote URLs and network APIs, and the
// content scripts for any trace of the database or zod (ARCHITECTURE.md: trust boundaries), and what the
// popup loads before its first paint for Dexie and zod (they load after it). The manifest
// itself is snapshot-tested in tests/e2e/manifest.e2e.ts; here it is only scanned for URLs and its CSP.
//   node scripts/scan-build.mjs              .output/chrome-mv3, and .output/firefox-mv3 if it exists
//   node scripts/scan-build.mjs DIR [DIR…]   those build directories
// Library code that trips a rule is allowed only through ALLOWLIST below: rule + an exact code fingerprint
// + a maximum count per build, each with its reason. Content scripts get no allowlist at all.
// Exit code: 0 clean, 1 findings, 2 nothing to scan.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {'js' | 'content-script' | 'html' | 'css' | 'manifest'} Kind */
/**
 * One occurrence of a forbidden pattern. `context` is the text around it that allowlist fingerprints are
 * looked up in.
 * @typedef {{ rule: string, message: string, file: string, kind: Kind, line: number, column: number,
 *   offset: number, match: string, excerpt: string, context: string }} Hit
 */
/**
 * Known library code: `rule` hits whose context contains `fingerprint` (for `remote-url`: whose URL equals
 * it) are allowed, at most `max` times per build.
 * @typedef {{ rule: string, fingerprint: string, max: number, reason: string }} Allowance
 */
/** @typedef {{ allowance: Allowance, hit: Hit }} AllowedHit */
/**
 * @typedef {{ dir: string, files: Record<Kind, number>, findings: Hit[], allowed: AllowedHit[],
 *   unused: Allowance[], harmlessUrls: Map<string, { count: number, reason: string }> }} DirectoryReport
 */

/**
 * URLs that are identifiers, never fetched: allowed everywhere, content scripts included. `url` must match
 * exactly; `origin` matches the origin itself or anything under it (never `origin.evil.example`).
 * @type {Array<{ url?: string, origin?: string, reason: string }>}
 */
export const HARMLESS_URLS = [
  {
    url: 'http://www.w3.org/2000/svg',
    reason: "SVG namespace URI (Preact's createElementNS), never fetched",
  },
  { url: 'http://www.w3.org/1998/Math/MathML', reason: 'MathML namespace URI (Preact), never fetched' },
  { url: 'http://www.w3.org/1999/xhtml', reason: 'XHTML namespace URI (Preact), never fetched' },
  {
    origin: 'https://calendar.google.com',
    reason: 'the page Duet runs on: compared with URLs and sender origins, host permission; never fetched',
  },
  {
    origin: 'https://meet.google.com',
    reason: 'the page Duet runs on: compared with URLs and sender origins, host permission; never fetched',
  },
];

/**
 * Library code in the extension pages' chunks (and the worker's) that trips a rule. Fingerprints avoid
 * minified names where they can; a toolchain or library update that changes them fails the scan, which is
 * the point: look again, then update the entry. Never applied to content scripts.
 * @type {Allowance[]}
 */
export const ALLOWLIST = [
  {
    rule: 'function-constructor',
    fingerprint: 'navigator?.userAgent?.includes(',
    max: 1,
    reason:
      "zod's allowsEval probe (try { new Function('') } catch): CSP script-src 'self' makes it throw; " +
      'skipped entirely under z.config({ jitless: true })',
  },
  {
    rule: 'function-alias',
    fingerprint: 'Object.keys(this.closed)',
    max: 1,
    reason:
      "zod's object JIT (Doc.compile: const F = Function; new F(…)): runs only if the allowsEval probe " +
      "succeeded, which CSP script-src 'self' forbids",
  },
  {
    rule: 'html-sink',
    fingerprint: '.__html',
    max: 1,
    reason:
      "Preact's dangerouslySetInnerHTML path; our lint forbids dangerouslySetInnerHTML, so it never gets a value",
  },
  {
    rule: 'remote-url',
    fingerprint: 'https://tinyurl.com/y2uuvskb',
    max: 1,
    reason: "text of Dexie's MissingAPI error message, never fetched",
  },
  {
    rule: 'remote-url',
    fingerprint: 'http://bit.ly/2kdckMn',
    max: 1,
    reason: "text of Dexie's PrematureCommit error message, never fetched",
  },
  {
    rule: 'remote-url',
    fingerprint: 'https://json-schema.org/draft/2020-12/schema',
    max: 1,
    reason: "zod's toJSONSchema $schema identifier (a name written into output), never fetched",
  },
  {
    rule: 'remote-url',
    fingerprint: 'http://json-schema.org/draft-07/schema#',
    max: 1,
    reason: "zod's toJSONSchema $schema identifier (a name written into output), never fetched",
  },
  {
    rule: 'remote-url',
    fingerprint: 'http://json-schema.org/draft-04/schema#',
    max: 1,
    reason: "zod's toJSONSchema $schema identifier (a name written into output), never fetched",
  },
  {
    rule: 'remote-url',
    fingerprint: 'http://[',
    max: 1,
    reason: "zod's IPv6 check parses new URL(`http://[${ip}]`): URL parsing, no request",
  },
  {
    rule: 'remote-url',
    fingerprint: 'https://github.com/wxt-dev/wxt/issues/371',
    max: 1,
    reason: 'text of WXT\'s "browser API missing" error message, never fetched',
  },
  {
    rule: 'remote-url',
    fingerprint: 'https://wxt.dev/guide/go-further/testing.html',
    max: 1,
    reason: 'text of WXT\'s "browser API missing" error message, never fetched',
  },
];

/** How far around a hit (characters each side) an allowlist fingerprint may sit. */
const CONTEXT = 120;
const EXCERPT = 40;

/**
 * A URL as it appears in code or markup: stops at quotes, whitespace, brackets and template `${`.
 * Protocol-relative URLs (`//host`) are caught in markup attributes and CSS `url()`.
 */
const URL_PATTERN = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>\\(){}$|^]*/gi;

/**
 * Code rules, for every JS file (pages, worker and content scripts) and the markup. Each regex is global;
 * `accept` can veto a match from the text around it.
 * @type {Array<{ rule: string, message: string, pattern: RegExp, accept?: (text: string, index: number, match: string) => boolean }>}
 */
const CODE_RULES = [
  { rule: 'eval', message: 'eval call', pattern: /(?<![\w$])eval\s*\(/g },
  // `x = eval;`, `(0, eval)(…)`; not the object key `{ eval: … }` (webextension-polyfill's API metadata).
  {
    rule: 'eval',
    message: 'eval used as a value (indirect eval)',
    pattern: /(?<=[=(,[?&|]\s*)eval(?=\s*[,;)\]])/g,
  },
  {
    rule: 'function-constructor',
    message: 'Function constructor call',
    pattern: /(?<![\w$.])(?:new\s+)?Function\s*\(/g,
  },
  {
    // `const F = Function; new F(…)` is how libraries hide it; flag every bare use of the constructor as a
    // value (not `Function.prototype…`, not `instanceof Function`, not a comparison).
    rule: 'function-alias',
    message: 'Function constructor used as a value (aliased, then called)',
    pattern: /(?<![\w$.'"`])Function(?!\s*[\w$.(:'"`])/g,
    accept: (text, index) =>
      !/(?:instanceof\s+|[=!]==?\s*)$/.test(text.slice(Math.max(0, index - 12), index)),
  },
  {
    rule: 'dynamic-code-lookup',
    message: 'eval/Function looked up by name',
    pattern: /\[\s*(["'`])(?:eval|Function)\1\s*\]/g,
  },
  {
    rule: 'function-constructor',
    message: '.constructor called with a string (Function constructor reached through a function)',
    pattern: /\.constructor\s*\(\s*["'`]/g,
  },
  {
    rule: 'string-timer',
    message: 'setTimeout/setInterval with string code',
    pattern: /(?<![\w$])set(?:Timeout|Interval)\s*\(\s*["'`]/g,
  },
  {
    rule: 'document-write',
    message: 'document.write',
    pattern: /(?<![\w$])document\s*\.\s*write(?:ln)?\s*\(|\.writeln\s*\(/g,
  },
  {
    rule: 'html-sink',
    message: 'innerHTML/outerHTML/srcdoc assignment',
    pattern: /(?:\.(?:inner|outer)HTML|\[\s*["'`](?:inner|outer)HTML["'`]\s*\]|\.srcdoc)\s*\+?=(?!=)/g,
  },
  {
    rule: 'html-sink',
    message: 'HTML string parsed into the DOM',
    pattern: /(?<![\w$])(?:insertAdjacentHTML|createContextualFragment)(?![\w$])/g,
  },
  {
    rule: 'dynamic-import',
    message: 'import()/importScripts() of something other than a relative path',
    pattern: /(?<![\w$.])(?:import|importScripts)\s*\(\s*(?!(["'`])(?:\.{1,2}\/|\/(?!\/))[^"'`]*\1\s*[,)])/g,
  },
  {
    rule: 'network',
    message: 'network API (Duet makes no requests)',
    pattern:
      /(?<![\w$])(?:fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection)(?![\w$])/g,
  },
];

/** Content scripts run inside Google's pages: no storage, no database, no zod (they stay small). */
const CONTENT_SCRIPT_RULES = [
  {
    rule: 'indexeddb',
    message: 'IndexedDB in a content script (that is Google’s origin; the DB belongs to the extension)',
    pattern:
      /(?<![\w$])(?:indexedDB|IDB(?:Factory|Database|KeyRange|ObjectStore|Transaction|Request)\w*)(?![\w$])/g,
  },
  { rule: 'dexie', message: 'Dexie in a content script', pattern: /dexie/gi },
  { rule: 'zod', message: 'zod in a content script', pattern: /ZodError|\$Zod|(?<![\w$])_zod(?![\w$])/g },
  {
    rule: 'web-storage',
    message: 'localStorage/sessionStorage in a content script (that is Google’s origin)',
    pattern: /(?<![\w$])(?:localStorage|sessionStorage)(?![\w$])/g,
  },
  {
    rule: 'test-data',
    message:
      'fixture names in a content script (the selectors’ fixture counts are test data: __DUET_TESTS__)',
    pattern: /\b(?:gcal|meet)-[\w-]+\.html\b/g,
  },
];

/**
 * The popup shows its lists before Dexie and zod have loaded (components/popup/popup-source.ts): the
 * modules popup.html loads up front — its scripts, its module preloads and all they import statically —
 * carry neither. They come later, with `import()`.
 */
const FIRST_PAINT_PAGES = ['popup.html'];
const FIRST_PAINT_RULES = [
  {
    rule: 'first-paint',
    message: 'Dexie in a module the popup loads before its first paint (import() it afterwards)',
    // Dexie's own strings (its error class, its change channel), not a file name such as "dexie-….js".
    pattern: /DexieError|x-storagemutated-1/g,
  },
  {
    rule: 'first-paint',
    message: 'zod in a module the popup loads before its first paint (import() it afterwards)',
    pattern: /ZodError|\$Zod|(?<![\w$])_zod(?![\w$])/g,
  },
  {
    rule: 'first-paint',
    message:
      'the English catalog in a module the popup loads before its first paint (t() asks the browser; lib/i18n)',
    // A catalog entry of another surface, as an object literal writes it (`options_…:`): the popup's own
    // code only ever names its keys as strings.
    pattern: /(?<![\w$])options_[a-z0-9_]+:/g,
    // One finding per file, not one per message.
    once: true,
  },
];

/** Markup rules (HTML). */
const HTML_RULES = [
  {
    rule: 'external-script',
    message: '<script src> outside the extension',
    pattern: /<script\b[^>]*?\bsrc\s*=\s*["']?(?:[a-z][\w+.-]*:|\/\/)/gi,
  },
  {
    rule: 'inline-script',
    message: 'inline <script> (CSP blocks it; the build should never emit one)',
    pattern: /<script\b(?![^>]*\bsrc\s*=)[^>]*>(?!\s*<\/script>)/gi,
  },
  {
    rule: 'remote-url',
    message: 'protocol-relative URL',
    pattern: /\b(?:src|href|action|data)\s*=\s*["']?\/\/[^\s"'>]+/gi,
  },
];

const CSS_RULES = [
  { rule: 'remote-url', message: 'protocol-relative URL', pattern: /url\(\s*["']?\/\/[^)"']+/gi },
];

/** CSP directives that may hold only `'self'`/`'none'`. */
const STRICT_CSP_DIRECTIVES = [
  'default-src',
  'script-src',
  'script-src-elem',
  'script-src-attr',
  'worker-src',
  'connect-src',
];

/**
 * The HARMLESS_URLS entry a URL falls under, named by its `url` or `origin`; `null` if none.
 * @param {string} url
 * @returns {{ name: string, reason: string } | null}
 */
export function harmlessUrl(url) {
  const known = HARMLESS_URLS.find((entry) =>
    entry.url !== undefined
      ? url === entry.url
      : entry.origin !== undefined && (url === entry.origin || url.startsWith(`${entry.origin}/`)),
  );
  return known ? { name: known.url ?? `${known.origin}[/…]`, reason: known.reason } : null;
}

/** @param {string} text */
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** @param {number[]} starts @param {number} offset */
function position(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/** @param {string} text @param {number} from @param {number} to */
function oneLine(text, from, to) {
  const start = Math.max(0, from);
  const end = Math.min(text.length, to);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}

/**
 * @typedef {{ rule: string, message: string, pattern: RegExp,
 *   accept?: (text: string, index: number, match: string) => boolean, once?: boolean }} Rule
 */

/**
 * Collects the hits in one file's text: `add` one at an offset, or `run` rules over the whole text (line
 * starts are computed once, at the first hit).
 * @param {string} name @param {string} text @param {Kind} kind
 */
function hitRecorder(name, text, kind) {
  /** @type {Hit[]} */
  const hits = [];
  /** @type {number[] | null} */
  let starts = null;
  /** @param {string} rule @param {string} message @param {number} offset @param {string} match */
  const add = (rule, message, offset, match) => {
    starts ??= lineStarts(text);
    hits.push({
      rule,
      message,
      file: name,
      kind,
      ...position(starts, offset),
      offset,
      match,
      excerpt: oneLine(text, offset - EXCERPT, offset + match.length + EXCERPT),
      context: text.slice(Math.max(0, offset - CONTEXT), offset + match.length + CONTEXT),
    });
  };
  /** @param {Rule[]} rules */
  const run = (rules) => {
    for (const { rule, message, pattern, accept, once } of rules) {
      for (const found of text.matchAll(pattern)) {
        if (accept && !accept(text, found.index, found[0])) continue;
        add(rule, message, found.index, found[0]);
        if (once) break;
      }
    }
  };
  return { hits, add, run };
}

/**
 * Every forbidden pattern in one file's text, before the allowlist.
 * @param {string} name  the file's path (as reported)
 * @param {string} text
 * @param {Kind} kind  `content-script` for JS that runs in Google's pages
 * @returns {Hit[]}
 */
export function scanText(name, text, kind) {
  const { hits, add, run } = hitRecorder(name, text, kind);
  if (kind === 'js' || kind === 'content-script' || kind === 'html') run(CODE_RULES);
  if (kind === 'content-script') run(CONTENT_SCRIPT_RULES);
  if (kind === 'html') run(HTML_RULES);
  if (kind === 'css') run(CSS_RULES);
  for (const found of text.matchAll(URL_PATTERN)) {
    if (harmlessUrl(found[0]) === null) add('remote-url', 'remote URL', found.index, found[0]);
  }
  if (kind === 'manifest') {
    for (const problem of cspProblems(text)) add('csp', problem, 0, '');
  }
  return hits.sort((a, b) => a.offset - b.offset);
}

/** @param {string} manifestText @returns {string[]} */
function cspProblems(manifestText) {
  /** @type {unknown} */
  let manifest;
  try {
    manifest = JSON.parse(manifestText);
  } catch {
    return ['manifest.json is not valid JSON'];
  }
  const csp = /** @type {{ content_security_policy?: unknown }} */ (manifest).content_security_policy;
  const policies =
    typeof csp === 'string'
      ? [csp]
      : csp && typeof csp === 'object'
        ? Object.values(csp).filter((value) => typeof value === 'string')
        : [];
  if (!(
    csp &&
    typeof csp === 'object' &&
    typeof (/** @type {Record<string, unknown>} */ (csp).extension_pages) === 'string'
  )) {
    return ['no content_security_policy.extension_pages (the MV3 default allows wasm-unsafe-eval)'];
  }
  /** @type {string[]} */
  const problems = [];
  for (const policy of policies) {
    for (const directive of policy.split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (!name) continue;
      const bad = STRICT_CSP_DIRECTIVES.includes(name)
        ? sources.filter((source) => source !== "'self'" && source !== "'none'")
        : sources.filter((source) => /unsafe-eval|^\*$|^https?:$|^(?:https?|wss?):\/\//.test(source));
      if (bad.length > 0) problems.push(`CSP ${name} allows ${bad.join(' ')}`);
    }
  }
  return problems;
}

/**
 * Splits hits into allowed library code (up to each allowance's count) and findings. Counts run over all
 * the hits given, so pass one build's hits at a time. Content-script hits are never allowed.
 * @param {Hit[]} hits
 * @param {Allowance[]} [allowlist]
 */
export function applyAllowlist(hits, allowlist = ALLOWLIST) {
  /** @type {Hit[]} */
  const findings = [];
  /** @type {AllowedHit[]} */
  const allowed = [];
  const used = new Map(allowlist.map((allowance) => [allowance, 0]));
  for (const hit of hits) {
    const allowance =
      hit.kind === 'content-script'
        ? undefined
        : allowlist.find(
            (entry) =>
              entry.rule === hit.rule &&
              (hit.rule === 'remote-url'
                ? hit.match === entry.fingerprint
                : hit.context.includes(entry.fingerprint)),
          );
    if (!allowance) {
      findings.push(hit);
      continue;
    }
    const count = (used.get(allowance) ?? 0) + 1;
    used.set(allowance, count);
    if (count <= allowance.max) allowed.push({ allowance, hit });
    else
      findings.push({
        ...hit,
        message: `${hit.message}: more than the ${allowance.max} allowed (${allowance.reason})`,
      });
  }
  const unused = allowlist.filter((allowance) => used.get(allowance) === 0);
  return { findings, allowed, unused };
}

/** @param {string} dir @returns {string[]} every file under `dir`, relative, with `/` separators */
function listFiles(dir) {
  /** @type {string[]} */
  const files = [];
  /** @param {string} current */
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/** @param {string} dir @returns {Set<string>} the manifest's content script files */
function manifestContentScripts(dir) {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    /** @type {Array<{ js?: string[] }>} */
    const scripts = Array.isArray(manifest.content_scripts) ? manifest.content_scripts : [];
    return new Set(scripts.flatMap((script) => script.js ?? []).map((file) => file.replace(/^\.?\//, '')));
  } catch {
    return new Set();
  }
}

/**
 * @param {string} file  relative path
 * @param {Set<string>} contentScripts
 * @returns {Kind | null}
 */
export function kindOf(file, contentScripts = new Set()) {
  if (file === 'manifest.json') return 'manifest';
  if (/\.(?:m|c)?js$/.test(file)) {
    return file.startsWith('content-scripts/') || contentScripts.has(file) ? 'content-script' : 'js';
  }
  if (/\.html?$/.test(file)) return 'html';
  if (file.endsWith('.css')) return 'css';
  return null;
}

/**
 * Scans one built extension directory.
 * @param {string} dir
 * @param {Allowance[]} [allowlist]
 * @returns {DirectoryReport}
 */
export function scanDirectory(dir, allowlist = ALLOWLIST) {
  const contentScripts = manifestContentScripts(dir);
  /** @type {Record<Kind, number>} */
  const files = { js: 0, 'content-script': 0, html: 0, css: 0, manifest: 0 };
  /** @type {Hit[]} */
  const hits = [];
  /** @type {Map<string, { count: number, reason: string }>} */
  const harmlessUrls = new Map();
  for (const file of listFiles(dir)) {
    if (BENCH_FILE.test(file))
      hits.push(wholeFileHit('bench-page', 'a benchmark page in a release build', file));
    const kind = kindOf(file, contentScripts);
    if (kind === null) continue;
    files[kind] += 1;
    const text = readFileSync(join(dir, file), 'utf8');
    hits.push(...scanText(file, text, kind));
    for (const found of text.matchAll(URL_PATTERN)) {
      const known = harmlessUrl(found[0]);
      if (known === null) continue;
      const seen = harmlessUrls.get(known.name);
      harmlessUrls.set(known.name, { count: (seen?.count ?? 0) + 1, reason: known.reason });
    }
  }
  // Not subject to the allowlist: nothing of Dexie or zod belongs there.
  const firstPaint = firstPaintHits(dir);
  if (files.manifest === 0) {
    hits.push(
      wholeFileHit('manifest', 'no manifest.json: not a built extension', 'manifest.json', 'manifest'),
    );
  }
  const checked = applyAllowlist(hits, allowlist);
  return { dir, files, ...checked, findings: [...checked.findings, ...firstPaint], harmlessUrls };
}

const HTML_MODULES = [
  /<script\b[^>]*?\bsrc\s*=\s*["']?([^"' >]+)/gi,
  /<link\b(?=[^>]*\brel\s*=\s*["']?modulepreload)[^>]*?\bhref\s*=\s*["']?([^"' >]+)/gi,
];
/** Static `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"` (not `import("./x.js")`). */
const STATIC_IMPORT =
  /(?<![\w$.])(?:import|export)\s*(?:[\w$*{}\s,"']*?\bfrom\s*)?["']((?:\.{1,2})?\/[^"']+)["']/g;

/**
 * The JS files a page loads before its own code runs: its module scripts and preloads, and everything they
 * import statically, as paths relative to the build directory.
 * @param {string} dir @param {string} page @returns {string[]}
 */
export function modulesLoadedUpFront(dir, page) {
  const html = readFileSync(join(dir, page), 'utf8');
  const pending = HTML_MODULES.flatMap((pattern) => [...html.matchAll(pattern)].map((m) => m[1] ?? ''))
    .filter((src) => src.endsWith('.js') && !/^[a-z][\w+.-]*:|^\/\//i.test(src))
    .map((src) =>
      join(dirname(page), src.startsWith('/') ? src.slice(1) : src)
        .split(sep)
        .join('/'),
    );
  const seen = new Set();
  while (pending.length > 0) {
    const file = /** @type {string} */ (pending.pop());
    if (seen.has(file) || !existsSync(join(dir, file))) continue;
    seen.add(file);
    for (const found of readFileSync(join(dir, file), 'utf8').matchAll(STATIC_IMPORT)) {
      const path = found[1] ?? '';
      // "/chunks/x.js" is from the extension's root; "./x.js" from the importing file's folder.
      pending.push((path.startsWith('/') ? path.slice(1) : join(dirname(file), path)).split(sep).join('/'));
    }
  }
  return [...seen].sort();
}

/**
 * Dexie, zod or the English catalog in what a first-paint page (the popup) loads up front.
 * @param {string} dir @param {string[]} [pages] @returns {Hit[]}
 */
export function firstPaintHits(dir, pages = FIRST_PAINT_PAGES) {
  /** @type {Hit[]} */
  const hits = [];
  for (const page of pages) {
    if (!existsSync(join(dir, page))) continue;
    for (const file of modulesLoadedUpFront(dir, page)) {
      const found = hitRecorder(file, readFileSync(join(dir, file), 'utf8'), 'js');
      found.run(FIRST_PAINT_RULES.map((rule) => ({ ...rule, message: `${rule.message} — ${page}` })));
      hits.push(...found.hits);
    }
  }
  return hits;
}

/** The pages and scripts only bench builds (`DUET_BENCH=1`) may carry. */
const BENCH_FILE = /^bench(?:-[a-z]+)?\.(?:html|js)$/;

/**
 * A finding about a file as a whole (no position in it).
 * @param {string} rule @param {string} message @param {string} file @param {Kind} [kind] @returns {Hit}
 */
function wholeFileHit(rule, message, file, kind = 'js') {
  return {
    rule,
    message,
    file,
    kind,
    line: 0,
    column: 0,
    offset: 0,
    match: '',
    excerpt: '',
    context: '',
  };
}

/** @param {Hit} hit */
function where(hit) {
  return hit.line > 0 ? `${hit.file}:${hit.line}:${hit.column}` : hit.file;
}

/** @param {DirectoryReport} report @param {(line: string) => void} print */
export function printReport(report, print = console.log) {
  const { files } = report;
  print(
    `\n${report.dir}: ${files.js} js, ${files['content-script']} content scripts, ${files.html} html, ` +
      `${files.css} css, ${files.manifest} manifest`,
  );
  for (const [url, { count, reason }] of report.harmlessUrls)
    print(`  · ${url} ×${count}: harmless (${reason})`);
  for (const { allowance, hit } of report.allowed) {
    print(`  ✔ ${hit.rule} ${where(hit)}: allowed (${allowance.reason})`);
  }
  for (const allowance of report.unused) {
    print(`  note: allowance not needed in this build: ${allowance.rule} "${allowance.fingerprint}"`);
  }
  for (const hit of report.findings) {
    print(`  ✖ ${hit.rule} ${where(hit)}: ${hit.message}${hit.excerpt ? `\n      ${hit.excerpt}` : ''}`);
  }
}

/** @param {string[]} args */
function main(args) {
  const base = process.env.DUET_OUT_DIR ?? '.output';
  const dirs =
    args.length > 0
      ? args
      : [join(base, 'chrome-mv3'), join(base, 'firefox-mv3')].filter(
          (dir, index) => index === 0 || existsSync(dir),
        );
  const missing = dirs.filter((dir) => !existsSync(dir) || !statSync(dir).isDirectory());
  if (missing.length > 0) {
    console.error(`scan-build: no build at ${missing.join(', ')} (run \`npx wxt build\` first)`);
    return 2;
  }
  let fileCount = 0;
  let findings = 0;
  let allowed = 0;
  for (const dir of dirs) {
    const report = scanDirectory(dir);
    printReport(report);
    fileCount += Object.values(report.files).reduce((sum, count) => sum + count, 0);
    findings += report.findings.length;
    allowed += report.allowed.length;
  }
  const builds = `${dirs.length} build${dirs.length === 1 ? '' : 's'}`;
  console.log(
    `\nscan-build: ${builds} (${fileCount} files), ${findings} finding${findings === 1 ? '' : 's'} (${allowed} allowed)`,
  );
  return findings === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(main(process.argv.slice(2)));
}
