/**
 * Tracking a Meet call as a 1:1 suggests (and saves) the user's default cadence for the kind, as the
 * Calendar panel does: a cadence in the call's title first, then the user's default, then the built-in.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type MeetContext, MeetPanel } from '@/components/panel/meet/MeetPanel';
import { PanelBody } from '@/components/panel/PanelApp';
import {
  createPerson,
  createRelationship,
  endLiveSession,
  getSession,
  listPeople,
  listRelationships,
  prepareSession,
  runningSessionOfCall,
  startLiveSession,
  updateCadenceDefault,
} from '@/lib/db';
import { DEFAULT_CADENCE_DAYS } from '@/lib/domain/model';
import { useRenderContainer } from '../../../helpers/dom-container';

const CODE = 'abc-defg-hij';
const DAY = 24 * 60 * 60_000;

function meetContext(changes: Partial<MeetContext> = {}): MeetContext {
  return {
    surface: 'meet',
    meetingCode: CODE,
    title: 'Project chat',
    state: 'in-call',
    presenting: false,
    others: ['Dana Lee'],
    link: null,
    trackable: 'Dana Lee',
    ...changes,
  };
}

beforeEach(() => {
  // The background acknowledges "meet/call-linked".
  fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, data: { ok: true } }));
});

/** Bob's 1:1, remembered on this call's Meet code. */
async function bobsOneOnOne() {
  const bob = await createPerson({ name: 'Bob Jones', emails: [], relation: 'report' });
  return createRelationship({
    personIds: [bob.id],
    kind: 'one-on-one',
    title: 'Alice / Bob',
    meetCodes: [CODE],
  });
}

const linkTo = (relationshipId: string) => ({ relationshipId, via: 'meet-code' as const });

const container = useRenderContainer();

const q = <E extends Element = HTMLElement>(testId: string) =>
  container().querySelector(`[data-testid="${testId}"]`) as E | null;

async function waitFor(testId: string): Promise<HTMLElement> {
  await vi.waitFor(() => expect(q(testId)).not.toBeNull());
  return q<HTMLElement>(testId)!;
}

async function show(context: MeetContext) {
  await act(() => {
    render(<MeetPanel context={context} />, container());
  });
}

/** Bob's call as the background tells the panel: this link, these others, this state. */
const bobsCall = (link: MeetContext['link'], others: string[], state: MeetContext['state'] = 'in-call') =>
  show(meetContext({ title: 'Alice / Bob', state, others, trackable: null, link }));

async function click(element: Element | null) {
  expect(element).not.toBeNull();
  await act(async () => {
    (element as HTMLElement).click();
  });
}

async function change(element: Element | null, value: string) {
  expect(element).not.toBeNull();
  await act(() => {
    (element as HTMLSelectElement).value = value;
    element!.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function trackedCadence(): Promise<number | undefined> {
  await vi.waitFor(async () => expect(await listRelationships()).toHaveLength(1));
  const [relationship] = await listRelationships();
  expect(relationship?.meetCodes).toEqual([CODE]);
  return relationship?.cadenceDays;
}

describe('MeetPanel: tracking a call uses the cadence defaults from Options', () => {
  it("saves the user's default for the kind when the title gives no cadence", async () => {
    expect(DEFAULT_CADENCE_DAYS['one-on-one']).not.toBe(21);
    await updateCadenceDefault('one-on-one', 21);
    await show(meetContext());
    await click(await waitFor('track-one-on-one'));
    expect(await trackedCadence()).toBe(21);
  });

  it("suggests the user's default for another kind chosen in the details", async () => {
    expect(DEFAULT_CADENCE_DAYS.peer).not.toBe(35);
    await updateCadenceDefault('peer', 35);
    await show(meetContext());
    await click(await waitFor('track-edit'));
    await change(q('track-kind'), 'peer');
    expect(q<HTMLInputElement>('track-cadence')!.value).toBe('35');
    await click(q('track-confirm'));
    expect(await trackedCadence()).toBe(35);
  });

  it("keeps the title's cadence ahead of the user's default", async () => {
    await updateCadenceDefault('one-on-one', 21);
    await show(meetContext({ title: 'Weekly chat' }));
    await click(await waitFor('track-one-on-one'));
    expect(await trackedCadence()).toBe(7);
  });
});

describe('MeetPanel: tracking a call with someone Duet knows', () => {
  async function typeInto(element: Element | null, value: string) {
    expect(element).not.toBeNull();
    await act(() => {
      (element as HTMLInputElement).value = value;
      element!.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  it('reuses the person with that email and continues their 1:1 of that kind', async () => {
    const dana = await createPerson({ name: 'Dana Lee', emails: ['dana@acme.example'], relation: 'report' });
    const existing = await createRelationship({
      personIds: [dana.id],
      kind: 'one-on-one',
      title: 'Dana / Alice',
      cadenceDays: 14,
      meetCodes: ['old-code-xyz'],
    });
    await show(meetContext());
    await click(await waitFor('track-edit'));
    await typeInto(q('track-email'), 'Dana@Acme.example');
    await click(q('track-confirm'));
    await vi.waitFor(async () =>
      expect((await listRelationships())[0]?.meetCodes).toEqual(['old-code-xyz', CODE]),
    );
    expect(await listPeople()).toHaveLength(1);
    const relationships = await listRelationships();
    expect(relationships).toHaveLength(1);
    expect(relationships[0]).toMatchObject({ id: existing.id, cadenceDays: 14 });
  });
});

describe('MeetPanel while presenting', () => {
  it('hides the link chooser (who I have 1:1s with) until asked, and shows it again after', async () => {
    await createRelationship({ personIds: [], kind: 'one-on-one', title: 'Alice / Confidential Person' });
    await show(meetContext({ presenting: true }));
    await waitFor('presenting-strip');
    // What is hidden is Duet's chooser (an untracked call has no notes), and the strip says so.
    expect(q('presenting-strip')!.textContent).toContain('Duet is hidden while you present');
    expect(q('reveal-notes')!.textContent).toBe('Show Duet anyway');
    expect(q('meet-link-chooser')).toBeNull();
    expect(container().textContent).not.toContain('Confidential Person');
    await click(q('reveal-notes'));
    await waitFor('meet-link-chooser');
    // No longer presenting: shown without a click.
    await show(meetContext({ presenting: false }));
    await waitFor('meet-link-chooser');
    expect(q('presenting-strip')).toBeNull();
  });
});

describe('MeetPanel: tracking a call titled as a 2-1', () => {
  it('tracks one 2-1 with both other people, never the note-taker', async () => {
    await show(
      meetContext({
        title: 'Dana & Carol 2-1',
        others: ['Dana Lee', 'Otter.ai', 'Carol Diaz'],
        trackable: 'Dana Lee',
      }),
    );
    const track = await waitFor('track-one-on-one');
    expect(track.textContent).toBe('Track as 2-1 with Dana Lee & Carol Diaz');
    await click(track);
    await vi.waitFor(async () => expect(await listRelationships()).toHaveLength(1));
    const [relationship] = await listRelationships();
    expect(relationship).toMatchObject({ kind: 'two-on-one', title: 'Dana & Carol 2-1', meetCodes: [CODE] });
    const people = await listPeople();
    expect(people.map((p) => p.name).sort()).toEqual(['Carol Diaz', 'Dana Lee']);
    expect([...relationship!.personIds].sort()).toEqual(people.map((p) => p.id).sort());
  });

  it('a known person is tracked as that person, not a second record', async () => {
    const dana = await createPerson({ name: 'Dana Lee', emails: ['dana@acme.example'], relation: 'report' });
    await show(
      meetContext({ title: 'Dana & Carol 2-1', others: ['Carol Diaz', 'Dana Lee'], trackable: 'Carol Diaz' }),
    );
    await click(await waitFor('track-one-on-one'));
    await vi.waitFor(async () => expect(await listRelationships()).toHaveLength(1));
    const people = await listPeople();
    expect(people.map((p) => p.name).sort()).toEqual(['Carol Diaz', 'Dana Lee']);
    const [relationship] = await listRelationships();
    expect(relationship!.personIds).toContain(dana.id);
  });

  it("the call's title read late: the card follows its kind, unless the user chose one", async () => {
    const others = ['Dana Lee', 'Carol Diaz'];
    await show(meetContext({ title: '', others, trackable: 'Carol Diaz' }));
    expect((await waitFor('track-one-on-one')).textContent).toBe('Track as 1:1 with Carol Diaz');
    await show(meetContext({ title: 'Dana & Carol 2-1', others, trackable: 'Carol Diaz' }));
    await vi.waitFor(() =>
      expect(q('track-one-on-one')!.textContent).toBe('Track as 2-1 with Carol Diaz & Dana Lee'),
    );
    // The user says it is a peer 1:1: a title read again later does not undo that.
    await click(q('track-edit'));
    await change(q('track-kind'), 'peer');
    await show(meetContext({ title: 'Project', others, trackable: 'Carol Diaz' }));
    expect(q<HTMLSelectElement>('track-kind')!.value).toBe('peer');
    // Chosen back to what the title said: still the user's choice when the title changes again.
    await change(q('track-kind'), 'one-on-one');
    await show(meetContext({ title: 'Dana & Carol 2-1', others, trackable: 'Carol Diaz' }));
    expect(q<HTMLSelectElement>('track-kind')!.value).toBe('one-on-one');
  });

  it('a 1:1 title with two people in the call offers the 1:1 with the one the background named', async () => {
    await show(meetContext({ title: 'Dana 1:1', others: ['Dana Lee', 'Carol Diaz'], trackable: 'Dana Lee' }));
    expect((await waitFor('track-one-on-one')).textContent).toBe('Track as 1:1 with Dana Lee');
  });
});

describe('MeetPanel: a linked call waits for its person before the session starts', () => {
  it('alone in the call: no session and no timer until Bob joins; then it starts by itself', async () => {
    const relationship = await bobsOneOnOne();
    const link = { relationshipId: relationship.id, via: 'meet-code' as const };
    await bobsCall(link, []);
    const waiting = await waitFor('session-waiting');
    await vi.waitFor(() => expect(waiting.textContent).toContain('Waiting for Bob Jones to join'));
    expect(await runningSessionOfCall(relationship.id, CODE)).toBeUndefined();
    // Bob is seen in the call: the session starts.
    await bobsCall({ ...link, seen: true }, ['Bob Jones']);
    await vi.waitFor(async () => expect(await runningSessionOfCall(relationship.id, CODE)).toBeDefined());
    await waitFor('session-with');
  });

  it('"Start now" starts it without him (he joins from a meeting room, under another name)', async () => {
    const relationship = await bobsOneOnOne();
    const link = { relationshipId: relationship.id, via: 'meet-code' as const };
    await bobsCall(link, ['Room 4B']);
    await click(await waitFor('session-start-now'));
    await vi.waitFor(async () => expect(await runningSessionOfCall(relationship.id, CODE)).toBeDefined());
    await waitFor('session-with');
  });

  it("the user's own link starts it at once; a call that ends before anyone came records nothing", async () => {
    const relationship = await bobsOneOnOne();
    const link = { relationshipId: relationship.id, via: 'meet-code' as const };
    await bobsCall({ ...link, chosen: true }, []);
    await vi.waitFor(async () => expect(await runningSessionOfCall(relationship.id, CODE)).toBeDefined());

    const other = await createRelationship({
      personIds: [(await createPerson({ name: 'Sam Lee', emails: [], relation: 'peer' })).id],
      kind: 'one-on-one',
      title: 'Sam 1:1',
      meetCodes: ['xyz-wxyz-xyz'],
    });
    const samLink = { relationshipId: other.id, via: 'meet-code' as const };
    await show(meetContext({ meetingCode: 'xyz-wxyz-xyz', others: [], trackable: null, link: samLink }));
    await waitFor('session-waiting');
    await show(
      meetContext({
        meetingCode: 'xyz-wxyz-xyz',
        state: 'ended',
        others: [],
        trackable: null,
        link: samLink,
      }),
    );
    await vi.waitFor(() => expect(q('session-error')?.textContent).toContain('No session was recorded'));
    expect(await runningSessionOfCall(other.id, 'xyz-wxyz-xyz')).toBeUndefined();
  });
});

describe('MeetPanel: waiting, then the end or the person', () => {
  it('a call that ends while waiting holds nothing: not the session prepared for it, not last week’s', async () => {
    const relationship = await bobsOneOnOne();
    const lastWeek = await startLiveSession({
      relationshipId: relationship.id,
      meetCode: CODE,
      now: Date.now() - 7 * DAY,
    });
    await endLiveSession(lastWeek.id, Date.now() - 7 * DAY + 30 * 60_000);
    const { session: prepared } = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: Date.now(),
      meetCode: CODE,
    });
    const link = linkTo(relationship.id);
    await bobsCall(link, []);
    await waitFor('session-waiting');
    await bobsCall(link, [], 'ended');
    await vi.waitFor(() => expect(q('session-error')?.textContent).toContain('No session was recorded'));
    expect((await getSession(prepared.id))?.status).toBe('upcoming');
    expect(q('session-with')).toBeNull();
  });

  it('the end keeps the session the call ran, never another planned with the same code', async () => {
    const relationship = await bobsOneOnOne();
    const link = { ...linkTo(relationship.id), seen: true as const };
    await bobsCall(link, ['Bob Jones']);
    await vi.waitFor(async () => expect(await runningSessionOfCall(relationship.id, CODE)).toBeDefined());
    const ran = (await runningSessionOfCall(relationship.id, CODE))!;
    // A later 1:1 today on the same code, prepared while this one runs.
    const { session: later } = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: Date.now() + 3 * 60 * 60_000,
      meetCode: CODE,
    });
    await bobsCall(link, [], 'ended');
    await vi.waitFor(async () => expect((await getSession(ran.id))?.status).toBe('held'));
    expect((await getSession(later.id))?.status).toBe('upcoming');
  });

  it('Bob joining never flashes "call ended"; "Start now" in one panel starts the other too', async () => {
    const relationship = await bobsOneOnOne();
    const link = linkTo(relationship.id);
    const alerts: string[] = [];
    const watcher = new MutationObserver(() => {
      const error = q('session-error');
      if (error) alerts.push(error.textContent ?? '');
    });
    watcher.observe(container(), { childList: true, subtree: true });
    await bobsCall(link, []);
    await waitFor('session-waiting');
    // The side panel shows the same call.
    const side = document.createElement('div');
    document.body.append(side);
    await act(() => {
      render(
        <MeetPanel context={meetContext({ title: 'Alice / Bob', others: [], trackable: null, link })} />,
        side,
      );
    });
    await vi.waitFor(() => expect(side.querySelector('[data-testid="session-waiting"]')).not.toBeNull());
    await click(await waitFor('session-start-now'));
    await waitFor('session-with');
    await vi.waitFor(() => expect(side.querySelector('[data-testid="session-with"]')).not.toBeNull());
    watcher.disconnect();
    expect(alerts).toEqual([]);
    await act(() => render(null, side));
    side.remove();
  });

  it('a 1:1 without known people has nobody to wait for: it starts at once', async () => {
    const relationship = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Notes',
      meetCodes: [CODE],
    });
    await show(meetContext({ title: 'Notes', others: [], trackable: null, link: linkTo(relationship.id) }));
    await vi.waitFor(async () => expect(await runningSessionOfCall(relationship.id, CODE)).toBeDefined());
    expect(q('session-waiting')).toBeNull();
  });
});

describe('MeetPanel: waiting, after review', () => {
  it('opened before joining, then in the call alone: it waits (no session), and again after a rejoin', async () => {
    const relationship = await bobsOneOnOne();
    const link = linkTo(relationship.id);
    await bobsCall(link, [], 'prejoin');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await bobsCall(link, []);
    await waitFor('session-waiting');
    await bobsCall(link, [], 'ended');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await bobsCall(link, []);
    await waitFor('session-waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await runningSessionOfCall(relationship.id, CODE)).toBeUndefined();
  });

  it("a call that ends while waiting never shows the morning's meeting on the same code as its summary", async () => {
    const relationship = await bobsOneOnOne();
    const morning = await startLiveSession({
      relationshipId: relationship.id,
      meetCode: CODE,
      now: Date.now() - 5 * 60 * 60_000,
    });
    await endLiveSession(morning.id, Date.now() - 4.5 * 60 * 60_000);
    const link = linkTo(relationship.id);
    await bobsCall(link, []);
    await waitFor('session-waiting');
    await bobsCall(link, [], 'ended');
    await vi.waitFor(() => expect(q('session-error')?.textContent).toContain('No session was recorded'));
    expect(q('session-with')).toBeNull();
  });
});

describe('MeetPanel: after the end, in a panel opened later, and a rejoin judged as a new call', () => {
  it('a session started with "Start now" is the summary of a panel opened after the end', async () => {
    const relationship = await bobsOneOnOne();
    const link = linkTo(relationship.id);
    await bobsCall(link, ['Dial-in 1']);
    await click(await waitFor('session-start-now'));
    await waitFor('session-with');
    await bobsCall(link, [], 'ended');
    await vi.waitFor(async () =>
      expect((await runningSessionOfCall(relationship.id, CODE))?.status).toBe('held'),
    );
    // The side panel opened now: the same summary, not "no session was recorded".
    const side = document.createElement('div');
    document.body.append(side);
    await act(() => {
      render(
        <MeetPanel
          context={meetContext({ title: 'Alice / Bob', state: 'ended', others: [], trackable: null, link })}
        />,
        side,
      );
    });
    await vi.waitFor(() => expect(side.querySelector('[data-testid="session-with"]')).not.toBeNull());
    expect(side.querySelector('[data-testid="session-error"]')).toBeNull();
    await act(() => render(null, side));
    side.remove();
  });

  it('back in the room alone after the end (judged a new call): the held session is not restarted', async () => {
    const relationship = await bobsOneOnOne();
    const link = linkTo(relationship.id);
    await bobsCall({ ...link, seen: true }, ['Bob Jones']);
    await waitFor('session-with');
    await bobsCall({ ...link, seen: true }, [], 'ended');
    await vi.waitFor(async () =>
      expect((await runningSessionOfCall(relationship.id, CODE))?.status).toBe('held'),
    );
    await bobsCall(link, []);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await runningSessionOfCall(relationship.id, CODE))?.status).toBe('held');
    // It says so, above the held session, and can continue now (Bob on a dial-in).
    await vi.waitFor(() =>
      expect(q('session-waiting')?.textContent).toContain('Waiting for Bob Jones to join'),
    );
    expect(q('session-start-now')?.textContent).toBe('Continue now');
    // Bob joins: it continues.
    await bobsCall({ ...link, seen: true }, ['Bob Jones']);
    await vi.waitFor(async () =>
      expect((await runningSessionOfCall(relationship.id, CODE))?.status).not.toBe('held'),
    );
  });
});

describe('MeetPanel: continuing a held session now', () => {
  it('"Continue now" above the held session continues it without waiting for the person', async () => {
    const bob = await createPerson({ name: 'Bob Jones', emails: [], relation: 'report' });
    const relationship = await createRelationship({
      personIds: [bob.id],
      kind: 'one-on-one',
      title: 'Alice / Bob',
      meetCodes: [CODE],
    });
    const link = { relationshipId: relationship.id, via: 'meet-code' as const };
    const seenLink = { ...link, seen: true as const };
    await bobsCall(seenLink, ['Bob Jones']);
    await waitFor('session-with');
    await bobsCall(seenLink, [], 'ended');
    await vi.waitFor(async () =>
      expect((await runningSessionOfCall(relationship.id, CODE))?.status).toBe('held'),
    );
    await bobsCall(link, ['Dial-in 1']);
    await click(await waitFor('session-start-now'));
    await vi.waitFor(async () =>
      expect((await runningSessionOfCall(relationship.id, CODE))?.status).not.toBe('held'),
    );
    await vi.waitFor(() => expect(q('session-waiting')).toBeNull());
  });
});

describe('MeetPanel: the same call in two tabs', () => {
  it('a tab whose call ended while another tab is still in it does not end the session', async () => {
    const relationship = await bobsOneOnOne();
    const link = { relationshipId: relationship.id, via: 'meet-code' as const, chosen: true as const };
    await bobsCall(link, ['Bob Jones']);
    await vi.waitFor(async () => expect(await runningSessionOfCall(relationship.id, CODE)).toBeDefined());
    await waitFor('session-with');
    // This tab left (companion mode closed); the background says the call goes on in another tab.
    await show(
      meetContext({
        title: 'Alice / Bob',
        state: 'ended',
        others: [],
        trackable: null,
        link,
        goesOnElsewhere: true,
      }),
    );
    // Give an end a chance to land: the session stays live, and its notes stay on screen.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const session = await runningSessionOfCall(relationship.id, CODE);
    expect(session).toMatchObject({ status: 'upcoming', live: { endedAt: null } });
    expect(q('session-panel')?.getAttribute('data-session-status')).toBe('upcoming');
  });
});

describe('PanelBody: another meeting in the same tab', () => {
  it('starts clean: a link being corrected in the last call does not show its chooser in the next green room', async () => {
    const relationship = await bobsOneOnOne();
    const link = { relationshipId: relationship.id, via: 'title' as const, chosen: true as const };
    const body = (context: MeetContext) =>
      act(() => {
        render(<PanelBody state={{ status: 'ready', context }} place="in-page" />, container());
      });
    await body(meetContext({ title: 'Alice / Bob', others: ['Bob Jones'], trackable: null, link }));
    await click(await waitFor('meet-correct-link'));
    await waitFor('meet-link-chooser');
    await body(
      meetContext({
        meetingCode: 'xyz-wxyz-xyz',
        title: 'Planning',
        state: 'prejoin',
        others: [],
        trackable: null,
      }),
    );
    await waitFor('panel-meet-idle');
    expect(q('meet-link-chooser')).toBeNull();
  });
});

describe('MeetPanel: linking a call to one of my 1:1s', () => {
  it('names each 1:1 by its people and title, so two with the same person read apart', async () => {
    const bob = await createPerson({ name: 'Bob Jones', emails: [], relation: 'report' });
    await createRelationship({ personIds: [bob.id], kind: 'one-on-one', title: 'Alice / Bob' });
    await createRelationship({ personIds: [bob.id], kind: 'career', title: 'Bob career' });
    await show(meetContext({ title: 'Sync', others: ['Dana Lee'], trackable: 'Dana Lee' }));
    const select = await waitFor('meet-link-select');
    const labels = [...select.querySelectorAll('option')].slice(1).map((o) => o.textContent);
    expect(labels.sort()).toEqual(['Bob Jones — Alice / Bob', 'Bob Jones — Bob career']);
  });
});
