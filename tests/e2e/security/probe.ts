/**
 * A page-world probe standing in for a hostile Calendar/Meet script (SECURITY.md 11–13). Installed with
 * `page.addInitScript`, so it runs in the page's main world before any page script and before Duet's content
 * script. It records what a page could observe over time — every message the window receives, every text and
 * attribute value that ever enters the DOM (also transient ones), every title — and hooks `attachShadow` to
 * force shadow roots open (an isolated-world content script must be immune to that). `scanPage` then searches
 * every channel a page can read for a needle.
 */
import type { Page, Worker } from 'playwright-core';

export interface ProbeState {
  messages: string[];
  mutations: string[];
  titles: string[];
  /** Shadow roots created through the page world's (hooked) `attachShadow`. */
  hookedRoots: ShadowRoot[];
  /** Hosts of those roots that carry `data-duet-panel` (must stay empty: Duet's root is not reachable). */
  hookedDuetHosts: number;
}

declare global {
  interface Window {
    __duetProbe?: ProbeState;
  }
}

/** The init script (serialised by Playwright: self-contained, no imports). */
function probeInit(): void {
  if (window.__duetProbe) return;
  const state: ProbeState = { messages: [], mutations: [], titles: [], hookedRoots: [], hookedDuetHosts: 0 };
  window.__duetProbe = state;
  const serialise = (value: unknown): string => {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  };
  window.addEventListener('message', (event) => state.messages.push(serialise(event.data)), true);

  // What a hostile script would do first: make every shadow root it can open.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, { ...init, mode: 'open' });
    state.hookedRoots.push(root);
    if (this.hasAttribute('data-duet-panel')) state.hookedDuetHosts++;
    return root;
  };

  const recordNode = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE) {
      state.mutations.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    state.mutations.push(element.textContent ?? '');
    for (const el of [element, ...element.querySelectorAll('*')])
      for (const attribute of el.attributes) state.mutations.push(attribute.value);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') state.mutations.push(record.target.nodeValue ?? '');
      else if (record.type === 'attributes' && record.attributeName)
        state.mutations.push((record.target as Element).getAttribute(record.attributeName) ?? '');
      else record.addedNodes.forEach(recordNode);
    }
    if (state.titles.at(-1) !== document.title) state.titles.push(document.title);
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

export async function installProbe(page: Page): Promise<void> {
  await page.addInitScript(probeInit);
}

/** Plants a control string in every page-readable channel, so `scanPage` is shown to find what is there. */
export async function plantControl(page: Page, control: string): Promise<void> {
  await page.evaluate(async (text) => {
    localStorage.setItem('probe-control', text);
    sessionStorage.setItem('probe-control', text);
    const holder = document.createElement('div');
    holder.setAttribute('data-probe-control', '');
    holder
      .attachShadow({ mode: 'open' })
      .append(Object.assign(document.createElement('span'), { title: text }));
    document.body.append(holder);
    // A transient node: added and removed at once, as a careless script might flash text through the DOM.
    const flash = Object.assign(document.createElement('span'), { textContent: text });
    document.body.append(flash);
    flash.remove();
    window.postMessage({ nested: { text } }, '*');
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('probe-control', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('things');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('things', 'readwrite');
        tx.objectStore('things').put({ deep: [{ text }] }, 'k');
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
      };
    });
    const cache = await caches.open('probe-control');
    await cache.put('/probe-control', new Response(text));
    // Let the message listener and the mutation observer run.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }, control);
}

/**
 * Every channel a page-world script can read, searched (case-insensitively) for `needle`: the live DOM with
 * attributes and open shadow roots (also the ones the hooked `attachShadow` forced open), the DOM's history
 * (mutations), the title and its history, URL, `history.state`, `window.name`, cookies, local/session storage,
 * every IndexedDB database and store, CacheStorage, and every message the window received. Returns the names
 * of the channels holding it.
 */
export async function scanPage(page: Page, needle: string): Promise<string[]> {
  return page.evaluate(async (wanted) => {
    const state = window.__duetProbe;
    if (!state) throw new Error('probe not installed');
    const found = new Set<string>();
    const lower = wanted.toLowerCase();
    const check = (channel: string, text: unknown) => {
      if (typeof text === 'string' && text.toLowerCase().includes(lower)) found.add(channel);
    };
    const serialise = (value: unknown): string => {
      try {
        return JSON.stringify(value, (_key, v: unknown) =>
          v instanceof Blob || v instanceof ArrayBuffer ? `[${Object.prototype.toString.call(v)}]` : v,
        );
      } catch {
        return String(value);
      }
    };

    const seenRoots = new Set<Node>();
    const walk = (root: Document | ShadowRoot | Element, channel: string) => {
      if (seenRoots.has(root)) return;
      seenRoots.add(root);
      for (const element of root.querySelectorAll('*')) {
        check(channel, element.textContent);
        for (const attribute of element.attributes) check(`${channel} attributes`, attribute.value);
        if (element.shadowRoot) walk(element.shadowRoot, 'open shadow roots');
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)
          check(`${channel} form values`, element.value);
      }
    };
    walk(document, 'DOM');
    for (const root of state.hookedRoots) walk(root, 'forced-open shadow roots');
    for (const text of state.mutations) check('DOM history (mutations)', text);
    check('document.title', document.title);
    for (const title of state.titles) check('title history', title);
    check('location', location.href);
    check('history.state', serialise(history.state));
    check('window.name', window.name);
    check('document.cookie', document.cookie);
    for (const [name, storage] of [
      ['localStorage', localStorage],
      ['sessionStorage', sessionStorage],
    ] as const) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i)!;
        check(name, key);
        check(name, storage.getItem(key));
      }
    }
    for (const message of state.messages) check('postMessage', message);

    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const stores = [...db.objectStoreNames];
      if (stores.length > 0) {
        const tx = db.transaction(stores, 'readonly');
        for (const store of stores) {
          const rows = await new Promise<unknown[]>((resolve, reject) => {
            const request = tx.objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          const keys = await new Promise<unknown[]>((resolve, reject) => {
            const request = tx.objectStore(store).getAllKeys();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          check('IndexedDB', serialise(rows));
          check('IndexedDB', serialise(keys));
        }
      }
      db.close();
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        check('CacheStorage', request.url);
        check('CacheStorage', await (await cache.match(request))?.text());
      }
    }
    return [...found].sort();
  }, needle);
}

/** What the probe saw of Duet's shadow root and frames, from the page world. */
export async function pageViewOfPanel(page: Page): Promise<{
  hosts: number;
  shadowRootVisible: boolean;
  hookedDuetHosts: number;
  windowFrames: number;
  iframesInLightDom: number;
  hostChildren: number;
}> {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('[data-duet-panel]')];
    return {
      hosts: hosts.length,
      shadowRootVisible: hosts.some((host) => host.shadowRoot !== null),
      hookedDuetHosts: window.__duetProbe?.hookedDuetHosts ?? -1,
      windowFrames: window.length,
      iframesInLightDom: document.querySelectorAll('iframe').length,
      hostChildren: hosts.reduce((sum, host) => sum + host.childNodes.length, 0),
    };
  });
}

type StorageArea = { get(keys: null): Promise<Record<string, unknown>> };
type WorkerChrome = { storage: { local: StorageArea; session: StorageArea; sync: StorageArea } };

/** `chrome.storage.{local,sync,session}` as the worker sees them (content scripts can read local and sync). */
export async function extensionStorage(worker: Worker): Promise<{
  local: Record<string, unknown>;
  sync: Record<string, unknown>;
  session: Record<string, unknown>;
}> {
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
    return {
      local: await api.storage.local.get(null),
      sync: await api.storage.sync.get(null),
      session: await api.storage.session.get(null),
    };
  });
}

/** The fields a per-tab context may hold (lib/messaging/protocol.ts PanelContextSchema): no note text. */
export const CONTEXT_FIELDS = {
  calendar: [
    'surface',
    'dataEventId',
    'eventKey',
    'seriesKey',
    'title',
    'day',
    'start',
    'startsAt',
    'recurring',
    'recurrence',
    'detection',
    'guests',
    'meetCode',
  ],
  meet: ['surface', 'meetingCode', 'title', 'state', 'presenting', 'others', 'link', 'trackable'],
} as const;
