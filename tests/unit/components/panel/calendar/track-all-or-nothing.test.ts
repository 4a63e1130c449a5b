/**
 * "Track as 1:1" (Calendar and Meet) and Calendar's "who is this with" are all or nothing: when the 1:1's
 * write fails, no person is left behind, so a retry — even with the email cleared — makes exactly one Bob.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useCalendarActions } from '@/components/panel/calendar/use-calendar-actions';
import type { CalendarContext, TrackDraft } from '@/components/panel/calendar/view-types';
import { meetActions } from '@/components/panel/meet/meet-actions';
import { createRelationship, getDatabase, listPeople } from '@/lib/db';

const full = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const context = {
  surface: 'calendar',
  title: 'Alice / Bob',
  seriesKey: 'series-bob',
  eventKey: 'event-bob',
  meetCode: null,
  startsAt: null,
} as unknown as CalendarContext;

const draft: TrackDraft = {
  name: 'Bob Jones',
  email: 'bob@acme.example',
  relation: 'report',
  kind: 'one-on-one',
  cadenceDays: 7,
};
const carolToo: TrackDraft = { ...draft, kind: 'two-on-one', others: [{ name: 'Carol King', email: '' }] };

afterEach(() => vi.restoreAllMocks());

function actions(relationshipId: string | null = null) {
  return useCalendarActions({
    context,
    relationshipId,
    announce: () => {},
    onChanged: () => {},
    adopt: () => {},
    onPrepared: () => {},
  });
}

/** The next write of a new 1:1 fails (the disk is full). */
function failNextAdd() {
  const table = getDatabase().relationships;
  return vi.spyOn(table, 'add').mockImplementationOnce(() => Promise.reject(full()) as never);
}

const names = async () => (await listPeople({ includeArchived: true })).map((p) => p.name).sort();

describe('Track as 1:1 (Calendar)', () => {
  it('leaves no person when the 1:1 cannot be written', async () => {
    failNextAdd();
    const result = await actions().track(draft);
    expect(result.ok).toBe(false);
    expect(await names()).toEqual([]);
    expect(await getDatabase().relationships.count()).toBe(0);
  });

  it('a retry with the email cleared makes exactly one Bob', async () => {
    failNextAdd();
    expect((await actions().track(draft)).ok).toBe(false);
    expect(await actions().track({ ...draft, email: '' })).toEqual({ ok: true });
    expect(await names()).toEqual(['Bob Jones']);
    expect(await getDatabase().relationships.count()).toBe(1);
  });

  it("a 2-1's two people come and go together", async () => {
    failNextAdd();
    expect((await actions().track(carolToo)).ok).toBe(false);
    expect(await names()).toEqual([]);
    expect(await actions().track(carolToo)).toEqual({ ok: true });
    expect(await names()).toEqual(['Bob Jones', 'Carol King']);
    const [relationship] = await getDatabase().relationships.toArray();
    expect(relationship?.personIds).toHaveLength(2);
  });
});

describe('Saying who a 1:1 made from notes is with (Calendar)', () => {
  it('leaves no person when the 1:1 cannot be changed; a retry makes one Bob', async () => {
    const notes = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Alice / Bob' });
    const table = getDatabase().relationships;
    vi.spyOn(table, 'put').mockImplementationOnce(() => Promise.reject(full()) as never);
    expect((await actions(notes.id).link(draft)).ok).toBe(false);
    expect(await names()).toEqual([]);
    expect((await getDatabase().relationships.get(notes.id))?.personIds).toEqual([]);
    expect(await actions(notes.id).link({ ...draft, email: '' })).toEqual({ ok: true });
    expect(await names()).toEqual(['Bob Jones']);
  });
});

describe('Track as 1:1 (Meet)', () => {
  it('leaves no person when the 1:1 cannot be written; a retry makes one Bob', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, data: { ok: true } }));
    failNextAdd();
    const call = meetActions('abc-defg-hij', '');
    expect((await call.track({ ...draft, email: '' })).ok).toBe(false);
    expect(await names()).toEqual([]);
    expect(await call.track({ ...draft, email: '' })).toEqual({ ok: true });
    expect(await names()).toEqual(['Bob Jones']);
    expect(await getDatabase().relationships.count()).toBe(1);
  });
});
