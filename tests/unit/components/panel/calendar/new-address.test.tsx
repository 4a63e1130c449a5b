/**
 * A report's address changed (a company's new domain): her 1:1's series now has her under an address Duet
 * does not know. The panel asks whether the guest is her (never matches on a name alone) and, on yes, adds
 * the address: her 1:1 is found with its history — not a second, empty person and 1:1 made by "Track".
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CalendarPanel } from '@/components/panel/calendar/CalendarPanel';
import type { CalendarContext } from '@/components/panel/calendar/view-types';
import {
  addAddressToPerson,
  createPerson,
  createRelationship,
  listPeople,
  listRelationships,
  markSessionHeld,
  newAddressFor,
  prepareSession,
  saveSectionNotes,
} from '@/lib/db';
import { useRenderContainer } from '../../../helpers/dom-container';

const SERIES = 'eveseries01';
const OLD = 'eve@oldco.example';
const NEW = 'eve.adams@newco.example';

function context(guests: CalendarContext['guests']): CalendarContext {
  return {
    surface: 'calendar',
    dataEventId: 'ZXZlc2VyaWVz',
    eventKey: `${SERIES}_20260323T170000Z`,
    seriesKey: SERIES,
    title: 'Alice / Eve',
    day: '2026-03-23',
    start: '18:00',
    startsAt: new Date(2026, 2, 23, 18, 0).getTime(),
    recurring: true,
    detection: {
      kind: 'one-on-one',
      confidence: 'confirmed',
      counterparts: [],
      trackable: null,
      relationshipId: null,
    },
    guests,
    meetCode: null,
  };
}

async function seedEve() {
  const eve = await createPerson({ name: 'Eve Adams', emails: [OLD], relation: 'report' });
  const relationship = await createRelationship({
    personIds: [eve.id],
    kind: 'one-on-one',
    title: 'Alice / Eve',
    cadenceDays: 14,
    calendarSeriesIds: [SERIES],
  });
  const { session } = await prepareSession({
    relationshipId: relationship.id,
    scheduledAt: Date.now() - 14 * 86_400_000,
    calendarEventId: `${SERIES}_20260309T170000Z`,
  });
  await markSessionHeld(session.id, session.scheduledAt);
  await saveSectionNotes(session.id, 'general', 'Wants to own the billing migration.');
  return { eve, relationship };
}

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});
const container = useRenderContainer();
const q = (testId: string) => container().querySelector<HTMLElement>(`[data-testid="${testId}"]`);

describe('a tracked person under a new address', () => {
  it('is asked about, and yes finds her 1:1 with its history (no second Eve, no second 1:1)', async () => {
    const { eve } = await seedEve();
    const onChanged = vi.fn();
    await act(() => {
      render(
        <CalendarPanel context={context([{ email: NEW, name: 'Eve Adams' }])} onChanged={onChanged} />,
        container(),
      );
    });
    await vi.waitFor(() => expect(q('new-address')).not.toBeNull());
    expect(q('new-address')!.textContent).toContain(NEW);
    expect(q('new-address')!.textContent).toContain('Eve Adams');
    // Tracking her as a new 1:1 is still there, as the quiet second choice.
    await vi.waitFor(() =>
      expect(q('track-one-on-one')?.textContent).toBe('It’s someone else: track as a new 1:1'),
    );
    expect(q('track-one-on-one')!.classList.contains('cal-button-primary')).toBe(false);
    await act(async () => q('new-address-add')!.click());
    await vi.waitFor(() => expect(container().textContent).toContain('Wants to own the billing migration.'));
    expect(q('new-address')).toBeNull();
    expect(q('track-one-on-one')).toBeNull();
    expect((await listPeople()).map((p) => [p.name, p.emails])).toEqual([['Eve Adams', [OLD, NEW]]]);
    expect(await listRelationships()).toHaveLength(1);
    expect(onChanged).toHaveBeenCalled();
    expect((await listPeople())[0]!.id).toBe(eve.id);
  });

  it('is not offered for a guest with another name, an address someone has, or two guests', async () => {
    await seedEve();
    const carol = await createPerson({
      name: 'Carol King',
      emails: ['carol@acme.example'],
      relation: 'peer',
    });
    expect(
      await newAddressFor({ seriesId: SERIES, guests: [{ email: NEW, name: 'Eve Adams' }] }),
    ).toMatchObject({
      email: NEW,
      personName: 'Eve Adams',
    });
    // Someone else in her slot: a reused series never shows one person's notes to another.
    expect(
      await newAddressFor({ seriesId: SERIES, guests: [{ email: 'dan@x.example', name: 'Dan Park' }] }),
    ).toBeNull();
    // An address someone in Duet has.
    expect(
      await newAddressFor({ seriesId: SERIES, guests: [{ email: carol.emails[0]!, name: 'Eve Adams' }] }),
    ).toBeNull();
    // Two guests.
    expect(
      await newAddressFor({
        seriesId: SERIES,
        guests: [
          { email: NEW, name: 'Eve Adams' },
          { email: 'dan@x.example', name: 'Dan Park' },
        ],
      }),
    ).toBeNull();
    // Another series.
    expect(
      await newAddressFor({ seriesId: 'other', guests: [{ email: NEW, name: 'Eve Adams' }] }),
    ).toBeNull();
    // A series of a 2-1 (two people): not one person to give the address to.
    await createRelationship({
      personIds: [(await listPeople()).find((p) => p.name === 'Eve Adams')!.id, carol.id],
      kind: 'two-on-one',
      title: 'Eve & Carol',
      calendarSeriesIds: ['pairseries'],
    });
    expect(
      await newAddressFor({ seriesId: 'pairseries', guests: [{ email: NEW, name: 'Eve Adams' }] }),
    ).toBeNull();
  });

  it('is refused when the address became someone else’s meanwhile', async () => {
    const { eve } = await seedEve();
    await createPerson({ name: 'Eve Archer', emails: [NEW], relation: 'other' });
    await expect(addAddressToPerson(eve.id, NEW)).rejects.toThrow(
      `${NEW} already belongs to Eve Archer. If they are the same person, merge the two in People instead.`,
    );
  });
});
