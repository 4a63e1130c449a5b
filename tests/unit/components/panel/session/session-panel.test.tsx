/**
 * The live session panel renders everything users and Google pages can put into it (names, titles,
 * notes, agreements) as inert text — SECURITY.md item 7 — and hides note contents while presenting.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { SessionPanel } from '@/components/panel/session/SessionPanel';
import {
  addAgreement,
  createPerson,
  createRelationship,
  getDatabase,
  prepareSession,
  saveSectionNotes,
  startLiveSession,
} from '@/lib/db';
import { useRenderContainer } from '../../../helpers/dom-container';

const XSS = '<img src=x onerror=alert(1)>';
const RTL = '\u202Eevil.exe\u202C שלום مرحبا';
const EMOJI = '👩🏽‍💻🚀';
const LONG = 'x'.repeat(10_000);
const container = useRenderContainer();

async function hostileSession() {
  const person = await createPerson({ name: `${XSS} ${RTL} ${EMOJI}`, emails: [], relation: 'report' });
  const relationship = await createRelationship({
    personIds: [person.id],
    kind: 'one-on-one',
    title: `${XSS} 1:1`,
  });
  const session = await startLiveSession({ relationshipId: relationship.id, meetCode: 'abc-defg-hij' });
  await saveSectionNotes(session.id, 'how-are-you', `${XSS}\n${LONG}`);
  await addAgreement(relationship.id, {
    owner: 'them',
    text: `${XSS} ${EMOJI}`,
    dueDate: null,
    sessionId: session.id,
  });
  return relationship;
}

async function renderPanel(relationshipId: string, presenting = false) {
  await act(() =>
    render(
      <SessionPanel
        target={{ relationshipId, meetCode: 'abc-defg-hij', calendarEventId: null }}
        mode="call"
        presenting={presenting}
      />,
      container(),
    ),
  );
  await vi.waitFor(() => expect(container().querySelector('[data-testid=session-with]')).not.toBeNull(), {
    timeout: 5000,
  });
}

describe('SessionPanel with hostile text', () => {
  it('shows names, notes and agreements as text: no element is created from them', async () => {
    const relationship = await hostileSession();
    await renderPanel(relationship.id);
    await vi.waitFor(() =>
      expect(container().querySelectorAll('[data-testid=made-agreement]').length).toBe(1),
    );
    expect(container().querySelector('img')).toBeNull();
    expect(container().querySelector('[onerror]')).toBeNull();
    expect(container().querySelector('[data-testid=session-with]')?.textContent).toContain(XSS);
    expect(container().querySelector('[data-testid=session-with]')?.textContent).toContain(RTL);
    const notes = container().querySelector<HTMLTextAreaElement>('[data-field=how-are-you]');
    expect(notes?.value).toBe(`${XSS}\n${LONG}`);
    expect(container().querySelector('[data-testid=made-text]')?.textContent).toBe(`${XSS} ${EMOJI}`);
  });

  it('while presenting, no note or agreement text is in the panel at all', async () => {
    const relationship = await hostileSession();
    await renderPanel(relationship.id, true);
    expect(container().querySelector('[data-testid=presenting-strip]')).not.toBeNull();
    expect(container().querySelector('textarea')).toBeNull();
    expect(container().textContent).not.toContain(LONG);
    // The agreement's text (the header still says who the 1:1 is with).
    expect(container().textContent).not.toContain(`${XSS} ${EMOJI}`);
    expect(container().querySelector('[data-testid=made-agreement]')).toBeNull();
  });
});

describe('SessionPanel agenda', () => {
  it("a point added to the agenda on screen is that session's, even when another one of the 1:1 is next", async () => {
    const relationship = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Alice / Bob',
    });
    const DAY = 86_400_000;
    // Next week's 1:1 is already planned; last week's Calendar event is opened and started in person.
    const { session: nextWeek } = await prepareSession({
      relationshipId: relationship.id,
      scheduledAt: Date.now() + 7 * DAY,
    });
    await act(() =>
      render(
        <SessionPanel
          target={{
            relationshipId: relationship.id,
            meetCode: null,
            calendarEventId: 'evt_last_week',
            scheduledAt: Date.now() - 7 * DAY,
          }}
          mode="in-person"
          presenting={false}
        />,
        container(),
      ),
    );
    const input = await vi.waitFor(() => {
      const found = container().querySelector<HTMLInputElement>('[data-testid=agenda-add-input]');
      expect(found).not.toBeNull();
      return found!;
    });
    await act(() => {
      input.value = 'Raised just now';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      input.form!.requestSubmit();
    });
    await vi.waitFor(() =>
      expect(
        [...container().querySelectorAll('[data-testid=agenda-item]')].map((item) => item.textContent),
      ).toEqual([expect.stringContaining('Raised just now')]),
    );
    const [point] = await getDatabase().talkingPoints.toArray();
    expect(point?.sessionId).not.toBe(nextWeek.id);
    expect((await getDatabase().sessions.get(point!.sessionId!))?.calendarEventId).toBe('evt_last_week');
  });
});

describe('SessionPanel in a call: ending, rejoining, and what is being typed', () => {
  const CODE = 'abc-defg-hij';
  async function bobsSession() {
    const person = await createPerson({
      name: 'Bob Jones',
      emails: ['bob@acme.example'],
      relation: 'report',
    });
    const relationship = await createRelationship({
      personIds: [person.id],
      kind: 'one-on-one',
      title: 'Alice / Bob',
    });
    const session = await startLiveSession({ relationshipId: relationship.id, meetCode: CODE });
    return { relationship, session };
  }
  const panelFor = (relationshipId: string, props: { callEnded?: boolean; presenting?: boolean } = {}) => (
    <SessionPanel target={{ relationshipId, meetCode: CODE, calendarEventId: null }} mode="call" {...props} />
  );
  const show = (element: preact.JSX.Element, into: Element = container()) => act(() => render(element, into));
  const q = <T extends Element = HTMLElement>(selector: string, root: ParentNode = container()) =>
    root.querySelector<T>(selector);
  const statusOf = async (id: string) => (await getDatabase().sessions.get(id))?.status;
  const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 600)));
  async function typeInto(input: HTMLInputElement | HTMLTextAreaElement, text: string) {
    await act(() => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  it('"End session now" during the call ends it, and it stays ended', async () => {
    const { relationship, session } = await bobsSession();
    await show(panelFor(relationship.id));
    await vi.waitFor(() => expect(q('[data-testid=session-end]')).not.toBeNull(), { timeout: 5000 });
    await act(() => q<HTMLButtonElement>('[data-testid=session-end]')!.click());
    await vi.waitFor(async () => expect(await statusOf(session.id)).toBe('held'));
    await settle();
    expect(await statusOf(session.id)).toBe('held');
    await vi.waitFor(() => expect(q('[data-testid=session-panel]')?.dataset.sessionStatus).toBe('held'));
    // The panel opens again in the same call (a reload, the side panel): still ended.
    await show(<div />);
    await show(panelFor(relationship.id));
    await vi.waitFor(() => expect(q('[data-testid=session-panel]')?.dataset.sessionStatus).toBe('held'));
    await settle();
    expect(await statusOf(session.id)).toBe('held');
  });

  it('a rejoin of this call continues the session it ended', async () => {
    const { relationship, session } = await bobsSession();
    await show(panelFor(relationship.id));
    await vi.waitFor(() => expect(q('[data-testid=session-end]')).not.toBeNull(), { timeout: 5000 });
    await show(panelFor(relationship.id, { callEnded: true }));
    await vi.waitFor(async () => expect(await statusOf(session.id)).toBe('held'));
    await show(panelFor(relationship.id));
    await vi.waitFor(async () => expect(await statusOf(session.id)).toBe('upcoming'));
  });

  it('two tabs of one call: the one whose call ended ends the session once; the other does not reopen it', async () => {
    const { relationship, session } = await bobsSession();
    const [a, b] = [document.createElement('div'), document.createElement('div')];
    document.body.append(a, b);
    try {
      await show(panelFor(relationship.id), b);
      await vi.waitFor(() => expect(q('[data-testid=session-end]', b)).not.toBeNull(), { timeout: 5000 });
      await show(panelFor(relationship.id, { callEnded: true }), a);
      await vi.waitFor(async () => expect(await statusOf(session.id)).toBe('held'));
      const updated = (await getDatabase().sessions.get(session.id))!.updatedAt;
      await act(() => new Promise((resolve) => setTimeout(resolve, 1500)));
      expect((await getDatabase().sessions.get(session.id))!.updatedAt).toBe(updated);
      expect(await statusOf(session.id)).toBe('held');
    } finally {
      render(null, a);
      render(null, b);
      a.remove();
      b.remove();
    }
  });

  it('an agreement being typed survives presenting', async () => {
    const { relationship } = await bobsSession();
    await show(panelFor(relationship.id));
    await vi.waitFor(() => expect(q('[data-testid=capture-input]')).not.toBeNull(), { timeout: 5000 });
    await typeInto(q<HTMLInputElement>('[data-testid=capture-input]')!, 'Bob: send the deck by Friday');
    await show(panelFor(relationship.id, { presenting: true }));
    expect(q('[data-testid=capture-input]')).toBeNull();
    await show(panelFor(relationship.id));
    await vi.waitFor(() => expect(q('[data-testid=capture-input]')).not.toBeNull());
    expect(q<HTMLInputElement>('[data-testid=capture-input]')!.value).toBe('Bob: send the deck by Friday');
  });

  it('the call ending while an agreement is typed keeps it on screen, with why, instead of the summary', async () => {
    const { relationship, session } = await bobsSession();
    await show(panelFor(relationship.id));
    await vi.waitFor(() => expect(q('[data-testid=capture-input]')).not.toBeNull(), { timeout: 5000 });
    await typeInto(q<HTMLInputElement>('[data-testid=capture-input]')!, 'Bob: send the deck by Friday');
    await show(panelFor(relationship.id, { callEnded: true }));
    await vi.waitFor(async () => expect(await statusOf(session.id)).toBe('held'));
    await vi.waitFor(() =>
      expect(q('[data-testid=session-action-error]')?.textContent).toContain('while you were typing'),
    );
    expect(q<HTMLInputElement>('[data-testid=capture-input]')!.value).toBe('Bob: send the deck by Friday');
  });

  it('a draft in a box the template no longer has does not hold up the end', async () => {
    const { relationship, session } = await bobsSession();
    await show(panelFor(relationship.id));
    await vi.waitFor(() => expect(q('[data-testid=feedback-text]')).not.toBeNull(), { timeout: 5000 });
    await typeInto(q<HTMLTextAreaElement>('[data-testid=feedback-text]')!, 'Great demo');
    const select = q<HTMLSelectElement>('[data-testid=session-template]')!;
    await act(() => {
      select.value = 'builtin:growth-performance';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(q('[data-testid=feedback-text]')).toBeNull());
    await act(() => q<HTMLButtonElement>('[data-testid=session-end]')!.click());
    await vi.waitFor(async () => expect(await statusOf(session.id)).toBe('held'));
  });

  it('an agenda point being typed when the call ends stays on screen to add or clear', async () => {
    const { relationship, session } = await bobsSession();
    await show(panelFor(relationship.id));
    await vi.waitFor(() => expect(q('[data-testid=agenda-add-input]')).not.toBeNull(), { timeout: 5000 });
    await typeInto(q<HTMLInputElement>('[data-testid=agenda-add-input]')!, 'Offsite budget');
    await show(panelFor(relationship.id, { callEnded: true }));
    await vi.waitFor(async () => expect(await statusOf(session.id)).toBe('held'));
    await vi.waitFor(() =>
      expect(q('[data-testid=session-action-error]')?.textContent).toContain('while you were typing'),
    );
    expect(q<HTMLInputElement>('[data-testid=agenda-add-input]')!.value).toBe('Offsite budget');
  });

  it('"End session now" waits for an agreement still being typed', async () => {
    const { relationship, session } = await bobsSession();
    await show(panelFor(relationship.id));
    await vi.waitFor(() => expect(q('[data-testid=capture-input]')).not.toBeNull(), { timeout: 5000 });
    await typeInto(q<HTMLInputElement>('[data-testid=capture-input]')!, 'Bob: send the deck');
    await act(() => q<HTMLButtonElement>('[data-testid=session-end]')!.click());
    expect(q('[data-testid=session-action-error]')?.textContent).toContain('still typing');
    await settle();
    expect(await statusOf(session.id)).toBe('upcoming');
  });
});
