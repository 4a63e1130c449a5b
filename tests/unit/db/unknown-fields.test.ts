/**
 * A database written by a newer Duet (records gain fields without a schema version, docs/DATA.md), opened by
 * this one: the records' fields it does not know are kept as they are, and writes into those records work.
 * A key that is never a field (`__proto__`, `constructor`) or a known field of the wrong type is still refused.
 */
import { describe, expect, it } from 'vitest';
import {
  createPerson,
  createRelationship,
  getDatabase,
  getSession,
  getSettings,
  InvalidInputError,
  prepareSession,
  saveSectionNotes,
  startLiveSession,
  updateSession,
  updateSettings,
} from '@/lib/db';
import { parseKeepingUnknown, z } from '@/lib/domain/zod';

const NOW = Date.UTC(2026, 10, 2, 15);

async function liveSession() {
  const alice = await createPerson({ name: 'Alice', emails: [], relation: 'report' });
  const rel = await createRelationship({ personIds: [alice.id], kind: 'one-on-one', title: 'Alice 1:1' });
  const { session } = await prepareSession({ relationshipId: rel.id, scheduledAt: NOW });
  const live = await startLiveSession({ relationshipId: rel.id, sessionId: session.id, now: NOW });
  expect(live.live).not.toBeNull();
  return live;
}

/** Puts a row straight into Dexie, as a newer Duet would have written it (no validation here). */
async function storeAsNewerDuet(
  id: string,
  extra: Record<string, unknown>,
  liveExtra: Record<string, unknown>,
) {
  const db = getDatabase();
  const row = (await db.sessions.get(id))!;
  await db.sessions.put({ ...row, ...extra, live: { ...row.live!, ...liveExtra } } as typeof row);
}

describe('records with fields a newer Duet wrote', () => {
  it('notes save into a session with unknown fields (in it and in its live state), which are kept', async () => {
    const session = await liveSession();
    await storeAsNewerDuet(session.id, { mood: { energy: 3 } }, { pausedFor: 1234 });

    const saved = await saveSectionNotes(session.id, 'general', 'Talked about the roadmap');
    expect(saved.notes.general).toBe('Talked about the roadmap');
    const stored = (await getSession(session.id)) as unknown as Record<string, unknown> & {
      live: Record<string, unknown>;
      notes: Record<string, string>;
    };
    expect(stored.notes.general).toBe('Talked about the roadmap');
    expect(stored.mood).toEqual({ energy: 3 });
    expect(stored.live.pausedFor).toBe(1234);
    expect(stored.live.startedAt).toBe(session.live!.startedAt);

    const again = await updateSession(session.id, (s) => ({ ...s, privateNotes: 'mine' }), getDatabase());
    expect(again.privateNotes).toBe('mine');
    expect((await getSession(session.id)) as unknown).toMatchObject({
      mood: { energy: 3 },
      live: { pausedFor: 1234 },
      privateNotes: 'mine',
    });
  });

  it('settings change with an unknown field in the stored row, which is kept', async () => {
    await updateSettings({ meetPanel: 'open' });
    const db = getDatabase();
    const row = await getSettings();
    await db.settings.put({ ...row, theme: 'dark' } as typeof row);

    const next = await updateSettings({ meetPanel: 'collapsed' });
    expect(next.meetPanel).toBe('collapsed');
    expect(await db.settings.get('settings')).toMatchObject({ meetPanel: 'collapsed', theme: 'dark' });
  });

  it('still refuses a known field of the wrong type, and keys that are never fields', async () => {
    const session = await liveSession();
    const db = getDatabase();
    const row = (await db.sessions.get(session.id))!;

    await db.sessions.put({ ...row, live: { ...row.live!, startedAt: 'soon' } } as unknown as typeof row);
    await expect(saveSectionNotes(session.id, 'general', 'x')).rejects.toThrow(/session\.live\.startedAt/);

    await db.sessions.put({ ...row, constructor: 'x' } as unknown as typeof row);
    await expect(saveSectionNotes(session.id, 'general', 'x')).rejects.toThrow(InvalidInputError);

    await db.sessions.put({ ...row, live: { ...row.live!, prototype: 1 } } as unknown as typeof row);
    await expect(saveSectionNotes(session.id, 'general', 'x')).rejects.toThrow(/prototype/);

    const settings = await getSettings();
    await db.settings.put({ ...settings, theme: 'dark', meetPanel: 7 } as unknown as typeof settings);
    await expect(updateSettings({ detection: settings.detection })).rejects.toThrow(/meetPanel/);
  });
});

describe('parseKeepingUnknown', () => {
  const Inner = z.strictObject({ n: z.number() });
  const Schema = z.strictObject({
    email: z.string().transform((s) => s.toLowerCase()),
    list: z.array(Inner),
    byId: z.record(z.string(), Inner),
    flag: z.boolean().default(false),
  });

  it('keeps unknown keys at any depth beside the parsed known fields', () => {
    const value = {
      email: 'A@B.C',
      list: [{ n: 1 }, { n: 2, later: 'x' }],
      byId: { k: { n: 3, more: [1] } },
      top: { deep: true },
    };
    const parsed = parseKeepingUnknown(Schema, value);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({
      email: 'a@b.c',
      list: [{ n: 1 }, { n: 2, later: 'x' }],
      byId: { k: { n: 3, more: [1] } },
      flag: false,
      top: { deep: true },
    });
    // The value given is not changed.
    expect(value.email).toBe('A@B.C');
    expect('flag' in value).toBe(false);
  });

  it('refuses dangerous key names and any other problem', () => {
    expect(
      parseKeepingUnknown(Schema, JSON.parse('{"email":"a","list":[],"byId":{},"__proto__":{"x":1}}'))
        .success,
    ).toBe(false);
    expect(
      parseKeepingUnknown(Schema, { email: 'a', list: [{ n: 1, constructor: 1 }], byId: {} }).success,
    ).toBe(false);
    expect(parseKeepingUnknown(Schema, { email: 'a', list: [{ n: '1' }], byId: {}, extra: 1 }).success).toBe(
      false,
    );
    expect(
      parseKeepingUnknown(Schema, {
        email: 'a',
        list: [],
        byId: {},
        later: JSON.parse('{"a":{"__proto__":1}}'),
      }).success,
    ).toBe(false);
    expect(
      parseKeepingUnknown(Schema, { email: 'a', list: [], byId: {}, later: { prototype: 1 } }).success,
    ).toBe(false);
    expect(parseKeepingUnknown(Schema, { email: 'a', list: [], byId: {} }).success).toBe(true);
  });
});
