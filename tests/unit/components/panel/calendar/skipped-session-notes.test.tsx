import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CalendarPanel } from '@/components/panel/calendar/CalendarPanel';
import { formatSessionDate } from '@/components/panel/calendar/calendar-text';
import type { CalendarContext } from '@/components/panel/calendar/view-types';
import {
  cancelSession,
  createPerson,
  createRelationship,
  markSessionHeld,
  prepareSession,
  saveEventNote,
  savePrivateNotes,
  saveSectionNotes,
} from '@/lib/db';
import type { Relationship } from '@/lib/domain/model';
import { useRenderContainer } from '../../../helpers/dom-container';

/**
 * Prep notes written for a 1:1 that was then skipped ("Skip in Duet": the session is cancelled, its writing
 * stays on it) show in the next 1:1's panel, under the skipped 1:1's date.
 */
const SERIES = 'hankseries99';
const HANK_EMAIL = 'hank@acme.example';

/** Local noon, `days` days from today (negative: ago). */
function noonIn(days: number): number {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 12, 0).getTime();
}

const eventKeyOn = (days: number) => `${SERIES}_day${days + 100}`;

function calendarContext(days: number): CalendarContext {
  const startsAt = noonIn(days);
  return {
    surface: 'calendar',
    dataEventId: 'aGFua3Nlcmllcw',
    eventKey: eventKeyOn(days),
    seriesKey: SERIES,
    title: 'Alice / Hank',
    day: new Date(startsAt).toISOString().slice(0, 10),
    start: '12:00',
    startsAt,
    recurring: true,
    detection: {
      kind: 'one-on-one',
      confidence: 'likely',
      counterparts: [],
      trackable: null,
      relationshipId: null,
    },
    guests: [{ email: HANK_EMAIL, name: 'Hank Hill' }],
    meetCode: null,
  };
}

async function seedHank(): Promise<Relationship> {
  const hank = await createPerson({ name: 'Hank Hill', emails: [HANK_EMAIL], relation: 'report' });
  return createRelationship({
    personIds: [hank.id],
    kind: 'one-on-one',
    title: 'Alice / Hank',
    cadenceDays: 7,
    calendarSeriesIds: [SERIES],
  });
}

async function held(relationshipId: string, days: number, note: string) {
  const { session } = await prepareSession({
    relationshipId,
    scheduledAt: noonIn(days),
    calendarEventId: eventKeyOn(days),
  });
  await markSessionHeld(session.id, session.scheduledAt);
  await saveSectionNotes(session.id, 'general', note);
  return session;
}

/** A 1:1 prepared (notes written ahead, when given) and then skipped. */
async function skipped(relationshipId: string, days: number, notes: Record<string, string> = {}) {
  const { session } = await prepareSession({
    relationshipId,
    scheduledAt: noonIn(days),
    calendarEventId: eventKeyOn(days),
  });
  for (const [section, text] of Object.entries(notes)) await saveSectionNotes(session.id, section, text);
  return cancelSession(session.id);
}

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

const container = useRenderContainer();

async function show(context: CalendarContext) {
  await act(() => {
    render(<CalendarPanel context={context} onChanged={() => {}} />, container());
  });
  // The panel has read the 1:1 once "Last time" shows.
  await vi.waitFor(() => expect(container().querySelector('[data-testid="last-session"]')).not.toBeNull());
}

const skippedBlocks = () => [...container().querySelectorAll<HTMLElement>('[data-testid="skipped-session"]')];
const describeBlock = (block: HTMLElement) => ({
  title: `${block.querySelector('h2')?.textContent} · ${block.querySelector('time')?.textContent}`,
  notes: [...block.querySelectorAll('[data-testid="skipped-session-section"]')].map((section) => [
    section.querySelector('h3')?.textContent,
    section.querySelector('p')?.textContent,
  ]),
});

describe('CalendarPanel: notes of a skipped 1:1', () => {
  it('shows the skipped 1:1’s notes under its date, below last time’s', async () => {
    const relationship = await seedHank();
    await held(relationship.id, -14, 'Talked about the roadmap.');
    await skipped(relationship.id, -7, { general: 'Ask how he is coping after the incident' });
    await show(calendarContext(2));
    await vi.waitFor(() => expect(skippedBlocks()).toHaveLength(1));
    expect(describeBlock(skippedBlocks()[0]!)).toEqual({
      title: `From a skipped 1:1 · ${formatSessionDate(noonIn(-7))}`,
      notes: [['Notes', 'Ask how he is coping after the incident']],
    });
    // "Last time" is still the 1:1 held two weeks ago.
    const last = container().querySelector('[data-testid="last-session"]')!;
    expect(last.querySelector('h2')?.textContent).toBe('Last time');
    expect(last.textContent).toContain('Talked about the roadmap.');
  });

  it('never shows a skipped 1:1’s private notes (nor the 1:1 when they are all it holds)', async () => {
    const relationship = await seedHank();
    await held(relationship.id, -14, 'Talked about the roadmap.');
    const only = await skipped(relationship.id, -9);
    await savePrivateNotes(only.id, 'PRIVATE-only: worried about his health');
    const both = await skipped(relationship.id, -7, { general: 'Ask about the incident' });
    await savePrivateNotes(both.id, 'PRIVATE-too: thinking about a move');
    await show(calendarContext(2));
    await vi.waitFor(() => expect(skippedBlocks()).toHaveLength(1));
    expect(describeBlock(skippedBlocks()[0]!).notes).toEqual([['Notes', 'Ask about the incident']]);
    expect(container().textContent).not.toContain('PRIVATE');
  });

  it('shows each skipped 1:1’s notes section by section, newest first, at most 3', async () => {
    const relationship = await seedHank();
    await held(relationship.id, -40, 'Long ago.');
    for (const days of [-35, -28, -21]) await skipped(relationship.id, days, { general: `Skipped ${days}` });
    await skipped(relationship.id, -14, { 'how-are-you': 'Check in on the move', general: '  ' });
    await show(calendarContext(1));
    await vi.waitFor(() => expect(skippedBlocks()).toHaveLength(3));
    expect(skippedBlocks().map(describeBlock)).toEqual([
      {
        title: `From a skipped 1:1 · ${formatSessionDate(noonIn(-14))}`,
        notes: [['How are you really doing?', 'Check in on the move']],
      },
      {
        title: `From a skipped 1:1 · ${formatSessionDate(noonIn(-21))}`,
        notes: [['Notes', 'Skipped -21']],
      },
      {
        title: `From a skipped 1:1 · ${formatSessionDate(noonIn(-28))}`,
        notes: [['Notes', 'Skipped -28']],
      },
    ]);
  });

  it('shows nothing for a skipped 1:1 with nothing written', async () => {
    const relationship = await seedHank();
    await held(relationship.id, -14, 'Talked about the roadmap.');
    await skipped(relationship.id, -7);
    await skipped(relationship.id, -5, { general: '   \n' });
    await show(calendarContext(2));
    expect(skippedBlocks()).toEqual([]);
  });

  it('leaves out a skipped 1:1 from before last time’s', async () => {
    const relationship = await seedHank();
    await skipped(relationship.id, -21, { general: 'Older than last time.' });
    await held(relationship.id, -14, 'Talked about the roadmap.');
    await show(calendarContext(2));
    expect(skippedBlocks()).toEqual([]);
  });

  it('does not list the cancelled session of the event shown (its own notes show already)', async () => {
    const relationship = await seedHank();
    await held(relationship.id, -14, 'Talked about the roadmap.');
    // Written for this event through the panel's notes, then the event was skipped.
    const own = await saveEventNote(
      {
        eventKey: eventKeyOn(2),
        seriesKey: SERIES,
        title: 'Alice / Hank',
        relationshipId: relationship.id,
        startsAt: noonIn(2),
      },
      'Bring the offsite plan',
    );
    await cancelSession(own.id);
    await skipped(relationship.id, -7, { general: 'Skipped last week.' });
    // Nor a skipped 1:1 after the event shown.
    await skipped(relationship.id, 5, { general: 'After the event.' });
    await show(calendarContext(2));
    await vi.waitFor(() => expect(skippedBlocks()).toHaveLength(1));
    expect(describeBlock(skippedBlocks()[0]!).notes).toEqual([['Notes', 'Skipped last week.']]);
    expect(container().querySelector('[data-testid="last-session"]')!.textContent).not.toContain(
      'Bring the offsite plan',
    );
  });

  it('for a past event, shows the 1:1s skipped between the one before it and it', async () => {
    const relationship = await seedHank();
    await held(relationship.id, -21, 'Before.');
    await skipped(relationship.id, -14, { general: 'Skipped before the event.' });
    await held(relationship.id, -7, 'The event.');
    await skipped(relationship.id, -3, { general: 'Skipped after the event.' });
    await show(calendarContext(-7));
    await vi.waitFor(() => expect(skippedBlocks()).toHaveLength(1));
    expect(describeBlock(skippedBlocks()[0]!).notes).toEqual([['Notes', 'Skipped before the event.']]);
  });
});
