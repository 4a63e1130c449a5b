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
