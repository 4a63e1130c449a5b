// Every unit test gets a clean in-memory IndexedDB and a reset fake browser.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setDatabaseForTests } from '@/lib/db';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  setDatabaseForTests(null);
  fakeBrowser.reset();
});
