// Every unit test gets a clean in-memory IndexedDB (Dexie captures the factory at import, so it is
// pointed at the new one too) and a reset fake browser.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setDatabaseForTests } from '@/lib/db';
import { setEnglishFallback } from '@/lib/i18n';
import { CATALOG } from '@/lib/i18n/catalog';

// The fake browser has no i18n: `t()` answers from the English catalog (the extension's browser answers
// from `_locales`, and the catalog is not bundled).
setEnglishFallback(CATALOG);

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  Dexie.dependencies.indexedDB = globalThis.indexedDB;
  setDatabaseForTests(null);
  fakeBrowser.reset();
  // Only DOM environments have it (the node project's files never touch it).
  globalThis.sessionStorage?.clear();
});
