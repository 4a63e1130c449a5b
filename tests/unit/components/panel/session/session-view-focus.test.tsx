/**
 * Keyboard focus as a session in person changes view under the button pressed: "Start session" (the
 * session's heading), "End session" (the summary's lead), "Show notes" (the heading), "Back to summary"
 * (the lead) and the summary's "Done" (back to "Start session"), never the page's body.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CalendarPanel } from '@/components/panel/calendar/CalendarPanel';
import type { CalendarContext } from '@/components/panel/calendar/view-types';
import { createPerson, createRelationship } from '@/lib/db';
import { useRenderContainer } from '../../../helpers/dom-container';

const SERIES = 'bobseries1234';
const BOB_EMAIL = 'bob@acme.example';
const CAROL_EMAIL = 'carol@acme.example';

const context: CalendarContext = {
  surface: 'calendar',
  dataEventId: 'Ym9ic2VyaWVz',
  eventKey: `${SERIES}_20260323T170000Z`,
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
};

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});
const container = useRenderContainer();
const q = (testId: string) => container().querySelector<HTMLElement>(`[data-testid="${testId}"]`);

async function press(testId: string) {
  await vi.waitFor(() => expect(q(testId)).not.toBeNull(), { timeout: 5000 });
  q(testId)!.focus();
  await act(async () => q(testId)!.click());
}
const focused = (find: () => Element | null | undefined) =>
  vi.waitFor(
    () => {
      const target = find();
      expect(target).toBeTruthy();
      expect(document.activeElement).toBe(target);
    },
    { timeout: 5000 },
  );
const lead = () => q('session-summary')?.querySelector('.ses-summary-lead');

describe('session views keep keyboard focus (in person, from the Calendar panel)', () => {
  it('Start session → heading; End → summary; Show notes → heading; Back → summary; Done → Start session', async () => {
    const bob = await createPerson({ name: 'Bob Jones', emails: [BOB_EMAIL], relation: 'report' });
    await createRelationship({
      personIds: [bob.id],
      kind: 'one-on-one',
      title: 'Alice / Bob',
      cadenceDays: 14,
      calendarSeriesIds: [SERIES],
    });
    await act(() => {
      render(<CalendarPanel context={context} onChanged={() => undefined} />, container());
    });

    await press('start-session');
    await focused(() => q('session-with'));

    await press('session-end');
    await vi.waitFor(() => expect(q('session-summary')).not.toBeNull(), { timeout: 5000 });
    await focused(lead);

    await press('summary-show-notes');
    await focused(() => q('session-with'));
    expect(q('session-summary')).toBeNull();

    await press('session-back-summary');
    await focused(lead);

    const done = [...q('session-summary')!.querySelectorAll('button')].find((b) => b.textContent === 'Done')!;
    done.focus();
    await act(async () => done.click());
    await focused(() => q('start-session'));
  }, 20_000);
});

describe('session views move focus only once, for the action that asked', () => {
  async function bobsOneOnOne() {
    const bob = await createPerson({ name: 'Bob Jones', emails: [BOB_EMAIL], relation: 'report' });
    return createRelationship({
      personIds: [bob.id],
      kind: 'one-on-one',
      title: 'Alice / Bob',
      cadenceDays: 14,
      calendarSeriesIds: [SERIES],
    });
  }

  it('"Start session" with no session for the event yet: focus on the heading once, not again later', async () => {
    await bobsOneOnOne();
    await act(() => {
      render(<CalendarPanel context={context} onChanged={() => undefined} />, container());
    });
    await press('start-session');
    await focused(() => q('session-with'));
    const box = document.createElement('input');
    document.body.append(box);
    box.focus();
    // The event's session, created by the start, reaches the panel (its id in the target) and settles.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(q('session-with')).not.toBeNull();
    expect(document.activeElement).toBe(box);
    box.remove();
  });

  it('the session drawn again for the 1:1 the guests show (read later) leaves focus where the user is', async () => {
    await bobsOneOnOne();
    const carol = await createPerson({ name: 'Carol Diaz', emails: [CAROL_EMAIL], relation: 'report' });
    await createRelationship({
      personIds: [carol.id],
      kind: 'one-on-one',
      title: 'Alice / Carol',
      cadenceDays: 14,
    });
    await act(() => {
      render(<CalendarPanel context={context} onChanged={() => undefined} />, container());
    });
    await press('start-session');
    await focused(() => q('session-with'));
    const box = document.createElement('input');
    document.body.append(box);
    box.focus();
    // The guests read later: Carol in Bob's slot. The panel shows her 1:1, its session panel drawn anew.
    await act(() => {
      render(
        <CalendarPanel
          context={{ ...context, guests: [{ email: CAROL_EMAIL, name: 'Carol Diaz' }] }}
          onChanged={() => undefined}
        />,
        container(),
      );
    });
    await vi.waitFor(() => expect(q('session-with')?.textContent).toBe('Carol Diaz'), { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(document.activeElement).toBe(box);
    box.remove();
  });
});
