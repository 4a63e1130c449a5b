import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { getSettings, linkMeetCodeTo, createRelationship, unignoreSeries, updateSettings, getDatabase, ignoreSeries } from '@/lib/db';
import { exportAll, serializeExport } from '@/lib/io/export';
import { deleteAllData, importFromText, previewImport, validateImport } from '@/lib/io/import';

const T0 = Date.UTC(2026, 2, 2, 9);
beforeEach(() => { vi.useFakeTimers({ toFake: ['Date'] }); vi.setSystemTime(T0); });
afterEach(() => vi.useRealTimers());

it('a backup merged into a new device after linking a Meet call brings the settings back', async () => {
  await updateSettings({ myName: 'Alice', myEmails: ['alice@acme.example'] });
  await ignoreSeries('standup', getDatabase(), 'Standup');
  const backup = serializeExport(await exportAll());
  await deleteAllData(); // the new device
  vi.setSystemTime(T0 + 60_000);
  // On the new device the user links a Meet call to a 1:1 (meetActions.linkTo): no settings change made.
  const rel = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Bob' });
  await linkMeetCodeTo('abc-defg-hij', rel.id);
  await unignoreSeries('meet:abc-defg-hij');
  const preview = await previewImport(validateImport(JSON.parse(backup)), 'merge');
  console.log('settings preview', preview.changes.settings);
  await importFromText(backup, 'merge');
  const s = await getSettings();
  expect(s.myName).toBe('Alice');
  expect(s.ignoredSeries).toEqual(['standup']);
});
