/**
 * Session mode keeps every note of the session within reach, and "End session" never hides text that is
 * not saved: notes written beside the Calendar event ('general') or under a template switched away from are
 * shown and editable in the live panel and in the summary; an End with unsaved notes does not end.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { SessionPanel } from '@/components/panel/session/SessionPanel';
import {
  addAgreement,
  createPerson,
  createRelationship,
  deleteCustomTemplate,
  saveCustomTemplate,
  switchSessionTemplate,
  getSession,
  markSessionHeld,
  renegotiateAgreement,
  saveSectionNotes,
  startLiveSession,
} from '@/lib/db';
import { MAX_LONG_TEXT } from '@/lib/domain/model';
import { useRenderContainer } from '../../../helpers/dom-container';

const container = useRenderContainer();

async function bobsSession() {
  const person = await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
  const relationship = await createRelationship({
    personIds: [person.id],
    kind: 'one-on-one',
    title: 'Alice / Bob',
  });
  const session = await startLiveSession({ relationshipId: relationship.id, meetCode: 'abc-defg-hij' });
  return { relationship, session };
}

async function renderPanel(relationshipId: string, mode: 'call' | 'in-person' = 'in-person') {
  await act(() =>
    render(
      <SessionPanel
        target={{ relationshipId, meetCode: 'abc-defg-hij', calendarEventId: null }}
        mode={mode}
      />,
      container(),
    ),
  );
  await vi.waitFor(() => expect(container().querySelector('[data-testid=session-with]')).not.toBeNull(), {
    timeout: 5000,
  });
}

const q = <T extends Element = HTMLElement>(selector: string) => container().querySelector<T>(selector);

/** The call's panel after the call ended: its session's summary. */
async function renderEndedCall(relationshipId: string) {
  await act(() =>
    render(
      <SessionPanel
        target={{ relationshipId, meetCode: 'abc-defg-hij', calendarEventId: null, startIfMissing: false }}
        mode="call"
        callEnded
      />,
      container(),
    ),
  );
}

/** A custom template of mine, and a notes section of it. */
const CUSTOM = { name: 'Mine', method: 'custom' as const, description: '' };
const section = (id: string, title: string) => ({
  id,
  title,
  minutes: 5,
  prompts: [],
  kind: 'notes' as const,
});

async function type(field: HTMLTextAreaElement, text: string) {
  await act(() => {
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('notes outside the template', () => {
  it('"Notes" written beside the Calendar event and a section of another template are shown and editable', async () => {
    const { relationship, session } = await bobsSession();
    await saveSectionNotes(session.id, 'general', 'Prep: ask about the offsite');
    // A section no template has any more: its title is made from its id.
    await saveSectionNotes(session.id, 'retired-section', 'Written under a template since replaced');
    await renderPanel(relationship.id);

    await vi.waitFor(() => expect(q('[data-testid=session-other-notes]')).not.toBeNull());
    const general = q<HTMLTextAreaElement>('[data-testid=other-notes][data-field=general]')!;
    expect(general.value).toBe('Prep: ask about the offsite');
    expect(container().querySelector(`label[for="${general.id}"]`)?.textContent).toBe('Notes');
    const retired = q<HTMLTextAreaElement>('[data-testid=other-notes][data-field=retired-section]')!;
    expect(retired.value).toBe('Written under a template since replaced');
    expect(container().querySelector(`label[for="${retired.id}"]`)?.textContent).toBe('Retired section');

    await type(general, 'Prep: ask about the offsite and the budget');
    await vi.waitFor(
      async () =>
        expect((await getSession(session.id))?.notes.general).toBe(
          'Prep: ask about the offsite and the budget',
        ),
      { timeout: 5000 },
    );
    // Emptied while typing, the field stays where it is.
    await type(general, '');
    expect(q('[data-testid=other-notes][data-field=general]')).not.toBeNull();
  });

  it('a section’s notes box says what it is for (its title is above it, not a label of its own)', async () => {
    const { relationship } = await bobsSession();
    await renderPanel(relationship.id);
    const box = await vi.waitFor(() => q<HTMLTextAreaElement>('[data-testid=section-notes]')!);
    expect(box.placeholder).toBe('Notes for this section…');
    expect(q<HTMLTextAreaElement>('[data-testid=private-notes]')!.placeholder).toBe('');
  });

  it('a conflict on one of them is headed with its section’s title', async () => {
    const { relationship, session } = await bobsSession();
    // 'catch-up' is a section of the built-in Peer 1:1 template, not of this session's.
    await saveSectionNotes(session.id, 'catch-up', 'Talked about the offsite');
    await renderPanel(relationship.id);
    const field = await vi.waitFor(() =>
      q<HTMLTextAreaElement>('[data-testid=other-notes][data-field=catch-up]')!,
    );
    await type(field, 'Talked about the offsite and the budget');
    await saveSectionNotes(session.id, 'catch-up', 'Changed in another window');
    await vi.waitFor(() => expect(q('[data-testid=notes-conflict]')).not.toBeNull(), { timeout: 5000 });
    expect(q('[data-testid=notes-conflict] strong')?.textContent).toBe(
      '“Catch-up” was also changed in another window.',
    );
  });

  it('a retired template’s notes keep its titles, and it is no longer offered', async () => {
    const { relationship, session } = await bobsSession();
    const wins = { id: 'wins-1', title: 'Wins', minutes: 5, prompts: [], kind: 'notes' as const };
    const mine = await saveCustomTemplate({
      name: 'Mine',
      method: 'custom',
      description: '',
      sections: [wins],
    });
    await switchSessionTemplate(session.id, mine.id);
    await saveSectionNotes(session.id, 'wins-1', 'Shipped the importer');
    await switchSessionTemplate(session.id, 'builtin:your-session');
    await deleteCustomTemplate(mine.id);
    await renderPanel(relationship.id);
    const field = await vi.waitFor(() =>
      q<HTMLTextAreaElement>('[data-testid=other-notes][data-field=wins-1]')!,
    );
    expect(container().querySelector(`label[for="${field.id}"]`)?.textContent).toBe('Wins');
    const offered = [...container().querySelectorAll('[data-testid=session-template] option')].map(
      (o) => (o as HTMLOptionElement).value,
    );
    expect(offered).not.toContain(mine.id);
    expect(offered).toContain('builtin:your-session');
  });

  it('a section removed from the template since keeps the title it had', async () => {
    const { relationship, session } = await bobsSession();
    const wins = section('section-x7k2q9', 'Wins');
    const next = section('section-p3m8r1', 'Next steps');
    const mine = await saveCustomTemplate({ ...CUSTOM, sections: [wins, next] });
    await switchSessionTemplate(session.id, mine.id);
    await saveSectionNotes(session.id, wins.id, 'Shipped the importer');
    // "Wins" is taken out of the template; the session's notes under it stay.
    await saveCustomTemplate({ ...CUSTOM, id: mine.id, sections: [next] });
    await renderPanel(relationship.id);
    const field = await vi.waitFor(() =>
      q<HTMLTextAreaElement>(`[data-testid=other-notes][data-field=${wins.id}]`)!,
    );
    expect(container().querySelector(`label[for="${field.id}"]`)?.textContent).toBe('Wins');
    expect(field.value).toBe('Shipped the importer');
  });

  it('the summary lists them after the template’s sections', async () => {
    const { relationship, session } = await bobsSession();
    await saveSectionNotes(session.id, 'how-are-you', 'Fine, busy');
    await saveSectionNotes(session.id, 'general', 'Prep: ask about the offsite');
    await markSessionHeld(session.id);
    // The call's panel after the call ended: its session's summary.
    await renderEndedCall(relationship.id);
    await vi.waitFor(() => expect(q('[data-testid=session-summary]')).not.toBeNull());
    const sections = [...container().querySelectorAll('[data-testid=summary-section]')].map((s) => [
      s.querySelector('h3')?.textContent,
      s.querySelector('p')?.textContent,
    ]);
    expect(sections).toEqual([
      ['How are you really doing?', 'Fine, busy'],
      ['Notes', 'Prep: ask about the offsite'],
    ]);
  });

  it('the summary lists an earlier agreement given a new date in the session', async () => {
    const { relationship, session } = await bobsSession();
    const draft = await addAgreement(relationship.id, {
      owner: 'them',
      text: 'Send the draft',
      dueDate: '2026-03-20',
    });
    await renegotiateAgreement(draft.id, '2099-03-01', '', { sessionId: session.id });
    await markSessionHeld(session.id);
    await renderEndedCall(relationship.id);
    await vi.waitFor(() => expect(q('[data-testid=summary-moved]')).not.toBeNull());
    expect(q('[data-testid=summary-moved]')!.textContent).toContain('Send the draft');
  });
});

describe('"End session" with notes not saved', () => {
  it('does not end: the text stays on screen with why, and the session stays live', async () => {
    const { relationship, session } = await bobsSession();
    await renderPanel(relationship.id);
    const field = q<HTMLTextAreaElement>('[data-testid=section-notes][data-field=how-are-you]')!;
    await type(field, 'x'.repeat(MAX_LONG_TEXT + 1));
    await act(() => q<HTMLButtonElement>('[data-testid=session-end]')!.click());
    await vi.waitFor(() =>
      expect(q('[data-testid=session-action-error]')?.textContent).toBe(
        'Some notes are not saved yet (see below). Nothing is lost: sort that out, then end the session.',
      ),
    );
    expect((await getSession(session.id))?.status).not.toBe('held');
    expect(q('[data-testid=session-summary]')).toBeNull();
    expect(q<HTMLTextAreaElement>('[data-field=how-are-you]')?.value).toHaveLength(MAX_LONG_TEXT + 1);

    // Once the note is acceptable, End ends.
    await type(field, 'Fine, busy');
    await act(() => q<HTMLButtonElement>('[data-testid=session-end]')!.click());
    await vi.waitFor(async () => expect((await getSession(session.id))?.status).toBe('held'), {
      timeout: 5000,
    });
    expect((await getSession(session.id))?.notes['how-are-you']).toBe('Fine, busy');
  });

  it('a call that ends with notes not saved shows the notes and why, not a clean summary', async () => {
    const { relationship, session } = await bobsSession();
    await renderPanel(relationship.id, 'call');
    const field = q<HTMLTextAreaElement>('[data-testid=section-notes][data-field=how-are-you]')!;
    await type(field, 'x'.repeat(MAX_LONG_TEXT + 1));
    await act(() =>
      render(
        <SessionPanel
          target={{ relationshipId: relationship.id, meetCode: 'abc-defg-hij', calendarEventId: null }}
          mode="call"
          callEnded
        />,
        container(),
      ),
    );
    await vi.waitFor(() =>
      expect(q('[data-testid=session-action-error]')?.textContent).toContain(
        'The call ended, but some notes are not saved yet.',
      ),
    );
    expect((await getSession(session.id))?.status).toBe('held');
    expect(q('[data-testid=session-summary]')).toBeNull();
    expect(q<HTMLTextAreaElement>('[data-field=how-are-you]')?.value).toHaveLength(MAX_LONG_TEXT + 1);
  });
});

describe('the template edited during the call', () => {
  it('the timer stays on its section by id, titled, and the same section is marked current', async () => {
    const { relationship, session } = await bobsSession();
    const mine = await saveCustomTemplate({
      ...CUSTOM,
      sections: [section('s-a', 'Alpha'), section('s-b', 'Bravo'), section('s-c', 'Charlie')],
    });
    await switchSessionTemplate(session.id, mine.id);
    await renderPanel(relationship.id);
    await act(() => q<HTMLButtonElement>('[data-testid=timer-next]')!.click());
    await vi.waitFor(() => expect(q('[data-testid=timer-section]')?.textContent).toBe('Bravo'));
    // Meanwhile, on the options page: Bravo is removed and Zulu put first.
    await act(() =>
      saveCustomTemplate({
        ...CUSTOM,
        id: mine.id,
        sections: [section('s-z', 'Zulu'), section('s-a', 'Alpha'), section('s-c', 'Charlie')],
      }).then(() => undefined),
    );
    await vi.waitFor(() =>
      expect(
        [...container().querySelectorAll('.ses-section .cal-section-title')].map((h) => h.textContent),
      ).toContain('Zulu'),
    );
    expect(q('[data-testid=timer-section]')?.textContent).toBe('Bravo');
    // No section of the new order is marked as the timer's (it is on Bravo, which the template no longer has).
    expect(container().querySelectorAll('.ses-current')).toHaveLength(0);
    expect(container().textContent).toContain('2 of 3');
  });
});
