/**
 * A save that hangs (a blocked database upgrade) or is merely slow never puts the previous meeting's notes
 * under the next meeting: the box is cleared at once when the event changes, and the next note loads without
 * waiting for the previous save. That text is not lost: it is journalled until the database holds it, and
 * the save lands once the write finishes. A database upgrade another page blocks says so instead of
 * "Loading…" forever.
 */
import Dexie from 'dexie';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type NoteTarget, useNoteDraft } from '@/components/panel/use-note-draft';
import { DATABASE_NAME, getEventNote, LATEST_VERSION, saveEventNote, SCHEMA_VERSIONS } from '@/lib/db';
import type * as Db from '@/lib/db';
import { isBlocked } from '@/lib/db/database';
import { useRenderContainer } from '../../helpers/dom-container';

vi.mock('@/lib/db', async (importOriginal) => {
  const actual = await importOriginal<typeof Db>();
  return { ...actual, saveEventNote: vi.fn(actual.saveEventNote) };
});
const { saveEventNote: saveDirect } = await vi.importActual<typeof Db>('@/lib/db');

const bob: NoteTarget = { eventKey: 'bob_20260323T170000Z', seriesKey: 'bob', title: 'Alice / Bob' };
const carol: NoteTarget = { eventKey: 'carol_20260324T090000Z', seriesKey: 'carol', title: 'Alice / Carol' };
const SECRET = 'Private: Bob is thinking of quitting';
const CAROL = 'Carol: the offsite agenda';
const BLOCKED = 'Duet is finishing an update. Close other Duet pages or reload them to continue.';

afterEach(() => {
  vi.mocked(saveEventNote).mockReset().mockImplementation(saveDirect);
  sessionStorage.clear();
  localStorage.clear();
});
const container = useRenderContainer();

let draft: ReturnType<typeof useNoteDraft>;
/** Every render: the event it was for and what the notes box showed. */
let renders: Array<{ of: string | null; text: string; status: string; theirs: string | null }> = [];
function Probe({ of }: { of: NoteTarget | null }) {
  draft = useNoteDraft(of);
  renders.push({
    of: of?.eventKey ?? null,
    text: draft.text,
    status: draft.status.kind,
    theirs: draft.theirs,
  });
  return null;
}
const show = (of: NoteTarget | null) =>
  act(() => {
    render(<Probe of={of} />, container());
  });
/** Duet's keys in the extension's localStorage that hold this text. */
const kept = (text: string) =>
  Object.keys(localStorage).filter((key) => localStorage.getItem(key)?.includes(text));
const savesFor = (of: NoteTarget) =>
  vi.mocked(saveEventNote).mock.calls.filter(([target]) => target.eventKey === of.eventKey);

describe('another event opened while a note is saving', () => {
  it('never shows the previous note, loads the next one at once, and the previous save still lands', async () => {
    await saveDirect(carol, CAROL);
    // Bob's saves hang until released (a blocked upgrade, a stalled disk); others save normally.
    const release: Array<() => void> = [];
    vi.mocked(saveEventNote).mockImplementation((...args) =>
      args[0].eventKey === bob.eventKey
        ? new Promise((resolve, reject) => release.push(() => void saveDirect(...args).then(resolve, reject)))
        : saveDirect(...args),
    );
    await show(bob);
    await vi.waitFor(() => expect(draft.status.kind).toBe('idle'));
    await act(() => draft.update(SECRET));
    // Written to the journal before any save: closing now would lose nothing.
    expect(kept(SECRET)).toHaveLength(1);

    renders = [];
    await show(carol);
    // Not one render of Carol's meeting with Bob's text (nor Bob's conflict), not even the first.
    const carols = renders.filter((r) => r.of === carol.eventKey);
    expect(carols[0]).toMatchObject({ text: '', status: 'loading', theirs: null });
    await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
    expect(draft.text).toBe(CAROL);
    expect(renders.some((r) => r.text.includes(SECRET))).toBe(false);
    // Bob's text went to Bob's note (the switch saves it), and only there.
    expect(savesFor(bob).map(([, text]) => text)).toEqual([SECRET]);

    // Usable: typing in Carol's note saves it while Bob's save still hangs.
    await act(() => draft.update(`${CAROL}, and hiring`));
    await vi.waitFor(async () =>
      expect((await getEventNote(carol.eventKey))?.text).toBe(`${CAROL}, and hiring`),
    );
    await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
    expect(await getEventNote(bob.eventKey)).toBeUndefined();
    expect(kept(SECRET)).toHaveLength(1);

    // The write finishes: Bob's note holds the text (saved once), the journal lets it go, Carol's box is as it was.
    await act(() => release.forEach((go) => go()));
    await vi.waitFor(async () => expect((await getEventNote(bob.eventKey))?.text).toBe(SECRET));
    await vi.waitFor(() => expect(kept(SECRET)).toEqual([]));
    expect(savesFor(bob)).toHaveLength(1);
    expect(draft.text).toBe(`${CAROL}, and hiring`);
    expect(draft.status.kind).toBe('saved');
    expect(renders.some((r) => r.text.includes(SECRET))).toBe(false);
  });

  it('a save that never finishes: the text comes back, and saves, when that event is opened again', async () => {
    vi.mocked(saveEventNote).mockImplementation(() => new Promise(() => {}));
    await show(bob);
    await vi.waitFor(() => expect(draft.status.kind).toBe('idle'));
    await act(() => draft.update(SECRET));
    await show(carol);
    await vi.waitFor(() => expect(draft.status.kind).toBe('idle'));
    expect(draft.text).toBe('');
    await show(null);
    vi.mocked(saveEventNote).mockImplementation(saveDirect);

    await show(bob);
    await vi.waitFor(async () => expect((await getEventNote(bob.eventKey))?.text).toBe(SECRET));
    await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
    expect(draft.text).toBe(SECRET);
    expect(draft.theirs).toBeNull();
  });
});

describe('a database upgrade another Duet page blocks', () => {
  it('says so instead of "Loading…" forever; what is typed meanwhile saves once that page lets go', async () => {
    // An older Duet page holds the database at the previous version and never lets go for the upgrade.
    const older = new Dexie(DATABASE_NAME);
    for (const [version, stores] of Object.entries(SCHEMA_VERSIONS))
      if (Number(version) < LATEST_VERSION) older.version(Number(version)).stores(stores);
    await older.open();
    older.close();
    const holder = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DATABASE_NAME);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      await show(bob);
      await vi.waitFor(() => expect(draft.status).toEqual({ kind: 'error', message: BLOCKED }));
      // The box is usable (not "Loading…"), and a save says the same (it does not hang).
      await act(() => draft.update(SECRET));
      await act(() => draft.flush());
      expect(draft.status).toEqual({ kind: 'error', message: BLOCKED });
      expect(draft.text).toBe(SECRET);
      expect(kept(SECRET)).toHaveLength(1);

      holder.close();
      await vi.waitFor(() => expect(isBlocked()).toBe(false));
      // The retry.
      await act(async () => {
        await vi.advanceTimersByTimeAsync(5000);
      });
      vi.useRealTimers();
      await vi.waitFor(() => expect(draft.status.kind).toBe('saved'));
      expect((await getEventNote(bob.eventKey))?.text).toBe(SECRET);
      expect(kept(SECRET)).toEqual([]);
    } finally {
      vi.useRealTimers();
      holder.close();
    }
  });
});
