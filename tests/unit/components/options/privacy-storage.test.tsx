import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { formatBytes, PrivacySection } from '@/components/options/PrivacySection';
import { useStorageStatus } from '@/components/options/use-storage-status';
import { createPerson } from '@/lib/db';
import { resetI18nForTests } from '@/lib/i18n';
import { q, text, until, useMount } from './helpers';

const mount = useMount();

/** `navigator.storage` as the test says (happy-dom's own, if any, comes back after each test). */
const own = Object.getOwnPropertyDescriptor(navigator, 'storage');
function fakeStorage(storage: Partial<StorageManager> | undefined): void {
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
}
afterEach(() => {
  if (own) Object.defineProperty(navigator, 'storage', own);
  else delete (navigator as { storage?: unknown }).storage;
});

/** The section as the options page wires it: its storage status from `useStorageStatus`. */
function Privacy() {
  return <PrivacySection counts={null} storage={useStorageStatus()} />;
}

describe('formatBytes', () => {
  it('bytes under 1 kB, then kB and MB with one decimal', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 kB');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(200 * 1024 + 51)).toBe('200.0 kB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(2.25 * 1024 * 1024)).toBe('2.3 MB');
  });

  it('just under 1 MB is "1.0 MB", never "1024.0 kB"', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1.0 MB');
    expect(formatBytes(1024 * 1024)).toBe('1.0 MB');
  });
});

describe('PrivacySection: storage status', () => {
  it('shows that the browser keeps the data, and how much it uses', async () => {
    fakeStorage({ persisted: async () => true, estimate: async () => ({ usage: 1536, quota: 10 ** 9 }) });
    const root = await mount(<Privacy />);
    await until(() => expect(text(root, 'storage-persisted')).toBe('yes'));
    expect(text(root, 'storage-used')).toBe('1.5 kB');
  });

  it('the space used follows what is stored: asked again after data changes (an import, a delete)', async () => {
    let usage = 2048;
    fakeStorage({ persisted: async () => true, estimate: async () => ({ usage }) });
    const root = await mount(<OptionsApp onDataChanged={() => undefined} />);
    await until(() => expect(text(root, 'storage-used')).toBe('2.0 kB'));
    usage = 5 * 1024 * 1024;
    await createPerson({ name: 'Bob Jones', emails: [], relation: 'report' });
    await until(() => expect(text(root, 'storage-used')).toBe('5.0 MB'));
  });

  it('says in plain words that the browser may clear it when it has not promised to keep it', async () => {
    fakeStorage({ persisted: async () => false, estimate: async () => ({ usage: 3 * 1024 * 1024 }) });
    const root = await mount(<Privacy />);
    await until(() => expect(text(root, 'storage-persisted')).toBe('not yet — the browser may clear it'));
    // What the answer is to, without jargon ("Protected from automatic clean-up").
    expect(q(root, 'storage-persisted').previousElementSibling!.textContent).toBe(
      'Kept when the browser runs low on space',
    );
    expect(text(root, 'storage-used')).toBe('3.0 MB');
  });

  it('counts the notes’ database where the browser tells it apart (not the worker, not space freed later)', async () => {
    fakeStorage({
      persisted: async () => true,
      estimate: async () => ({
        usage: 2.8 * 1024 * 1024,
        usageDetails: { indexedDB: 4096, serviceWorkerRegistrations: 420_000 },
      }),
    });
    const root = await mount(<Privacy />);
    await until(() => expect(text(root, 'storage-used')).toBe('4.0 kB'));
  });

  it('"unknown" for both where the browser has no storage manager', async () => {
    fakeStorage(undefined);
    const root = await mount(<Privacy />);
    // Nothing to wait for: give the effect its turn, then it still says unknown.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(text(root, 'storage-persisted')).toBe('unknown');
    expect(text(root, 'storage-used')).toBe('unknown');
  });

  it('a question the browser refuses is "unknown"; the other answer still shows', async () => {
    fakeStorage({
      persisted: () => Promise.reject(new Error('SecurityError')),
      estimate: async () => ({ usage: 2048 }),
    });
    const root = await mount(<Privacy />);
    await until(() => expect(text(root, 'storage-used')).toBe('2.0 kB'));
    expect(text(root, 'storage-persisted')).toBe('unknown');
  });

  it('the options page shows its own storage status in the privacy section', async () => {
    fakeStorage({ persisted: async () => true, estimate: async () => ({ usage: 512 }) });
    const root = await mount(<OptionsApp onDataChanged={vi.fn()} />);
    await until(() => expect(text(root, 'storage-used')).toBe('512 B'));
    expect(text(root, 'storage-persisted')).toBe('yes');
    expect(q(root, 'storage-used').closest('#privacy')).not.toBeNull();
  });
});

describe('OptionsApp: title', () => {
  let getMessage: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    // The browser's answer in another UI language: the title comes through browser.i18n like every label.
    getMessage = vi.fn((key: string) => (key === 'options_page_title' ? 'Réglages de Duet' : ''));
    (browser as unknown as { i18n?: unknown }).i18n = { getMessage };
    resetI18nForTests();
    document.title = 'Duet';
  });
  afterEach(() => {
    delete (browser as unknown as { i18n?: unknown }).i18n;
    resetI18nForTests();
  });

  it('sets the tab title from the catalog (options_page_title), not a hard-coded English one', async () => {
    fakeStorage(undefined);
    await mount(<OptionsApp onDataChanged={vi.fn()} />);
    await until(() => expect(document.title).toBe('Réglages de Duet'));
    expect(getMessage).toHaveBeenCalledWith('options_page_title', undefined);
  });
});
