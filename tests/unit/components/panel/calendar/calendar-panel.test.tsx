import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CalendarPanel } from '@/components/panel/calendar/CalendarPanel';
import { loadPrepView } from '@/components/panel/calendar/use-prep-view';
import type { CalendarContext } from '@/components/panel/calendar/view-types';
import {
  addAgreement,
  addGoal,
  addTalkingPoint,
  createPerson,
  createRelationship,
  endLiveSession,
  getDatabase,
  getRelationship,
  setPersonArchived,
  getSettings,
  listPeople,
  listRelationships,
  markSessionHeld,
  prepareSession,
  saveEventNote,
  saveSectionNotes,
  sessionForCalendarEvent,
  startLiveSession,
  upcomingTalkingPoints,
  unlinkSeries,
  updateSettings,
} from '@/lib/db';
import { addDays, dayOf } from '@/lib/domain/days';
import type { Relationship } from '@/lib/domain/model';
import { useRenderContainer } from '../../../helpers/dom-container';

const XSS = '<img src=x onerror=alert(1)>';
const SERIES = 'bobseries1234';
const EVENT = `${SERIES}_20260323T170000Z`;
const BOB_EMAIL = 'bob@acme.example';

function calendarContext(changes: Partial<CalendarContext> = {}): CalendarContext {
  return {
    surface: 'calendar',
    dataEventId: 'Ym9ic2VyaWVz',
    eventKey: EVENT,
    seriesKey: SERIES,
    title: 'Alice / Bob',
    day: '2026-03-23',
    start: '18:00',
    startsAt: new Date(2026, 2, 23, 18, 0).getTime(),
    recurring: true,
    detection: {
      kind: 'one-on-one',
      confidence: 'likely',
      counterparts: [],
      trackable: null,
      relationshipId: null,
    },
    guests: [{ email: BOB_EMAIL, name: 'Bob Jones' }],
    meetCode: 'abc-defg-hij',
    ...changes,
  };
}

/** Local noon, `days` days ago: never near midnight, so the day count is stable. */
function noonDaysAgo(days: number): number {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - days, 12, 0).getTime();
}

async function seedBob(): Promise<Relationship> {
  const bob = await createPerson({ name: 'Bob Jones', emails: [BOB_EMAIL], relation: 'report' });
  return createRelationship({
    personIds: [bob.id],
    kind: 'one-on-one',
    title: 'Alice / Bob',
    cadenceDays: 14,
    calendarSeriesIds: [SERIES],
  });
}

async function seedLastSession(relationshipId: string) {
  const { session } = await prepareSession({
    relationshipId,
    scheduledAt: noonDaysAgo(18),
    calendarEventId: `${SERIES}_20260101T170000Z`,
  });
  await markSessionHeld(session.id, session.scheduledAt);
  await saveSectionNotes(session.id, 'how-are-you', 'Tired after the launch.');
  await saveSectionNotes(session.id, 'general', 'Wants to lead the next project.');
  return session;
}

let onChanged: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  onChanged = vi.fn<() => void>();
});

// Registered before the container, so it runs after the unmount (which may stash or journal a draft).
afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

const container = useRenderContainer();

async function show(context: CalendarContext = calendarContext()) {
  await act(() => {
    render(<CalendarPanel context={context} onChanged={onChanged} />, container());
  });
}

const q = <E extends Element = HTMLElement>(testId: string, root: ParentNode = container()) =>
  root.querySelector(`[data-testid="${testId}"]`) as E | null;
const qa = <E extends Element = HTMLElement>(testId: string, root: ParentNode = container()) => [
  ...(root.querySelectorAll(`[data-testid="${testId}"]`) as NodeListOf<E>),
];
const text = (testId: string, root?: ParentNode) => q(testId, root)?.textContent ?? null;

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

async function type(element: Element | null, value: string, event: 'input' | 'change' = 'input') {
  expect(element).not.toBeNull();
  await act(() => {
    (element as HTMLInputElement).value = value;
    element!.dispatchEvent(new Event(event, { bubbles: true }));
  });
}

describe('CalendarPanel: a tracked 1:1', () => {
  it('shows who the 1:1 is with, its kind and the event title', async () => {
    await seedBob();
    await show();
    await waitFor('cadence');
    expect(text('relationship-with')).toBe('with Bob Jones');
    expect(text('relationship-kind')).toBe('1:1');
    expect(text('event-title')).toBe('Alice / Bob');
    // The series is linked to people: no longer a guess, and "Not a 1:1" is not offered.
    expect(q('title-guess')).toBeNull();
    expect(q('not-one-on-one')).toBeNull();
  });

  it('uses the relationship the background found, with its kind, and falls back to its title', async () => {
    const career = await createRelationship({
      personIds: [],
      kind: 'career',
      title: 'Career chat with Bob',
      calendarSeriesIds: ['someotherseries'],
    });
    await show(
      calendarContext({
        guests: null,
        detection: {
          kind: 'career',
          confidence: 'confirmed',
          counterparts: [],
          trackable: null,
          relationshipId: career.id,
        },
      }),
    );
    await waitFor('cadence');
    expect(text('relationship-kind')).toBe('Career 1:1');
    expect(text('relationship-with')).toBe('with Career chat with Bob');
    expect(q('title-guess')).toBeNull();
  });

  it('shows the cadence health in words and colour', async () => {
    const relationship = await seedBob();
    await seedLastSession(relationship.id);
    await show();
    const cadence = await waitFor('cadence');
    expect(cadence.querySelector('.cal-cadence-text')?.textContent).toBe(
      'last 1:1 18 days ago, every 2 weeks — due',
    );
    expect(cadence.dataset.status).toBe('due');
    expect(cadence.className).toContain('cal-status-due');
    expect(cadence.textContent).toMatch(/1:1 due/);
  });

  it('shows last session’s notes by section, titled from its template, with the date', async () => {
    const relationship = await seedBob();
    const last = await seedLastSession(relationship.id);
    await show();
    await waitFor('last-session-section');
    const sections = qa('last-session-section');
    expect(sections.map((s) => s.querySelector('h3')?.textContent)).toEqual([
      'How are you really doing?',
      'Notes',
    ]);
    expect(sections.map((s) => s.querySelector('p')?.textContent)).toEqual([
      'Tired after the launch.',
      'Wants to lead the next project.',
    ]);
    expect(q('last-session')!.querySelector('time')?.getAttribute('datetime')).toBe(
      new Date(last.scheduledAt).toISOString(),
    );
  });

  it('says when there are no notes from a previous 1:1', async () => {
    await seedBob();
    await show();
    await waitFor('last-session');
    expect(text('last-session-empty')).toBe('No notes from a previous 1:1 yet.');
    expect(q('cadence')!.textContent).toMatch(/no 1:1 held yet, every 2 weeks — due/);
  });

  describe('"Last time" as seen from the event', () => {
    async function heldWithNote(relationshipId: string, daysAgo: number, note: string) {
      const { session } = await prepareSession({
        relationshipId,
        scheduledAt: noonDaysAgo(daysAgo),
        calendarEventId: `${SERIES}_held${daysAgo}`,
      });
      await markSessionHeld(session.id, session.scheduledAt);
      await saveSectionNotes(session.id, 'general', note);
      return session;
    }
    const lastTime = async () => {
      await waitFor('last-session-section');
      return {
        title: q('last-session')!.querySelector('h2')?.textContent,
        notes: qa('last-session-section').map((s) => s.querySelector('p')?.textContent),
      };
    };

    it('is the 1:1 held before a past event, not one held since', async () => {
      const relationship = await seedBob();
      await heldWithNote(relationship.id, 30, 'Before the event.');
      await heldWithNote(relationship.id, 3, 'After the event.');
      await show(calendarContext({ startsAt: noonDaysAgo(10) }));
      // Titled so, under a cadence line that counts from the later one.
      expect(await lastTime()).toEqual({ title: 'Before this meeting', notes: ['Before the event.'] });
      // The cadence is about today: the latest 1:1, 3 days ago.
      expect(q('cadence')!.textContent).toMatch(/last 1:1 3 days ago/);
    });

    it('is the latest 1:1 for an upcoming event', async () => {
      const relationship = await seedBob();
      await heldWithNote(relationship.id, 30, 'Older.');
      await heldWithNote(relationship.id, 3, 'Latest.');
      await show(calendarContext({ startsAt: Date.now() + 2 * 86_400_000 }));
      expect(await lastTime()).toEqual({ title: 'Last time', notes: ['Latest.'] });
    });

    it('says "Latest 1:1" when a past event has no 1:1 before it, and shows the latest', async () => {
      const relationship = await seedBob();
      await heldWithNote(relationship.id, 3, 'Held since.');
      await show(calendarContext({ startsAt: noonDaysAgo(10) }));
      expect(await lastTime()).toEqual({ title: 'Latest 1:1', notes: ['Held since.'] });
    });
  });

  describe('open agreements', () => {
    async function seedAgreements() {
      const relationship = await seedBob();
      const today = dayOf(Date.now());
      const late = await addAgreement(relationship.id, {
        owner: 'them',
        text: 'Send the rollout plan',
        dueDate: addDays(today, -2),
      });
      const mine = await addAgreement(relationship.id, {
        owner: 'me',
        text: 'Intro to the design lead',
        dueDate: addDays(today, 5),
      });
      const carol = await addAgreement(relationship.id, {
        owner: 'named',
        ownerName: 'Carol',
        text: 'Review the budget',
        dueDate: null,
      });
      return { relationship, late, mine, carol };
    }
    const item = (id: string) => container().querySelector<HTMLElement>(`[data-agreement-id="${id}"]`);

    it('lists owner, text and due date, overdue ones marked', async () => {
      const { late, mine, carol } = await seedAgreements();
      await show();
      await waitFor('agreement-item');
      expect(qa('agreement-item').map((el) => el.dataset.agreementId)).toEqual([late.id, mine.id, carol.id]);
      expect(text('agreement-owner', item(late.id)!)).toBe('Bob Jones');
      expect(text('agreement-owner', item(mine.id)!)).toBe('Me');
      expect(text('agreement-owner', item(carol.id)!)).toBe('Carol');
      expect(text('agreement-text', item(late.id)!)).toBe('Send the rollout plan');
      const lateDue = q('agreement-due', item(late.id)!)!;
      expect(lateDue.className).toContain('cal-overdue');
      expect(lateDue.textContent).toMatch(/overdue/);
      expect(lateDue.querySelector('time')?.getAttribute('datetime')).toBe(late.dueDate);
      expect(text('agreement-due', item(mine.id)!)).not.toMatch(/overdue/);
      expect(text('agreement-due', item(carol.id)!)).toBe('no due date');
    });

    it('marks one done: stored, gone from the list, badges told', async () => {
      const { late } = await seedAgreements();
      await show();
      await waitFor('agreement-item');
      await click(q('agreement-done', item(late.id)!));
      await vi.waitFor(() => expect(item(late.id)).toBeNull());
      expect((await getDatabase().agreements.get(late.id))?.status).toBe('done');
      expect(onChanged).toHaveBeenCalled();
      expect(text('panel-announcement')).toBe('Agreement marked done.');
    });

    it('a misclicked Done or Drop is undone in one click: the agreement is back, as it was', async () => {
      const { late, mine } = await seedAgreements();
      await show();
      await waitFor('agreement-item');
      await click(q('agreement-done', item(late.id)!));
      await vi.waitFor(() => expect(item(late.id)).toBeNull());
      expect(text('agreement-closed')).toBe('Marked done: “Send the rollout plan”. Undo');
      await click(q('agreement-undo')!);
      await vi.waitFor(() => expect(item(late.id)).not.toBeNull());
      expect(q('agreement-closed')).toBeNull();
      expect((await getDatabase().agreements.get(late.id))?.status).toBe('open');
      expect(text('panel-announcement')).toBe('Agreement back on the list.');

      const before = (await getDatabase().agreements.get(mine.id))!.status;
      await click(q('agreement-drop', item(mine.id)!));
      await type(q<HTMLInputElement>('agreement-drop-reason', item(mine.id)!)!, 'No longer needed');
      await click(q('agreement-confirm', item(mine.id)!));
      await vi.waitFor(() => expect(item(mine.id)).toBeNull());
      expect(text('agreement-closed')).toContain('Dropped: “');
      await click(q('agreement-undo')!);
      await vi.waitFor(() => expect(item(mine.id)).not.toBeNull());
      expect((await getDatabase().agreements.get(mine.id))?.status).toBe(before);
    });

    it('renegotiates one to a new date', async () => {
      const { mine } = await seedAgreements();
      const newDue = addDays(dayOf(Date.now()), 20);
      await show();
      await waitFor('agreement-item');
      await click(q('agreement-renegotiate', item(mine.id)!));
      const input = q<HTMLInputElement>('agreement-new-due', item(mine.id)!)!;
      expect(input.value).toBe(mine.dueDate);
      expect(document.activeElement).toBe(input);
      await type(input, newDue);
      await click(q('agreement-confirm', item(mine.id)!));
      await vi.waitFor(() =>
        expect(item(mine.id)?.querySelector('time')?.getAttribute('datetime')).toBe(newDue),
      );
      const stored = await getDatabase().agreements.get(mine.id);
      expect(stored?.status).toBe('renegotiated');
      expect(stored?.dueDate).toBe(newDue);
      expect(stored?.history.at(-1)).toMatchObject({
        action: 'renegotiated',
        fromDue: mine.dueDate,
        toDue: newDue,
      });
      expect(q('renegotiate-form', item(mine.id)!)).toBeNull();
      expect(text('agreement-due', item(mine.id)!)).toMatch(/renegotiated/);
    });

    it('needs a reason to drop one; the refusal is shown inline and nothing typed is lost', async () => {
      const { carol } = await seedAgreements();
      await show();
      await waitFor('agreement-item');
      await click(q('agreement-drop', item(carol.id)!));
      await click(q('agreement-confirm', item(carol.id)!));
      await vi.waitFor(() =>
        expect(text('agreement-error', item(carol.id)!)).toBe('Say why the agreement is dropped.'),
      );
      expect((await getDatabase().agreements.get(carol.id))?.status).toBe('open');

      const reason = q<HTMLInputElement>('agreement-drop-reason', item(carol.id)!)!;
      expect(reason.getAttribute('aria-invalid')).toBe('true');
      await type(reason, 'Carol left the team');
      await click(q('agreement-confirm', item(carol.id)!));
      await vi.waitFor(() => expect(item(carol.id)).toBeNull());
      const stored = await getDatabase().agreements.get(carol.id);
      expect(stored?.status).toBe('dropped');
      expect(stored?.history.at(-1)).toMatchObject({ action: 'dropped', note: 'Carol left the team' });
    });

    it('asks for a date before renegotiating and keeps the form open', async () => {
      const { mine } = await seedAgreements();
      await show();
      await waitFor('agreement-item');
      await click(q('agreement-renegotiate', item(mine.id)!));
      await type(q('agreement-new-due', item(mine.id)!), '');
      await click(q('agreement-confirm', item(mine.id)!));
      await vi.waitFor(() => expect(text('agreement-error', item(mine.id)!)).toBe('Pick the new due date.'));
      expect(q('renegotiate-form', item(mine.id)!)).not.toBeNull();
      expect((await getDatabase().agreements.get(mine.id))?.status).toBe('open');
    });

    it('shows agreements added elsewhere (another tab, the popup) live', async () => {
      const relationship = await seedBob();
      await show();
      await waitFor('agreements-empty');
      await act(async () => {
        await addAgreement(relationship.id, { owner: 'both', text: 'Plan the offsite', dueDate: null });
      });
      await vi.waitFor(() => expect(qa('agreement-item')).toHaveLength(1));
      expect(text('agreement-owner')).toBe('Both');
    });
  });

  describe('an archived 1:1', () => {
    it('is not shown as active: it says it is archived, offers to bring it back, and then prepares again', async () => {
      const relationship = await seedBob();
      await seedLastSession(relationship.id);
      const [bob] = relationship.personIds;
      await setPersonArchived(bob!, true);
      await show();
      await waitFor('relationship-archived');
      expect(text('relationship-archived')).toContain('Your 1:1 with Bob Jones is archived');
      expect(q('relationship-archived')!.querySelector('h2')?.textContent).toBe('Archived 1:1');
      expect(q('start-prep')).toBeNull();
      expect(q('start-session')).toBeNull();
      // No notes box either: what was written there would go into the hidden 1:1.
      expect(q('event-notes')).toBeNull();
      await click(q('bring-back-relationship'));
      await vi.waitFor(async () => expect((await getRelationship(relationship.id))?.archived).toBe(false));
      await waitFor('start-prep');
      expect(q('relationship-archived')).toBeNull();
      await waitFor('event-notes');
    });
  });

  describe('talking points', () => {
    it('adds mine and theirs', async () => {
      const relationship = await seedBob();
      await show();
      await waitFor('talking-point-input');
      await type(q('talking-point-input'), 'Team offsite');
      await click(q('talking-point-add'));
      await vi.waitFor(() => expect(qa('talking-point-item')).toHaveLength(1));
      expect(q<HTMLInputElement>('talking-point-input')!.value).toBe('');

      await click(q('talking-point-theirs-toggle'));
      expect(q('talking-point-theirs-toggle')!.getAttribute('aria-pressed')).toBe('true');
      await type(q('talking-point-input'), 'Promotion timeline');
      await click(q('talking-point-add'));
      await vi.waitFor(() => expect(qa('talking-point-item')).toHaveLength(2));

      const stored = await upcomingTalkingPoints(relationship.id);
      expect(stored.map((p) => [p.text, p.author])).toEqual([
        ['Team offsite', 'me'],
        ['Promotion timeline', 'them'],
      ]);
      const [first, second] = qa('talking-point-item');
      expect(q('talking-point-theirs', first)).toBeNull();
      expect(text('talking-point-theirs', second)).toBe('Theirs');
    });

    it('a point half typed comes back when the panel opens the 1:1 again (another event, the panel closed)', async () => {
      await seedBob();
      await show();
      await waitFor('talking-point-input');
      await type(q('talking-point-input'), 'Ask about the conference');
      await act(() => render(null, container()));
      await show();
      await waitFor('talking-point-input');
      expect(q<HTMLInputElement>('talking-point-input')!.value).toBe('Ask about the conference');
    });

    it('refuses an empty point and says so', async () => {
      const relationship = await seedBob();
      await show();
      await waitFor('talking-point-input');
      await type(q('talking-point-input'), '   ');
      await click(q('talking-point-add'));
      await vi.waitFor(() => expect(text('talking-point-error')).toBe('Write the talking point first.'));
      expect(await upcomingTalkingPoints(relationship.id)).toHaveLength(0);
    });

    it('reorders with Move up / Move down, keeping focus on the moved point', async () => {
      const relationship = await seedBob();
      for (const t of ['First', 'Second', 'Third'])
        await addTalkingPoint(relationship.id, { text: t, author: 'me' });
      await show();
      await vi.waitFor(() => expect(qa('talking-point-item')).toHaveLength(3));
      const texts = () => qa('talking-point-text').map((el) => el.textContent);
      expect(q<HTMLButtonElement>('talking-point-up', qa('talking-point-item')[0])!.disabled).toBe(true);
      expect(q<HTMLButtonElement>('talking-point-down', qa('talking-point-item')[2])!.disabled).toBe(true);

      await click(q('talking-point-down', qa('talking-point-item')[0]));
      await vi.waitFor(() => expect(texts()).toEqual(['Second', 'First', 'Third']));
      // Focus follows the moved point once it is drawn in its new place (a frame later on a busy machine).
      await vi.waitFor(() => {
        expect(document.activeElement?.getAttribute('data-testid')).toBe('talking-point-down');
        expect(document.activeElement?.closest('li')?.textContent).toContain('First');
      });

      await click(q('talking-point-up', qa('talking-point-item')[2]));
      await vi.waitFor(() => expect(texts()).toEqual(['Second', 'Third', 'First']));
      expect((await upcomingTalkingPoints(relationship.id)).map((p) => p.text)).toEqual([
        'Second',
        'Third',
        'First',
      ]);
      // The move buttons are named for screen readers.
      expect(q('talking-point-up', qa('talking-point-item')[1])!.textContent).toContain('Move up: Third');
    });

    it('marks a point discussed or drops it', async () => {
      const relationship = await seedBob();
      const a = await addTalkingPoint(relationship.id, { text: 'Discuss me', author: 'me' });
      const b = await addTalkingPoint(relationship.id, { text: 'Drop me', author: 'them' });
      await show();
      await vi.waitFor(() => expect(qa('talking-point-item')).toHaveLength(2));
      await click(q('talking-point-discussed', qa('talking-point-item')[0]));
      await vi.waitFor(() => expect(qa('talking-point-item')).toHaveLength(1));
      await click(q('talking-point-drop', qa('talking-point-item')[0]));
      await vi.waitFor(() => expect(q('talking-points-empty')).not.toBeNull());
      expect((await getDatabase().talkingPoints.get(a.id))?.status).toBe('discussed');
      expect((await getDatabase().talkingPoints.get(b.id))?.status).toBe('dropped');
    });
  });

  it('shows goals at a glance with key-result progress', async () => {
    const relationship = await seedBob();
    await addGoal(relationship.id, {
      category: 'impact',
      title: 'Ship the rollout',
      status: 'behind',
      keyResults: [
        { id: 'kr1', text: 'Beta customers', progress: 40 },
        { id: 'kr2', text: 'Docs', progress: 100 },
      ],
    });
    await show();
    await waitFor('goal-item');
    expect(text('goal-title')).toBe('Ship the rollout');
    expect(text('goal-category')).toBe('Impact');
    expect(text('goal-status')).toBe('Behind');
    const bars = [...q('goals')!.querySelectorAll('[role="progressbar"]')];
    expect(bars.map((bar) => [bar.getAttribute('aria-label'), bar.getAttribute('aria-valuenow')])).toEqual([
      ['Beta customers', '40'],
      ['Docs', '100'],
    ]);
    expect(bars[0]!.getAttribute('aria-valuemin')).toBe('0');
    expect(bars[0]!.getAttribute('aria-valuemax')).toBe('100');
  });

  it('Start prep creates the session for this event and carries the talking points over', async () => {
    const relationship = await seedBob();
    await addTalkingPoint(relationship.id, { text: 'Team offsite', author: 'me' });
    await addTalkingPoint(relationship.id, { text: 'Promotion timeline', author: 'them' });
    await show();
    await click(await waitFor('start-prep'));
    await vi.waitFor(() => expect(text('prep-result')).toBe('Prepared: 2 talking points carried over'));
    const session = await sessionForCalendarEvent(EVENT);
    expect(session).toMatchObject({
      relationshipId: relationship.id,
      scheduledAt: new Date(2026, 2, 23, 18, 0).getTime(),
      meetCode: 'abc-defg-hij',
      status: 'upcoming',
      templateId: 'builtin:your-session',
    });
    const points = await upcomingTalkingPoints(relationship.id);
    expect(points.every((p) => p.sessionId === session!.id)).toBe(true);
    expect(qa('prep-section').map((el) => el.querySelector('.cal-check-title')?.textContent)).toEqual([
      'How are you really doing?',
      'Your topics',
      'How I can help',
      'Feedback both ways',
      'Next steps',
    ]);
    expect(q('start-prep')).toBeNull();
  });

  it('shows the meeting as held when it already ran as a call from Meet (no "Start prep")', async () => {
    const relationship = await seedBob();
    const startsAt = calendarContext().startsAt!;
    const call = await startLiveSession({
      relationshipId: relationship.id,
      meetCode: 'abc-defg-hij',
      now: startsAt + 3 * 60_000,
    });
    await endLiveSession(call.id, startsAt + 35 * 60_000);
    await show();
    await vi.waitFor(() => expect(q('prep-section')).not.toBeNull());
    expect(q('start-prep')).toBeNull();
    expect(container().textContent).toContain('Held on');
  });

  it('shows "Prep started" when this event’s session exists already', async () => {
    const relationship = await seedBob();
    await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: Date.now(),
      calendarEventId: EVENT,
    });
    await show();
    await vi.waitFor(() => expect(text('prep-result')).toBe('Prep started'));
    expect(q('start-prep')).toBeNull();
    expect(qa('prep-section').length).toBeGreaterThan(0);
  });

  it('links a recreated series to the guest’s 1:1 and shows it', async () => {
    const relationship = await seedBob();
    await show(calendarContext({ seriesKey: 'newseries99', eventKey: 'newseries99_20260330T170000Z' }));
    await waitFor('cadence');
    expect(text('relationship-with')).toBe('with Bob Jones');
    expect((await getRelationship(relationship.id))?.calendarSeriesIds).toEqual([SERIES, 'newseries99']);
  });

  /** Bob's series, this time with Carol (whom Duet does not track) as the guest. */
  const carolsSlot = () =>
    calendarContext({
      guests: [{ email: 'carol@acme.example', name: 'Carol' }],
      detection: {
        kind: 'one-on-one',
        confidence: 'likely',
        counterparts: [],
        trackable: { email: 'carol@acme.example', name: 'Carol' },
        relationshipId: null,
      },
    });

  it("a 1:1's prep finds its own session for an event another 1:1 also has one for", async () => {
    const alice = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Alice / Me' });
    const bob = await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Bob / Me' });
    const event = 'handed_20260324T170000Z';
    const at = Date.UTC(2026, 2, 24, 17);
    await prepareSession({ relationshipId: alice.id, scheduledAt: at, calendarEventId: event });
    const { session: bobs } = await prepareSession({
      relationshipId: bob.id,
      scheduledAt: at,
      calendarEventId: event,
    });
    expect((await loadPrepView(bob.id, event))?.eventSession?.id).toBe(bobs.id);
  });

  it('never shows another person’s 1:1 for a reused series (fails closed)', async () => {
    await seedBob();
    await show(carolsSlot());
    await waitFor('track');
    expect(q('relationship-with')).toBeNull();
    expect(text('track-one-on-one')).toBe('Track as 1:1 with Carol');
  });

  it("a slot handed to another person: the other 1:1's notes for the event are neither shown nor written", async () => {
    await seedBob();
    // Bob's 1:1 has notes for this very event; the slot now goes to Carol, whom Duet does not track.
    const context = carolsSlot();
    await saveEventNote(
      { eventKey: context.eventKey, seriesKey: context.seriesKey, title: context.title },
      'Bob: private notes',
    );
    await show(context);
    await waitFor('track');
    expect(q('event-notes')).toBeNull();
    expect(container().textContent).not.toContain('Bob: private notes');
  });

  it("notes typed for Carol in a slot of Bob's series go to a 1:1 of their own, never Bob's", async () => {
    const bob = await seedBob();
    const context = carolsSlot();
    await show(context);
    await waitFor('track');
    const textarea = q<HTMLTextAreaElement>('note-input')!;
    await vi.waitFor(() => expect(textarea.disabled).toBe(false));
    textarea.focus();
    await type(textarea, 'Carol is interested in the platform team');
    await vi.waitFor(async () => expect(await sessionForCalendarEvent(EVENT)).toBeDefined());
    const sessions = await getDatabase().sessions.where('calendarEventId').equals(EVENT).toArray();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.relationshipId).not.toBe(bob.id);
    expect(sessions[0]!.notes['general']).toBe('Carol is interested in the platform team');
    // The editor stays under the user's fingers, and the panel asks who this 1:1 is with.
    await vi.waitFor(() => expect(q('track')?.dataset.mode).toBe('link'));
    expect(q('note-input')).toBe(textarea);
    expect(textarea.value).toBe('Carol is interested in the platform team');
  });

  it("opened from the badge before the guests are read, then shown Carol as the guest: notes never go to Bob's 1:1", async () => {
    const bob = await seedBob();
    // The chip alone: Bob's series, no guests known, matched to Bob's 1:1 by the series.
    await show(
      calendarContext({
        guests: null,
        detection: { ...carolsSlot().detection, relationshipId: bob.id, confidence: 'confirmed' },
      }),
    );
    await waitFor('cadence');
    // "Open in Duet" from the popover: the guest is Carol.
    await show(carolsSlot());
    await waitFor('track');
    const textarea = q<HTMLTextAreaElement>('note-input')!;
    await vi.waitFor(() => expect(textarea.disabled).toBe(false));
    textarea.focus();
    await type(textarea, 'Carol: about the platform team');
    await vi.waitFor(async () => expect(await sessionForCalendarEvent(EVENT)).toBeDefined());
    const sessions = await getDatabase().sessions.where('calendarEventId').equals(EVENT).toArray();
    expect(sessions.map((s) => s.relationshipId)).not.toContain(bob.id);
  });

  it("Start prep on Bob's 1:1 from the badge, then the guests show Carol's own 1:1: hers is not called prepared", async () => {
    const bob = await seedBob();
    const carol = await createPerson({ name: 'Carol', emails: ['carol@acme.example'], relation: 'peer' });
    const carols = await createRelationship({
      personIds: [carol.id],
      kind: 'one-on-one',
      title: 'Alice / Carol',
    });
    await show(
      calendarContext({
        guests: null,
        detection: { ...carolsSlot().detection, relationshipId: bob.id, confidence: 'confirmed' },
      }),
    );
    await click(await waitFor('start-prep'));
    await vi.waitFor(() => expect(q('start-prep')).toBeNull());
    await show(
      calendarContext({
        guests: [{ email: 'carol@acme.example', name: 'Carol' }],
        detection: { ...carolsSlot().detection, relationshipId: carols.id, confidence: 'confirmed' },
      }),
    );
    await vi.waitFor(() => expect(text('relationship-with')).toBe('with Carol'));
    expect(await waitFor('start-prep')).not.toBeNull();
  });

  it('notes for a "Catch-up" with Bob, then "This 1:1 is with Bob": it joins his 1:1, no second one', async () => {
    const bob = await seedBob();
    const catchUp = calendarContext({
      title: 'Catch-up',
      seriesKey: 'catchup42',
      eventKey: 'catchup42',
      recurring: false,
      detection: {
        kind: null,
        confidence: null,
        counterparts: [],
        trackable: { email: BOB_EMAIL, name: 'Bob Jones' },
        relationshipId: null,
      },
    });
    await show(catchUp);
    await waitFor('track');
    const textarea = q<HTMLTextAreaElement>('note-input')!;
    await vi.waitFor(() => expect(textarea.disabled).toBe(false));
    textarea.focus();
    await type(textarea, 'Talked about the offsite');
    await vi.waitFor(() => expect(q('track')?.dataset.mode).toBe('link'));
    await click(q('track-one-on-one'));
    await vi.waitFor(async () => expect(await getDatabase().relationships.count()).toBe(1));
    const [only] = await getDatabase().relationships.toArray();
    expect(only!.id).toBe(bob.id);
    expect(only!.calendarSeriesIds).toEqual([SERIES, 'catchup42']);
    const sessions = await getDatabase().sessions.where('calendarEventId').equals('catchup42').toArray();
    expect(sessions.map((s) => s.relationshipId)).toEqual([bob.id]);
    await vi.waitFor(() => expect(text('relationship-with')).toBe('with Bob Jones'));
  });

  it("after tracking Carol in a slot Bob's 1:1 has notes for, her notes are her own", async () => {
    const bob = await seedBob();
    const context = carolsSlot();
    await saveEventNote(
      { eventKey: context.eventKey, seriesKey: context.seriesKey, title: context.title },
      'Bob: private notes',
    );
    await show(context);
    await waitFor('track');
    await click(q('track-one-on-one'));
    await vi.waitFor(() => expect(text('relationship-with')).toBe('with Carol'));
    const textarea = await waitFor('note-input');
    await vi.waitFor(() => expect((textarea as HTMLTextAreaElement).disabled).toBe(false));
    expect((textarea as HTMLTextAreaElement).value).toBe('');
    expect(container().textContent).not.toContain('Bob: private notes');
    await type(textarea, 'Carol: first notes');
    await vi.waitFor(async () =>
      expect(await getDatabase().sessions.where('calendarEventId').equals(EVENT).count()).toBe(2),
    );
    const sessions = await getDatabase().sessions.where('calendarEventId').equals(EVENT).toArray();
    const bobs = sessions.find((s) => s.relationshipId === bob.id)!;
    const carols = sessions.find((s) => s.relationshipId !== bob.id)!;
    expect(bobs.notes['general']).toBe('Bob: private notes');
    await vi.waitFor(async () =>
      expect((await getDatabase().sessions.get(carols.id))?.notes['general']).toBe('Carol: first notes'),
    );
  });

  it('notes typed before a one-off 1:1 next week schedule its session then, not as held today', async () => {
    await seedBob();
    const nextWeek = noonDaysAgo(-7);
    await show(
      calendarContext({
        eventKey: 'oneoff999',
        seriesKey: 'oneoff999',
        recurring: false,
        startsAt: nextWeek,
      }),
    );
    const textarea = await waitFor('note-input');
    await vi.waitFor(() => expect((textarea as HTMLTextAreaElement).disabled).toBe(false));
    await type(textarea, 'Ask about the reorg');
    await vi.waitFor(async () => expect(await sessionForCalendarEvent('oneoff999')).toBeDefined());
    expect(await sessionForCalendarEvent('oneoff999')).toMatchObject({
      scheduledAt: nextWeek,
      status: 'upcoming',
    });
  });

  it('notes typed after a one-off 1:1 began mark it held at its time', async () => {
    await seedBob();
    const yesterday = noonDaysAgo(1);
    await show(
      calendarContext({
        eventKey: 'oneoff998',
        seriesKey: 'oneoff998',
        recurring: false,
        startsAt: yesterday,
      }),
    );
    const textarea = await waitFor('note-input');
    await vi.waitFor(() => expect((textarea as HTMLTextAreaElement).disabled).toBe(false));
    await type(textarea, 'We talked about the reorg');
    await vi.waitFor(async () =>
      expect(await sessionForCalendarEvent('oneoff998')).toMatchObject({
        scheduledAt: yesterday,
        status: 'held',
      }),
    );
  });

  it('keeps the notes editor for this meeting at the bottom', async () => {
    await seedBob();
    await show();
    await waitFor('cadence');
    const notes = q('event-notes')!;
    expect(notes.querySelector('h2')?.textContent).toBe('Notes for this meeting');
    expect(q('note-input', notes)).not.toBeNull();
    expect(q('save-status', notes)).not.toBeNull();
  });
});

describe('CalendarPanel: a meeting Duet does not track yet', () => {
  const dana = { email: 'dana@acme.example', name: 'Dana Lee' };
  const trackable = (changes: Partial<CalendarContext> = {}) =>
    calendarContext({
      title: 'Alice / Dana weekly',
      seriesKey: 'danaseries',
      eventKey: 'danaseries_20260324T090000Z',
      guests: [dana],
      detection: { kind: null, confidence: null, counterparts: [], trackable: dana, relationshipId: null },
      ...changes,
    });

  it('tracks it as a 1:1 in one click: person and relationship linked to the series', async () => {
    await show(trackable());
    const button = await waitFor('track-one-on-one');
    expect(button.textContent).toBe('Track as 1:1 with Dana Lee');
    await click(button);
    await vi.waitFor(() => expect(text('relationship-with')).toBe('with Dana Lee'));
    const [person] = await listPeople();
    expect(person).toMatchObject({ name: 'Dana Lee', emails: ['dana@acme.example'], relation: 'report' });
    const [relationship] = await listRelationships();
    expect(relationship).toMatchObject({
      personIds: [person!.id],
      kind: 'one-on-one',
      title: 'Alice / Dana weekly',
      cadenceDays: 7, // "weekly" in the title
      calendarSeriesIds: ['danaseries'],
      meetCodes: ['abc-defg-hij'],
    });
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(text('panel-announcement')).toBe('Now tracking this series as a 1:1 with Dana Lee.');
    await waitFor('start-prep');
  });

  it('stays on the 1:1 just tracked with another address than the guest’s (no Track card again)', async () => {
    await show(trackable());
    await click(await waitFor('track-edit'));
    await type(container().querySelector<HTMLInputElement>('#cal-track-email')!, 'dana@home.example');
    await click(q('track-confirm')!);
    await vi.waitFor(() => expect(text('relationship-with')).toBe('with Dana Lee'));
    // The data changed (the new 1:1): matched again, the guest's address finds nothing — still this 1:1.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(q('track-one-on-one')).toBeNull();
    expect(text('relationship-with')).toBe('with Dana Lee');
    // Unlinked in the options: no longer this event's 1:1.
    const [tracked] = await listRelationships();
    await unlinkSeries(tracked!.id, 'danaseries');
    // The Track card is back (with the details as the user left them: open).
    await waitFor('track-confirm');
  });

  it('follows a series tracked in another tab meanwhile, and a 1:1 merged away', async () => {
    await show(trackable());
    await waitFor('track-one-on-one');
    // Another tab tracks the series: this panel shows that 1:1, no "Track" any more.
    const dana = await createPerson({ name: 'Dana Lee', emails: ['dana@acme.example'], relation: 'report' });
    const relationship = await createRelationship({
      personIds: [dana.id],
      kind: 'one-on-one',
      title: 'Alice / Dana',
      calendarSeriesIds: ['danaseries'],
    });
    await vi.waitFor(() => expect(text('relationship-with')).toBe('with Dana Lee'));
    expect(q('track-one-on-one')).toBeNull();
    // That 1:1 is gone again (merged away elsewhere): matched afresh, it is an unknown meeting once more.
    await getDatabase().relationships.delete(relationship.id);
    await waitFor('track-one-on-one');
  });

  it('tracks a 2-1 with both of its people', async () => {
    const carol = { email: 'carol@acme.example', name: 'Carol Diaz' };
    const twoOnOne = (seriesKey: string) =>
      calendarContext({
        title: 'Dana & Carol 2:1',
        seriesKey,
        eventKey: `${seriesKey}_20260324T090000Z`,
        guests: [dana, carol],
        detection: {
          kind: 'two-on-one',
          confidence: 'confirmed',
          counterparts: [dana, carol],
          trackable: null,
          relationshipId: null,
        },
      });
    await show(twoOnOne('twoone'));
    const button = await waitFor('track-one-on-one');
    expect(button.textContent).toBe('Track as 2-1 with Dana Lee & Carol Diaz');
    expect(text('track')).toContain('Dana Lee and Carol Diaz are the other guests');
    await click(button);
    await vi.waitFor(async () => expect(await listRelationships()).toHaveLength(1));
    const people = await listPeople();
    expect(people.map((p) => [p.name, p.emails])).toEqual([
      ['Carol Diaz', ['carol@acme.example']],
      ['Dana Lee', ['dana@acme.example']],
    ]);
    const [relationship] = await listRelationships();
    expect(relationship?.kind).toBe('two-on-one');
    expect([...relationship!.personIds].sort()).toEqual(people.map((p) => p.id).sort());
    expect(text('panel-announcement')).toBe('Now tracking this series as a 1:1 with Dana Lee & Carol Diaz.');
  });

  it('lets the details be edited before tracking', async () => {
    await show(trackable({ title: 'Dana sync' }));
    await waitFor('track-one-on-one');
    await click(await waitFor('track-edit'));
    expect(q('track-edit')!.getAttribute('aria-expanded')).toBe('true');
    // One way to track at a time: the form's own button, not a second one above it.
    expect(q('track-one-on-one')).toBeNull();
    expect(q('track-confirm')!.classList.contains('cal-button-primary')).toBe(true);
    expect(q<HTMLInputElement>('track-cadence')!.value).toBe('14');
    await type(q('track-name'), 'Dana L.');
    await type(q('track-kind'), 'peer', 'change');
    // Untouched fields follow the kind.
    expect(q<HTMLSelectElement>('track-relation')!.value).toBe('peer');
    expect(q<HTMLInputElement>('track-cadence')!.value).toBe('28');
    await type(q('track-cadence'), '21');
    await click(q('track-confirm'));
    await vi.waitFor(() => expect(text('relationship-with')).toBe('with Dana L.'));
    const [person] = await listPeople();
    expect(person).toMatchObject({ name: 'Dana L.', relation: 'peer', emails: ['dana@acme.example'] });
    const [relationship] = await listRelationships();
    expect(relationship).toMatchObject({ kind: 'peer', cadenceDays: 21, templateId: 'builtin:peer' });
  });

  it('shows a refused detail inline and keeps the form as typed', async () => {
    await show(trackable());
    await click(await waitFor('track-edit'));
    await type(q('track-email'), 'not an email');
    await click(q('track-confirm'));
    await vi.waitFor(() => expect(text('track-error')).toMatch(/not an email address/));
    expect(q<HTMLInputElement>('track-email')!.value).toBe('not an email');
    expect(await listRelationships()).toHaveLength(0);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('reuses the person already known by that email', async () => {
    const existing = await createPerson({ name: 'Dana Lee', emails: [dana.email], relation: 'peer' });
    await show(trackable());
    await click(await waitFor('track-one-on-one'));
    await vi.waitFor(() => expect(text('relationship-with')).toBe('with Dana Lee'));
    expect(await listPeople()).toHaveLength(1);
    expect((await listRelationships())[0]?.personIds).toEqual([existing.id]);
  });

  it("continues the person's own 1:1 of that kind instead of starting a second one", async () => {
    const person = await createPerson({ name: 'Dana Lee', emails: [dana.email], relation: 'report' });
    const existing = await createRelationship({
      personIds: [person.id],
      kind: 'one-on-one',
      title: 'Dana / Alice',
      cadenceDays: 14,
      calendarSeriesIds: ['oldseries'],
    });
    await show(trackable({ title: 'Roadmap chat' }));
    await click(await waitFor('track-one-on-one'));
    await vi.waitFor(() => expect(text('relationship-with')).toBe('with Dana Lee'));
    const relationships = await listRelationships();
    expect(relationships).toHaveLength(1);
    expect(relationships[0]).toMatchObject({
      id: existing.id,
      cadenceDays: 14,
      calendarSeriesIds: ['oldseries', 'danaseries'],
      meetCodes: ['abc-defg-hij'],
    });
    expect(text('panel-announcement')).toBe(
      'This series now continues your 1:1 with Dana Lee: its history, agreements and cadence carry on.',
    );
  });

  it('starts a new 1:1 when the person has one of another kind only', async () => {
    const person = await createPerson({ name: 'Dana Lee', emails: [dana.email], relation: 'report' });
    await createRelationship({ personIds: [person.id], kind: 'career', title: 'Dana career' });
    // A title that names no 1:1 (one that does would link the series to her 1:1 by email).
    await show(trackable({ title: 'Roadmap chat' }));
    await click(await waitFor('track-one-on-one'));
    await vi.waitFor(() => expect(text('relationship-with')).toBe('with Dana Lee'));
    expect((await listRelationships()).map((r) => r.kind).sort()).toEqual(['career', 'one-on-one']);
  });

  /** A meeting whose other person Duet cannot tell (no guests read, no name in the title). */
  const nobodyKnown = () =>
    calendarContext({
      title: 'Planning',
      seriesKey: 'planseries',
      eventKey: 'planseries_20260325T100000Z',
      guests: null,
      detection: { kind: null, confidence: null, counterparts: [], trackable: null, relationshipId: null },
    });

  it('keeps what was typed in the track form when a first note save makes the meeting a 1:1', async () => {
    await show(nobodyKnown());
    await waitFor('track');
    await type(q('track-name'), 'Dana Lee');
    await click(q('track-edit'));
    await type(q('track-cadence'), '9');
    const textarea = q<HTMLTextAreaElement>('note-input')!;
    await vi.waitFor(() => expect(textarea.disabled).toBe(false));
    await type(textarea, 'Dana wants to talk about the roadmap');
    await vi.waitFor(() => expect(q('track')?.dataset.mode).toBe('link'));
    expect(q<HTMLInputElement>('track-name')!.value).toBe('Dana Lee');
    expect(q('track-edit')!.getAttribute('aria-expanded')).toBe('true');
    expect(q<HTMLInputElement>('track-cadence')!.value).toBe('9');
    await click(q('track-confirm'));
    await vi.waitFor(() => expect(text('relationship-with')).toBe('with Dana Lee'));
    expect(await listRelationships()).toHaveLength(1);
    expect((await listRelationships())[0]).toMatchObject({ cadenceDays: 9 });
  });

  it('asks for a name when nobody is known, then tracks the series', async () => {
    await show(nobodyKnown());
    await waitFor('track');
    expect(q('track-one-on-one')).toBeNull();
    expect(text('track-confirm')).toBe('Track this series as a 1:1');
    await click(q('track-confirm'));
    await vi.waitFor(() =>
      expect(text('track-error')).toBe('Write the name of the person this 1:1 is with.'),
    );
    await type(q('track-name'), 'Frank');
    await click(q('track-confirm'));
    await vi.waitFor(() => expect(text('relationship-with')).toBe('with Frank'));
    const [person] = await listPeople();
    expect(person).toMatchObject({ name: 'Frank', emails: [] });
    expect((await listRelationships())[0]).toMatchObject({
      calendarSeriesIds: ['planseries'],
      meetCodes: ['abc-defg-hij'],
    });
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('"Not a 1:1" remembers the series in settings, and can be undone', async () => {
    await updateSettings({ ignoredSeries: ['someone-else'] });
    await show(
      calendarContext({
        guests: null,
        detection: {
          kind: 'one-on-one',
          confidence: 'likely',
          counterparts: [],
          trackable: null,
          relationshipId: null,
        },
      }),
    );
    await waitFor('track');
    expect(text('title-guess')).toBe('detected from the title');
    await click(q('not-one-on-one'));
    await waitFor('series-ignored');
    expect((await getSettings()).ignoredSeries).toEqual(['someone-else', SERIES]);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(q('not-one-on-one')).toBeNull();
    expect(q('relationship-kind')).toBeNull();

    await click(q('undo-not-one-on-one'));
    await waitFor('track');
    expect((await getSettings()).ignoredSeries).toEqual(['someone-else']);
    expect(onChanged).toHaveBeenCalledTimes(2);
  });

  it('keeps the note being typed while its first save starts tracking the series', async () => {
    await show(trackable());
    await waitFor('track');
    const textarea = q<HTMLTextAreaElement>('note-input')!;
    await vi.waitFor(() => expect(textarea.disabled).toBe(false));
    textarea.focus();
    await type(textarea, 'Dana wants to talk about the roadmap');
    // The first save creates the event's session (and a series without people): the panel shows it…
    await vi.waitFor(() => expect(q('cadence')).not.toBeNull());
    expect(q('track')!.dataset.mode).toBe('link');
    // …without remounting the editor under the user's fingers.
    expect(q('note-input')).toBe(textarea);
    expect(textarea.value).toBe('Dana wants to talk about the roadmap');
    expect(document.activeElement).toBe(textarea);
  });

  it('shows a series tracked by writing notes (no people yet) and asks who it is with', async () => {
    // What the notes editor does for an untracked event: a relationship without people, linked by series.
    const bare = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Alice / Dana weekly',
      calendarSeriesIds: ['danaseries'],
    });
    await show(trackable());
    await waitFor('cadence');
    // Tracked, but with nobody named yet: the header does not repeat the title as "with Alice / Dana weekly".
    expect(q('panel-relationship-header')!.dataset.tracked).toBe('true');
    expect(q('relationship-with')).toBeNull();
    expect(q('track')!.dataset.mode).toBe('link');
    await click(q('track-one-on-one'));
    await vi.waitFor(() => expect(text('relationship-with')).toBe('with Dana Lee'));
    const [person] = await listPeople();
    expect((await getRelationship(bare.id))?.personIds).toEqual([person!.id]);
    expect(q('track')).toBeNull();
  });
});

describe('CalendarPanel: hostile text', () => {
  it('renders titles, names, notes, agreements, points and goals as text', async () => {
    const person = await createPerson({ name: `Bob ${XSS}`, emails: [BOB_EMAIL], relation: 'report' });
    const relationship = await createRelationship({
      personIds: [person.id],
      kind: 'one-on-one',
      title: XSS,
      calendarSeriesIds: [SERIES],
    });
    const { session } = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: noonDaysAgo(3),
      calendarEventId: `${SERIES}_20260101T170000Z`,
    });
    await markSessionHeld(session.id, session.scheduledAt);
    await saveSectionNotes(session.id, 'general', `${XSS}<script>window.__pwned = true</script>`);
    await addAgreement(relationship.id, { owner: 'named', ownerName: XSS, text: XSS, dueDate: null });
    await addTalkingPoint(relationship.id, { text: XSS, author: 'them' });
    await addGoal(relationship.id, {
      category: 'okr',
      title: XSS,
      keyResults: [{ id: 'kr', text: XSS, progress: 10 }],
    });
    await show(calendarContext({ title: XSS }));
    await waitFor('goal-item');
    expect(container().querySelectorAll('img, script')).toHaveLength(0);
    expect(text('event-title')).toBe(XSS);
    expect(text('relationship-with')).toBe(`with Bob ${XSS}`);
    expect(q('last-session-section')!.querySelector('p')?.textContent).toBe(
      `${XSS}<script>window.__pwned = true</script>`,
    );
    expect(text('agreement-text')).toBe(XSS);
    expect(text('agreement-owner')).toBe(XSS);
    expect(text('talking-point-text')).toBe(XSS);
    expect(text('goal-title')).toBe(XSS);
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('offers to track a hostile-named guest as text', async () => {
    const guest = { email: 'x@acme.example', name: XSS };
    await show(
      calendarContext({
        title: XSS,
        guests: [guest],
        detection: { kind: null, confidence: null, counterparts: [], trackable: guest, relationshipId: null },
      }),
    );
    await waitFor('track-one-on-one');
    expect(text('track-one-on-one')).toBe(`Track as 1:1 with ${XSS}`);
    expect(container().querySelectorAll('img, script')).toHaveLength(0);
  });
});
