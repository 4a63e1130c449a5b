// Every unit test gets a clean in-memory IndexedDB (Dexie captures the factory at import, so it is
// pointed at the new one too) and a reset fake browser.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setDatabaseForTests } from '@/lib/db';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  Dexie.dependencies.indexedDB = globalThis.indexedDB;
  setDatabaseForTests(null);
  fakeBrowser.reset();
  sessionStorage.clear();
});
