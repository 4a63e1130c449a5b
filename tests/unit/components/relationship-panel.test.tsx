import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { relationshipFromLocation, SidePanelApp } from '@/components/panel/SidePanelApp';
import { RelationshipPanel } from '@/components/panel/relationship/RelationshipPanel';
import { relationshipActions } from '@/components/panel/calendar/relationship-actions';
import { formatDay } from '@/components/shared/format';
import {
  addAgreement,
  addTalkingPoint,
  createPerson,
  createRelationship,
  getDatabase,
  loadPopupView,
  markSessionHeld,
  prepareSession,
  saveSectionNotes,
  upcomingTalkingPoints,
} from '@/lib/db';
import { addDays, dayOf } from '@/lib/domain/days';
import type { Relationship } from '@/lib/domain/model';
import { useRenderContainer } from '../helpers/dom-container';

const XSS = '<img src=x onerror=alert(1)>';

let onChanged: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  onChanged = vi.fn<() => void>();
});

// Registered before the container, so it runs after the unmount.
afterEach(() => {
  window.history.replaceState(null, '', '/');
});

const container = useRenderContainer();

const q = <E extends Element = HTMLElement>(testId: string, root: ParentNode = container()) =>
  root.querySelector(`[data-testid="${testId}"]`) as E | null;
const qa = <E extends Element = HTMLElement>(testId: string, root: ParentNode = container()) => [
  ...(root.querySelectorAll(`[data-testid="${testId}"]`) as NodeListOf<E>),
];
const text = (testId: string, root?: ParentNode) => q(testId, root)?.textContent ?? null;

async function click(element: Element | null | undefined) {
  expect(element).toBeTruthy();
  await act(async () => {
    (element as HTMLElement).click();
  });
}

async function type(element: Element | null | undefined, value: string) {
  expect(element).toBeTruthy();
  await act(() => {
    (element as HTMLInputElement).value = value;
    element!.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Local noon `days` from today: never near midnight. */
function noonIn(days: number): number {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 12, 0).getTime();
}

async function seedBob(): Promise<Relationship> {
  const bob = await createPerson({ name: 'Bob Jones', relation: 'report' });
  return createRelationship({
    personIds: [bob.id],
    kind: 'one-on-one',
    title: 'Alice / Bob',
    cadenceDays: 14,
  });
}

async function seedHistory(relationshipId: string) {
  const { session } = await prepareSession({ relationshipId, scheduledAt: noonIn(-10) });
  await markSessionHeld(session.id, session.scheduledAt);
  await saveSectionNotes(session.id, 'general', 'Wants to lead the next project.');
  const today = dayOf(Date.now());
  const late = await addAgreement(relationshipId, {
    owner: 'them',
    text: 'Send the rollout plan',
    dueDate: addDays(today, -2),
  });
  const mine = await addAgreement(relationshipId, { owner: 'me', text: 'Intro to design', dueDate: null });
  const point = await addTalkingPoint(relationshipId, { text: 'Offsite budget', author: 'me' });
  return { late, mine, point };
}

async function show(relationshipId: string) {
  await act(() => {
    render(<RelationshipPanel relationshipId={relationshipId} onChanged={onChanged} />, container());
  });
  await vi.waitFor(() => expect(q('panel-loading')).toBeNull());
}

describe('relationshipFromLocation', () => {
  it('reads a valid id from ?relationship=', () => {
    expect(relationshipFromLocation('?relationship=rel-1')).toBe('rel-1');
    expect(relationshipFromLocation('?relationship=a%3Ab%40c.d_e')).toBe('a:b@c.d_e');
    expect(relationshipFromLocation('?tab=3&relationship=0b6f0a2e-9b0e-4a52-8f0f-1d2c3b4a5e6f')).toBe(
      '0b6f0a2e-9b0e-4a52-8f0f-1d2c3b4a5e6f',
    );
  });

  it('refuses anything that is not an id as Duet stores them', () => {
    expect(relationshipFromLocation('')).toBeNull();
    expect(relationshipFromLocation('?tab=3')).toBeNull();
    expect(relationshipFromLocation('?relationship=')).toBeNull();
    expect(relationshipFromLocation('?relationship=a%20b')).toBeNull();
    expect(relationshipFromLocation('?relationship=%3Cscript%3E')).toBeNull();
    expect(relationshipFromLocation('?relationship=__proto__')).toBeNull();
    expect(relationshipFromLocation(`?relationship=${'x'.repeat(513)}`)).toBeNull();
  });
});

describe('SidePanelApp opened for one 1:1', () => {
  it('shows that 1:1 when the URL names it', async () => {
    const bob = await seedBob();
    window.history.replaceState(null, '', `/sidepanel.html?relationship=${bob.id}`);
    await act(() => {
      render(<SidePanelApp />, container());
    });
    await vi.waitFor(() => expect(q('relationship-panel')).not.toBeNull());
    expect(text('relationship-with')).toBe('with Bob Jones');
  });
});

describe('RelationshipPanel', () => {
  it('shows who, the kind, last time’s notes, agreements, talking points and the next 1:1', async () => {
    const bob = await seedBob();
    const { late, mine } = await seedHistory(bob.id);
    const { session: next } = await prepareSession({ relationshipId: bob.id, scheduledAt: noonIn(3) });
    await show(bob.id);
    expect(text('relationship-with')).toBe('with Bob Jones');
    expect(text('relationship-kind')).toBe('1:1');
    expect(text('event-title')).toBe('Alice / Bob');
    expect(qa('last-session-section').map((s) => s.querySelector('p')?.textContent)).toEqual([
      'Wants to lead the next project.',
    ]);
    expect(qa('agreement-item').map((el) => el.dataset.agreementId)).toEqual([late.id, mine.id]);
    expect(qa('talking-point-text').map((el) => el.textContent)).toEqual(['Offsite budget']);
    expect(text('relationship-next')).toMatch(/^Next 1:1: /);
    expect(text('relationship-next')).not.toBe('No next 1:1 planned yet.');
    expect(next.status).toBe('upcoming');
    expect(q('cadence')).not.toBeNull();
  });

  it('says when no next 1:1 is planned and nothing was noted yet', async () => {
    const bob = await seedBob();
    await show(bob.id);
    expect(text('relationship-next')).toBe('No next 1:1 planned yet.');
    expect(text('last-session-empty')).toBe('No notes from a previous 1:1 yet.');
    expect(q('agreements-empty')).not.toBeNull();
  });

  it('names nobody twice: the title alone, else "Untitled 1:1"; names render as text', async () => {
    const titled = await createRelationship({ personIds: [], kind: 'career', title: XSS });
    await show(titled.id);
    expect(text('event-title')).toBe(XSS);
    // With nobody named yet, "with <title>" would only repeat the title.
    expect(q('relationship-with')).toBeNull();
    expect(container().querySelectorAll('img')).toHaveLength(0);

    const untitled = await createRelationship({ personIds: [], kind: 'one-on-one', title: '' });
    await show(untitled.id);
    await vi.waitFor(() => expect(text('relationship-with')).toBe('with Untitled 1:1'));
  });

  it('says the 1:1 is gone for an unknown id', async () => {
    await show('no-such-relationship');
    expect(text('relationship-missing')).toBe(
      'This 1:1 is no longer in Duet (it may have been merged or deleted). Open the popup to pick another.',
    );
    expect(q('relationship-panel')).toBeNull();
  });

  it('marks an agreement done: stored, announced, and badges told', async () => {
    const bob = await seedBob();
    const { late } = await seedHistory(bob.id);
    await show(bob.id);
    const item = () => container().querySelector(`[data-agreement-id="${late.id}"]`);
    await click(q('agreement-done', item()!));
    await vi.waitFor(() => expect(item()).toBeNull());
    expect((await getDatabase().agreements.get(late.id))?.status).toBe('done');
    expect(text('panel-announcement')).toBe('Agreement marked done.');
    expect(q('panel-announcement')!.getAttribute('aria-live')).toBe('polite');
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('keeps an agreement open as looked at before the meeting, so the next 1:1 can count as prepared', async () => {
    const bob = await seedBob();
    const { mine } = await seedHistory(bob.id);
    await prepareSession({ relationshipId: bob.id, scheduledAt: noonIn(1) });
    await show(bob.id);
    const item = () => container().querySelector(`[data-agreement-id="${mine.id}"]`)!;
    await click(q('agreement-still-open', item()));
    await vi.waitFor(() => expect(q('agreement-still-open', item())).toBeNull());
    expect(text('panel-announcement')).toBe('Agreement kept open: looked at for this 1:1.');
    const stored = await getDatabase().agreements.get(mine.id);
    expect(stored?.status).toBe('open');
    expect(stored?.history.map((step) => step.action)).toContain('reviewed');
    const view = await loadPopupView();
    const next = view.upcoming.find((u) => u.relationship.id === bob.id);
    expect(next?.prep).toMatchObject({ openAgreements: 2, reviewed: 1 });
  });

  it('adds a talking point: stored and announced, without telling the badges', async () => {
    const bob = await seedBob();
    await show(bob.id);
    await type(q('talking-point-input'), 'Promotion timeline');
    await click(q('talking-point-add'));
    await vi.waitFor(() => expect(qa('talking-point-item')).toHaveLength(1));
    expect(text('panel-announcement')).toBe('Talking point added.');
    expect((await upcomingTalkingPoints(bob.id)).map((p) => [p.text, p.author])).toEqual([
      ['Promotion timeline', 'me'],
    ]);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('shows agreements added elsewhere live', async () => {
    const bob = await seedBob();
    await show(bob.id);
    await act(async () => {
      await addAgreement(bob.id, { owner: 'both', text: 'Plan the offsite', dueDate: null });
    });
    await vi.waitFor(() => expect(qa('agreement-item')).toHaveLength(1));
  });
});

describe('relationshipActions', () => {
  async function setup() {
    const bob = await seedBob();
    const seeded = await seedHistory(bob.id);
    const announce = vi.fn<(message: string) => void>();
    const changed = vi.fn<() => void>();
    return { bob, ...seeded, announce, changed, actions: relationshipActions(bob.id, announce, changed) };
  }

  it('renegotiates and drops agreements, announcing each and telling the badges', async () => {
    const { late, mine, announce, changed, actions } = await setup();
    const newDue = addDays(dayOf(Date.now()), 14);
    expect(await actions.renegotiateAgreement(late.id, newDue)).toEqual({ ok: true });
    expect(announce).toHaveBeenLastCalledWith(`Agreement now due ${formatDay(newDue, dayOf(Date.now()))}.`);
    expect(await getDatabase().agreements.get(late.id)).toMatchObject({
      status: 'renegotiated',
      dueDate: newDue,
    });
    expect(await actions.dropAgreement(mine.id, 'No longer needed')).toEqual({ ok: true });
    expect(announce).toHaveBeenLastCalledWith('Agreement dropped.');
    expect((await getDatabase().agreements.get(mine.id))?.status).toBe('dropped');
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('refuses a renegotiation without a date and an empty point, changing nothing', async () => {
    const { late, bob, announce, changed, actions } = await setup();
    expect(await actions.renegotiateAgreement(late.id, '')).toEqual({
      ok: false,
      message: 'Pick the new due date.',
    });
    expect(await actions.addTalkingPoint('   ', 'me')).toEqual({
      ok: false,
      message: 'Write the talking point first.',
    });
    expect((await getDatabase().agreements.get(late.id))?.status).toBe('open');
    expect(await upcomingTalkingPoints(bob.id)).toHaveLength(1);
    expect(announce).not.toHaveBeenCalled();
    expect(changed).not.toHaveBeenCalled();
  });

  it('reports a failed write as a message, announcing nothing', async () => {
    const { announce, changed, actions } = await setup();
    const result = await actions.completeAgreement('no-such-agreement');
    expect(result.ok).toBe(false);
    expect(announce).not.toHaveBeenCalled();
    expect(changed).not.toHaveBeenCalled();
  });

  it('moves and closes talking points, announcing where they went', async () => {
    const { bob, point, announce, changed, actions } = await setup();
    const second = await addTalkingPoint(bob.id, { text: 'Second', author: 'them' });
    expect(await actions.moveTalkingPoint(point.id, 'down')).toEqual({ ok: true });
    expect(announce).toHaveBeenLastCalledWith('Moved down: now 2 of 2.');
    expect((await upcomingTalkingPoints(bob.id)).map((p) => p.text)).toEqual(['Second', 'Offsite budget']);
    await actions.setTalkingPointStatus(point.id, 'discussed');
    expect(announce).toHaveBeenLastCalledWith('Talking point marked discussed.');
    await actions.setTalkingPointStatus(second.id, 'dropped');
    expect(announce).toHaveBeenLastCalledWith('Talking point dropped.');
    expect(await upcomingTalkingPoints(bob.id)).toEqual([]);
    expect(changed).not.toHaveBeenCalled();
  });
});

describe('RelationshipPanel left open past midnight', () => {
  it('counts the cadence from the new day', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    try {
      // Last held 13 days ago at noon, on a 14-day cadence; it is 23:59.
      const now = new Date(2026, 2, 24, 23, 59, 30);
      vi.setSystemTime(now);
      const relationship = await seedBob();
      const { session } = await prepareSession({
        relationshipId: relationship.id,
        scheduledAt: new Date(2026, 2, 11, 12).getTime(),
      });
      await markSessionHeld(session.id, session.scheduledAt);
      await act(() => {
        render(<RelationshipPanel relationshipId={relationship.id} onChanged={onChanged} />, container());
      });
      await vi.waitFor(() => expect(q('cadence')).not.toBeNull());
      const before = q('cadence')!.dataset.status;
      await act(async () => {
        await vi.advanceTimersByTimeAsync(60_000);
      });
      await vi.waitFor(() => expect(q('cadence')!.dataset.status).not.toBe(before));
    } finally {
      vi.useRealTimers();
    }
  });
});
