/**
 * The build-output scan (scripts/scan-build.mjs), on crafted code and a small fixture build. `npm test` runs
 * the scan itself on the fresh Chrome and Firefox builds ("scan built output").
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ALLOWLIST,
  applyAllowlist,
  harmlessUrl,
  kindOf,
  modulesLoadedUpFront,
  scanDirectory,
  scanText,
} from '../../../scripts/scan-build.mjs';

const FIXTURE = join(import.meta.dirname, '../../fixtures/scan/build');

const rules = (text: string, kind: 'js' | 'content-script' | 'html' | 'css' | 'manifest' = 'js') =>
  scanText('chunk.js', text, kind).map((hit) => hit.rule);

describe('scanText: forbidden code', () => {
  it.each([
    ['eval("1+1")', 'eval'],
    ['window.eval(code)', 'eval'],
    ['const e=eval;e(code)', 'eval'],
    ['(0,eval)(code)', 'eval'],
    ['new Function("return 1")', 'function-constructor'],
    ['return Function(`a`,`return a`)', 'function-constructor'],
    ['let e=Function;new e(`return this`)()', 'function-alias'],
    ['const t={F:Function},n=new t.F(code)', 'function-alias'],
    ['globalThis[`Function`](code)', 'dynamic-code-lookup'],
    ['self["eval"](code)', 'dynamic-code-lookup'],
    ['(function(){}).constructor("return this")()', 'function-constructor'],
    ['setTimeout("alert(1)",10)', 'string-timer'],
    ['setInterval(`tick()`,10)', 'string-timer'],
    ['document.write(`<p>`)', 'document-write'],
    ['e.innerHTML=t', 'html-sink'],
    ['e.innerHTML += t', 'html-sink'],
    ['e.outerHTML=t', 'html-sink'],
    ['e[`innerHTML`]=t', 'html-sink'],
    ['frame.srcdoc=t', 'html-sink'],
    ['e.insertAdjacentHTML(`beforeend`,t)', 'html-sink'],
    ['document.createRange().createContextualFragment(t)', 'html-sink'],
    ['import(`https://cdn.example/x.js`)', 'dynamic-import'],
    ['import(e)', 'dynamic-import'],
    ['importScripts("//cdn.example/x.js")', 'dynamic-import'],
    ['fetch(`/api`)', 'network'],
    ['const f=fetch;f(u)', 'network'],
    ['new XMLHttpRequest', 'network'],
    ['new WebSocket(u)', 'network'],
    ['new EventSource(u)', 'network'],
    ['navigator.sendBeacon(u,d)', 'network'],
    ['const u=`https://api.example.com/v1`', 'remote-url'],
    ['const u="wss://live.example.com"', 'remote-url'],
  ])('%s → %s', (code, rule) => {
    expect(rules(code)).toContain(rule);
    // The same code in a content script is just as forbidden.
    expect(rules(code, 'content-script')).toContain(rule);
  });

  it('reports where: file, line, column and an excerpt', () => {
    const [hit] = scanText('chunks/a.js', 'let a=1;\nlet b=2;el.innerHTML=b;', 'js');
    expect(hit).toMatchObject({ file: 'chunks/a.js', rule: 'html-sink', line: 2, column: 11 });
    expect(hit?.excerpt).toContain('el.innerHTML=b');
  });

  it('passes clean code, including look-alikes that are not the forbidden thing', () => {
    const clean = [
      'let t=setTimeout(()=>run(),300);setInterval(tick,1e3)',
      'el.textContent=t;if(el.innerHTML===``)x()',
      'const hasOwn=Function.call.bind(Object.prototype.hasOwnProperty)',
      'typeof t==`function`&&t instanceof Function',
      'const api={devtools:{inspectedWindow:{eval:{minArgs:1,maxArgs:2}}}}',
      'return typeof e[Symbol.toStringTag]===`AsyncFunction`',
      'import(`./chunk-abc.js`);import("/chunks/x.js")',
      'const s=`http://www.w3.org/2000/svg`,o=`https://meet.google.com`',
      'if(u.startsWith(`https://calendar.google.com/`))prefetch=!0',
      'class A{constructor(e){this.e=e}}',
    ].join(';\n');
    expect(scanText('chunks/clean.js', clean, 'js')).toEqual([]);
    expect(scanText('content-scripts/clean.js', clean, 'content-script')).toEqual([]);
  });
});

describe('scanText: remote URLs', () => {
  it('lets only exact namespaces and the two Google origins through', () => {
    expect(harmlessUrl('http://www.w3.org/2000/svg')).not.toBeNull();
    expect(harmlessUrl('https://calendar.google.com')).not.toBeNull();
    expect(harmlessUrl('https://meet.google.com/abc-defg-hij')).not.toBeNull();
    expect(harmlessUrl('https://calendar.google.com/*')).not.toBeNull();
    expect(harmlessUrl('https://calendar.google.com.evil.example/x')).toBeNull();
    expect(harmlessUrl('http://calendar.google.com')).toBeNull();
    expect(harmlessUrl('http://www.w3.org/2000/svg/evil')).toBeNull();
    expect(harmlessUrl('https://www.google.com')).toBeNull();
  });

  it('flags remote scripts, remote and protocol-relative URLs in markup and CSS', () => {
    expect(rules('<script src="https://cdn.example/a.js"></script>', 'html')).toEqual([
      'external-script',
      'remote-url',
    ]);
    expect(rules('<script src="//cdn.example/a.js"></script>', 'html')).toEqual([
      'external-script',
      'remote-url',
    ]);
    expect(rules('<script>alert(1)</script>', 'html')).toEqual(['inline-script']);
    expect(rules('<link rel="stylesheet" href="//cdn.example/a.css">', 'html')).toEqual(['remote-url']);
    expect(
      rules('<script type="module" src="/chunks/a.js"></script><img src="icon/16.png">', 'html'),
    ).toEqual([]);
    expect(rules('a{background:url(https://cdn.example/a.png)}', 'css')).toEqual(['remote-url']);
    expect(rules('a{background:url(//cdn.example/a.png)}', 'css')).toEqual(['remote-url']);
    expect(rules('@import "https://fonts.example/f.css";', 'css')).toEqual(['remote-url']);
    expect(rules('a{background:url(/icon/16.png)}', 'css')).toEqual([]);
  });

  it('checks the manifest: remote URLs and a CSP that allows only our own code', () => {
    const manifest = (csp: unknown, extra: Record<string, unknown> = {}) =>
      JSON.stringify({ manifest_version: 3, content_security_policy: csp, ...extra });
    const strict = "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'self'";
    expect(rules(manifest({ extension_pages: strict }), 'manifest')).toEqual([]);
    expect(
      rules(
        manifest({ extension_pages: strict }, { update_url: 'https://updates.example/x.xml' }),
        'manifest',
      ),
    ).toEqual(['remote-url']);
    expect(rules(manifest({ extension_pages: "script-src 'self' 'wasm-unsafe-eval'" }), 'manifest')).toEqual([
      'csp',
    ]);
    expect(rules(manifest({ extension_pages: "default-src 'self'; connect-src *" }), 'manifest')).toEqual([
      'csp',
    ]);
    expect(rules(manifest(undefined), 'manifest')).toEqual(['csp']);
  });
});

describe('scanText: content scripts', () => {
  it.each([
    ['const r=indexedDB.open(`notes`)', 'indexeddb'],
    ['const k=IDBKeyRange.bound(1,2)', 'indexeddb'],
    ['class Dexie{}', 'dexie'],
    ['throw new Error(`dexie: open failed`)', 'dexie'],
    ['if(e instanceof ZodError)x()', 'zod'],
    ['e._zod.run(t)', 'zod'],
    ['const n=`$ZodObject`', 'zod'],
    ['localStorage.setItem(`k`,v)', 'web-storage'],
    ['sessionStorage.getItem(`k`)', 'web-storage'],
    ['B=e=>({"gcal-event-popover-de.html":e})', 'test-data'],
    ['{"meet-call.html":4}', 'test-data'],
  ])('%s → %s', (code, rule) => {
    expect(rules(code, 'content-script')).toEqual([rule]);
    // The extension pages may use them (the database lives there).
    expect(rules(code, 'js')).toEqual([]);
  });

  it('classifies files by path and by the manifest', () => {
    expect(kindOf('content-scripts/calendar.js')).toBe('content-script');
    expect(kindOf('cs/meet.js', new Set(['cs/meet.js']))).toBe('content-script');
    expect(kindOf('chunks/panel-abc.js')).toBe('js');
    expect(kindOf('background.js')).toBe('js');
    expect(kindOf('panel.html')).toBe('html');
    expect(kindOf('assets/theme.css')).toBe('css');
    expect(kindOf('manifest.json')).toBe('manifest');
    expect(kindOf('icon/16.png')).toBeNull();
  });
});

describe('applyAllowlist', () => {
  const preact = 'p?(p.__html==_.__html||p.__html==e.innerHTML||(e.innerHTML=p.__html),n.__k=[]):x()';
  const zodProbe =
    'if(st.jitless||typeof navigator<`u`&&navigator?.userAgent?.includes(`Cloudflare`))return!1;' +
    'try{return Function(``),!0}catch{return!1}';
  const zodCompile =
    'compile(){let e=Function,t=this?.content??[``];return new e(...Object.keys(this.closed),`x`)}';

  it('allows known library code, with its reason, up to its count', () => {
    const hits = [
      ...scanText('chunks/preact.js', preact, 'js'),
      ...scanText('chunks/vendor.js', `${zodProbe};${zodCompile}`, 'js'),
      ...scanText('chunks/vendor.js', 'throw Error(`See http://bit.ly/2kdckMn`)', 'js'),
    ];
    const { findings, allowed } = applyAllowlist(hits);
    expect(findings).toEqual([]);
    expect(allowed.map(({ hit }) => hit.rule).sort()).toEqual([
      'function-alias',
      'function-constructor',
      'html-sink',
      'remote-url',
    ]);
    expect(allowed.every(({ allowance }) => allowance.reason.length > 20)).toBe(true);
  });

  it('fails an occurrence beyond the count', () => {
    const hits = [...scanText('chunks/a.js', preact, 'js'), ...scanText('chunks/b.js', preact, 'js')];
    const { findings, allowed } = applyAllowlist(hits);
    expect(allowed).toHaveLength(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.file).toBe('chunks/b.js');
    expect(findings[0]?.message).toMatch(/more than the 1 allowed/);
  });

  it('fails a new occurrence: same rule, different fingerprint', () => {
    expect(applyAllowlist(scanText('chunks/a.js', 'el.innerHTML=html', 'js')).findings).toHaveLength(1);
    expect(applyAllowlist(scanText('chunks/a.js', 'let e=Function;new e(code)', 'js')).findings).toHaveLength(
      1,
    );
    // A URL is allowed only exactly, never by being near an allowed one.
    const near = 'msg=`See http://bit.ly/2kdckMn or https://bit.ly/other`';
    expect(applyAllowlist(scanText('chunks/a.js', near, 'js')).findings.map((hit) => hit.match)).toEqual([
      'https://bit.ly/other',
    ]);
  });

  it('never allows anything in a content script', () => {
    const { findings, allowed } = applyAllowlist(
      scanText('content-scripts/x.js', `${preact};${zodProbe}`, 'content-script'),
    );
    expect(allowed).toEqual([]);
    expect(findings.map((hit) => hit.rule).sort()).toEqual(['function-constructor', 'html-sink']);
  });

  it('every allowance names a rule, a fingerprint, a count and a reason', () => {
    for (const allowance of ALLOWLIST) {
      expect(allowance.fingerprint.length).toBeGreaterThanOrEqual(6);
      expect(allowance.max).toBeGreaterThanOrEqual(1);
      expect(allowance.reason).not.toBe('');
    }
  });
});

describe('scanDirectory', () => {
  let dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    dirs = [];
  });
  /** A copy of the fixture build with extra files. */
  function buildWith(files: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'duet-scan-'));
    dirs.push(dir);
    cpSync(FIXTURE, dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }

  it('passes the fixture build: one allowed library line, harmless URLs counted', () => {
    const report = scanDirectory(FIXTURE);
    expect(report.findings).toEqual([]);
    expect(report.files).toEqual({ js: 2, 'content-script': 1, html: 1, css: 1, manifest: 1 });
    expect(report.allowed.map(({ hit }) => `${hit.rule} ${hit.file}`)).toEqual([
      'html-sink chunks/preact.js',
    ]);
    expect(report.harmlessUrls.get('https://calendar.google.com[/…]')?.count).toBe(4);
  });

  it('finds the database, zod and a second HTML sink added to the build', () => {
    const dir = buildWith({
      'content-scripts/page.js': '(function(){class Dexie{};indexedDB.open(`x`)})();',
      'chunks/extra.js': 'export function f(e,t){e.innerHTML=t.__html}',
      'meet.js': 'if(e instanceof ZodError)throw e;',
    });
    // meet.js is a content script only because the manifest says so.
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        content_security_policy: { extension_pages: "script-src 'self'" },
        content_scripts: [{ js: ['content-scripts/page.js', 'meet.js'] }],
      }),
    );
    const report = scanDirectory(dir);
    expect(report.findings.map((hit) => `${hit.rule} ${hit.file}`).sort()).toEqual([
      'dexie content-scripts/page.js',
      'html-sink chunks/preact.js',
      'indexeddb content-scripts/page.js',
      'zod meet.js',
    ]);
    expect(report.allowed.map(({ hit }) => hit.file)).toEqual(['chunks/extra.js']);
  });

  it('finds Dexie or zod in what the popup loads before its first paint, not in what it imports later', () => {
    const popup = (script: string) =>
      `<!doctype html><html><head><script type="module" crossorigin src="/chunks/${script}"></script>` +
      '<link rel="modulepreload" crossorigin href="/chunks/preact.js"></head><body></body></html>';
    const clean = buildWith({
      'popup.html': popup('popup.js'),
      'chunks/popup.js':
        'import{a as e}from"./view.js";import"/chunks/side.js";const t=()=>import("./dexie-live.js");e(t);',
      'chunks/view.js': 'export function a(e){indexedDB.open(`duet`);return e}',
      'chunks/side.js': 'export{}',
      'chunks/dexie-live.js': 'import{D as e}from"./db.js";export{e as live};',
      'chunks/db.js':
        'var n=class Dexie{};class DexieError extends Error{}class ZodError extends Error{}export{n as D};',
    });
    expect(modulesLoadedUpFront(clean, 'popup.html')).toEqual([
      'chunks/popup.js',
      'chunks/preact.js',
      'chunks/side.js',
      'chunks/view.js',
    ]);
    expect(scanDirectory(clean).findings).toEqual([]);

    // The same popup importing the database statically: Dexie and zod now load before its first paint.
    const dir = buildWith({
      'popup.html': popup('popup.js'),
      'chunks/popup.js': 'import{D as e}from"./db.js";export{e};',
      'chunks/db.js':
        'var n=class Dexie{};class DexieError extends Error{}class ZodError extends Error{}export{n as D};',
    });
    expect(scanDirectory(dir).findings.map((hit) => `${hit.rule} ${hit.file} ${hit.match}`)).toEqual([
      'first-paint chunks/db.js DexieError',
      'first-paint chunks/db.js ZodError',
    ]);
  });

  it('finds the English catalog bundled into what the popup loads before its first paint', () => {
    const popup =
      '<!doctype html><html><head><script type="module" crossorigin src="/chunks/popup.js"></script></head></html>';
    const clean = buildWith({
      'popup.html': popup,
      'chunks/popup.js': 'const t=(k)=>chrome.i18n.getMessage(k);t(`popup_settings`);t(`options_title`);',
    });
    expect(scanDirectory(clean).findings).toEqual([]);
    const dir = buildWith({
      'popup.html': popup,
      'chunks/popup.js':
        'var C={popup_settings:`Settings`,options_linked_none:`No Calendar series linked yet.`,options_untitled:`Untitled`};export{C};',
    });
    expect(scanDirectory(dir).findings.map((hit) => `${hit.rule} ${hit.file} ${hit.match}`)).toEqual([
      'first-paint chunks/popup.js options_linked_none:',
    ]);
  });

  it('fails a release build that carries a benchmark page', () => {
    const dir = buildWith({ 'bench.html': '<!doctype html><p>bench</p>', 'bench-floor.js': 'void 0;' });
    expect(scanDirectory(dir).findings.map((hit) => `${hit.rule} ${hit.file}`)).toEqual([
      'bench-page bench-floor.js',
      'bench-page bench.html',
    ]);
  });

  it('fails a directory that is not a build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'duet-scan-'));
    dirs.push(dir);
    expect(scanDirectory(dir).findings.map((hit) => hit.rule)).toEqual(['manifest']);
  });
});
