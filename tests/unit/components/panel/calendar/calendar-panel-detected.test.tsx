/**
 * The Calendar panel for a meeting Duet detected but does not track: "Not a 1:1" whatever the confidence
 * (a meeting its guests confirmed too), never for a tracked 1:1; and the cadence suggested for tracking,
 * read from the title, else the popover's recurrence line, else the kind's default.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CalendarPanel } from '@/components/panel/calendar/CalendarPanel';
import type { CalendarContext } from '@/components/panel/calendar/view-types';
import {
  createPerson,
  createRelationship,
  getSettings,
  listPeople,
  listRelationships,
  updateSettings,
} from '@/lib/db';
import { DEFAULT_CADENCE_DAYS } from '@/lib/domain/model';
import { useRenderContainer } from '../../../helpers/dom-container';

const SERIES = 'carolseries123';
const CAROL = { email: 'carol@acme.example', name: 'Carol Diaz' };

/** "1:1 Alice <> Carol", its guests read: Carol is the one other guest, and no 1:1 of Duet's holds it. */
function confirmedByGuests(changes: Partial<CalendarContext> = {}): CalendarContext {
  return {
    surface: 'calendar',
    dataEventId: 'Y2Fyb2xzZXJpZXM',
    eventKey: `${SERIES}_20260323T170000Z`,
    seriesKey: SERIES,
    title: '1:1 Alice <> Carol',
    day: '2026-03-23',
    start: '18:00',
    startsAt: new Date(2026, 2, 23, 18, 0).getTime(),
    recurring: true,
    detection: {
      kind: 'one-on-one',
      confidence: 'confirmed',
      counterparts: [CAROL],
      trackable: null,
      relationshipId: null,
    },
    guests: [CAROL],
    meetCode: null,
    ...changes,
  };
}

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

const container = useRenderContainer();
let onChanged = vi.fn<() => void>();

async function show(context: CalendarContext) {
  onChanged = vi.fn<() => void>();
  await act(() => {
    render(<CalendarPanel context={context} onChanged={onChanged} />, container());
  });
}

const q = <E extends Element = HTMLElement>(testId: string) =>
  container().querySelector(`[data-testid="${testId}"]`) as E | null;

async function waitFor(testId: string): Promise<HTMLElement> {
  await vi.waitFor(() => expect(q(testId)).not.toBeNull());
  return q<HTMLElement>(testId)!;
}

async function click(element: Element | null) {
  expect(element).not.toBeNull();
  await act(async () => {
    (element as HTMLElement).click();
  });
}

describe('CalendarPanel: "Not a 1:1" for a detected meeting no 1:1 holds', () => {
  it('is offered for a meeting its guests confirmed, and the user’s word is remembered for the series', async () => {
    await updateSettings({ ignoredSeries: ['someone-else'] });
    await show(confirmedByGuests());
    await waitFor('track');
    // Confirmed by its guests: not a title guess, but still the user's to dismiss.
    expect(q('title-guess')).toBeNull();
    await click(await waitFor('not-one-on-one'));
    await waitFor('series-ignored');
    expect((await getSettings()).ignoredSeries).toEqual(['someone-else', SERIES]);
    expect((await getSettings()).seriesTitles[SERIES]).toBe('1:1 Alice <> Carol');
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(q('not-one-on-one')).toBeNull();
    expect(q('relationship-kind')).toBeNull();
    expect(q('track')).toBeNull();
    expect(await listRelationships()).toHaveLength(0);
  });

  it('is not offered for a series linked to a tracked 1:1 (the options page unlinks it)', async () => {
    const carol = await createPerson({ name: 'Carol Diaz', emails: [CAROL.email], relation: 'report' });
    const tracked = await createRelationship({
      personIds: [carol.id],
      kind: 'one-on-one',
      title: '1:1 Alice <> Carol',
      calendarSeriesIds: [SERIES],
    });
    await show(
      confirmedByGuests({
        detection: { ...confirmedByGuests().detection, relationshipId: tracked.id },
      }),
    );
    await waitFor('cadence');
    expect(q('not-one-on-one')).toBeNull();
  });

  it('is not offered for a series tracked by writing notes (linked, nobody named yet)', async () => {
    const bare = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: '1:1 Alice <> Carol',
      calendarSeriesIds: [SERIES],
    });
    await show(
      confirmedByGuests({ detection: { ...confirmedByGuests().detection, relationshipId: bare.id } }),
    );
    await waitFor('cadence');
    expect(q('track')!.dataset.mode).toBe('link');
    expect(q('not-one-on-one')).toBeNull();
  });

  it('is not offered for a meeting that is only trackable (not detected as a 1:1)', async () => {
    await show(
      confirmedByGuests({
        title: 'Carol sync',
        detection: { kind: null, confidence: null, counterparts: [], trackable: CAROL, relationshipId: null },
      }),
    );
    await waitFor('track-one-on-one');
    expect(q('not-one-on-one')).toBeNull();
  });
});

describe('CalendarPanel: the cadence suggested for tracking', () => {
  async function suggested(context: CalendarContext): Promise<string> {
    await show(context);
    await click(await waitFor('track-edit'));
    return q<HTMLInputElement>('track-cadence')!.value;
  }

  it('reads the popover’s recurrence line when the title says no cadence', async () => {
    expect(await suggested(confirmedByGuests({ recurrence: 'Weekly on Monday' }))).toBe('7');
  });

  it('reads it in German too', async () => {
    expect(await suggested(confirmedByGuests({ recurrence: 'Alle 3 Wochen am Dienstag' }))).toBe('21');
  });

  it('lets cadence words in the title win over the recurrence', async () => {
    const context = confirmedByGuests({
      title: '1:1 Alice <> Carol (monthly)',
      recurrence: 'Weekly on Monday',
    });
    expect(await suggested(context)).toBe('30');
  });

  it('lets the recurrence win over the user’s default for the kind, which wins without one', async () => {
    await updateSettings({ cadenceDays: { ...DEFAULT_CADENCE_DAYS, 'one-on-one': 10 } });
    expect(await suggested(confirmedByGuests({ recurrence: 'Toutes les 2 semaines le mardi' }))).toBe('14');
  });

  it('falls back to the user’s default when the recurrence line says nothing it knows', async () => {
    await updateSettings({ cadenceDays: { ...DEFAULT_CADENCE_DAYS, 'one-on-one': 10 } });
    expect(await suggested(confirmedByGuests({ recurrence: 'Annually on March 23' }))).toBe('10');
  });

  it('tracks the series with the cadence the recurrence says', async () => {
    await show(confirmedByGuests({ recurrence: 'Every 3 weeks on Monday' }));
    await click(await waitFor('track-one-on-one'));
    await vi.waitFor(async () => expect(await listRelationships()).toHaveLength(1));
    expect((await listRelationships())[0]).toMatchObject({ cadenceDays: 21, calendarSeriesIds: [SERIES] });
  });

  it('follows a recurrence line read after the card is shown, unless the user typed a cadence', async () => {
    // The chip comes first, the popover's recurrence line later: the same panel, a new context.
    await show(confirmedByGuests());
    await click(await waitFor('track-edit'));
    expect(q<HTMLInputElement>('track-cadence')!.value).toBe(String(DEFAULT_CADENCE_DAYS['one-on-one']));
    await show(confirmedByGuests({ recurrence: 'Every 3 weeks on Monday' }));
    await vi.waitFor(() => expect(q<HTMLInputElement>('track-cadence')!.value).toBe('21'));

    const input = q<HTMLInputElement>('track-cadence')!;
    await act(async () => {
      input.value = '9';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await show(confirmedByGuests({ recurrence: 'Weekly on Monday' }));
    // The details are open: their form's button tracks.
    await click(await waitFor('track-confirm'));
    await vi.waitFor(async () => expect(await listRelationships()).toHaveLength(1));
    expect((await listRelationships())[0]).toMatchObject({ cadenceDays: 9 });
  });

  /** "Weekly 1:1" as its chip alone tells it: a 1:1 title with nobody named, guests not read yet. */
  const weeklyChipOnly = () =>
    confirmedByGuests({
      title: 'Weekly 1:1',
      guests: null,
      detection: { ...confirmedByGuests().detection, confidence: 'likely', counterparts: [] },
    });

  it('tracks the guest read after the card was shown (the popover comes after the chip), not an empty name', async () => {
    await show(weeklyChipOnly());
    await waitFor('track');
    // Then the popover's guests: Carol.
    await show(confirmedByGuests({ title: 'Weekly 1:1' }));
    await click(await waitFor('track-one-on-one'));
    await vi.waitFor(async () => expect(await listRelationships()).toHaveLength(1));
    const [relationship] = await listRelationships();
    const person = (await listPeople()).find((p) => relationship!.personIds.includes(p.id));
    expect(person).toMatchObject({ name: CAROL.name, emails: [CAROL.email] });
  });

  it('keeps a name the user typed when the guests arrive later', async () => {
    await show(weeklyChipOnly());
    const name = q<HTMLInputElement>('track-name') ?? (await waitFor('track-name'));
    await act(async () => {
      (name as HTMLInputElement).value = 'Caro D.';
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await show(confirmedByGuests({ title: 'Weekly 1:1' }));
    await click(await waitFor('track-one-on-one'));
    await vi.waitFor(async () => expect(await listRelationships()).toHaveLength(1));
    const [relationship] = await listRelationships();
    const person = (await listPeople()).find((p) => relationship!.personIds.includes(p.id));
    // The typed name stays; the address, never typed, is the guest's.
    expect(person).toMatchObject({ name: 'Caro D.', emails: [CAROL.email] });
  });

  it('keeps an existing 1:1’s own cadence when linking its person, whatever the recurrence says later', async () => {
    const bare = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: '1:1 Alice <> Carol',
      calendarSeriesIds: [SERIES],
    });
    const linked = (changes: Partial<CalendarContext> = {}) =>
      confirmedByGuests({
        detection: { ...confirmedByGuests().detection, relationshipId: bare.id },
        ...changes,
      });
    await show(linked());
    await waitFor('cadence');
    expect(q('track')!.dataset.mode).toBe('link');
    await show(linked({ recurrence: 'Weekly on Monday' }));
    await click(await waitFor('track-one-on-one'));
    await vi.waitFor(async () => expect((await listRelationships())[0]!.personIds).toHaveLength(1));
    expect((await listRelationships())[0]).toMatchObject({ id: bare.id, cadenceDays: bare.cadenceDays });
  });
});
