import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgreementGroups } from '@/components/popup/AgreementGroups';
import { FilterBar } from '@/components/popup/FilterBar';
import { popupActions } from '@/components/popup/popup-actions';
import { QuickPoint } from '@/components/popup/QuickPoint';
import { journalClearAll } from '@/components/shared/note-journal';
import { UPCOMING_FOLDED, UpcomingList } from '@/components/popup/UpcomingList';
import type { PopupView } from '@/lib/db';
import type { AgreementFilter } from '@/lib/domain/agreements';
import { startTimer } from '@/lib/domain/session-timer';
import {
  agreement,
  BOB,
  byLabel,
  CAROL,
  click,
  fakeActions,
  key,
  q,
  qa,
  text,
  type,
  upcoming,
  view,
} from './popup-fixtures';
import { useRenderContainer } from '../../helpers/dom-container';

const XSS = '<img src=x onerror=alert(1)>';

let search: HTMLInputElement;

// Registered before the container: the field comes first in the page and goes after the unmount.
beforeEach(() => {
  // The popup's search field, where focus returns after "done".
  search = document.createElement('input');
  search.id = 'popup-search-input';
  document.body.append(search);
});
afterEach(() => {
  search.remove();
});

const container = useRenderContainer();

async function show(node: ComponentChild) {
  await act(() => {
    render(node, container());
  });
}

describe('FilterBar', () => {
  const counts: Record<AgreementFilter, number> = {
    'all-open': 120,
    mine: 4,
    theirs: 99,
    overdue: 2,
    'due-this-week': 0,
  };

  it('shows every filter with its count, the selected one checked, "99+" at the cap', async () => {
    await show(<FilterBar filter="mine" counts={counts} onChange={() => undefined} />);
    const radios = qa<HTMLInputElement>('popup-filter-all-open')
      .concat(qa('popup-filter-mine'), qa('popup-filter-theirs'), qa('popup-filter-overdue'))
      .concat(qa('popup-filter-due-this-week'));
    expect(radios.map((r) => r.value)).toEqual(['all-open', 'mine', 'theirs', 'overdue', 'due-this-week']);
    expect(radios.map((r) => r.checked)).toEqual([false, true, false, false, false]);
    expect(radios.map((r) => r.closest('label')!.textContent)).toEqual([
      'All open99+',
      'Mine4',
      'Theirs99',
      'Overdue2',
      'This week0',
    ]);
    expect(q('popup-count-overdue')!.className).toContain('popup-count-alert');
    expect(q('popup-count-mine')!.className).not.toContain('popup-count-alert');
  });

  it('shows no counts while loading, and reports the filter picked', async () => {
    const onChange = vi.fn();
    await show(<FilterBar filter="all-open" counts={null} onChange={onChange} />);
    expect(q('popup-count-all-open')).toBeNull();
    await click(q('popup-filter-overdue'));
    expect(onChange).toHaveBeenCalledWith('overdue');
  });
});

describe('AgreementGroups', () => {
  const late = agreement('a-late', BOB.id, { owner: 'them', text: 'Send the plan', dueDate: '2026-03-20' });
  const soon = agreement('a-soon', BOB.id, { owner: 'me', text: 'Book the room', dueDate: '2026-03-27' });
  const named = agreement('a-named', CAROL.id, { owner: 'named', ownerName: 'Erin', text: 'Intro to Erin' });
  const groupsView = (changes: Partial<PopupView> = {}) =>
    view({
      groups: [
        { relationship: BOB, agreements: [late, soon] },
        { relationship: CAROL, agreements: [named] },
      ],
      ...changes,
    });
  const props = (changes: Partial<Parameters<typeof AgreementGroups>[0]> = {}) => ({
    view: groupsView(),
    filter: 'all-open' as AgreementFilter,
    query: '',
    actions: fakeActions(),
    onOpen: vi.fn(),
    onAddPoint: vi.fn(),
    ...changes,
  });

  it('shows each person’s agreements with owner and due date, overdue ones marked', async () => {
    await show(<AgreementGroups {...props()} />);
    expect(text('popup-agreements', container())?.startsWith('Agreements')).toBe(true);
    expect(qa('popup-group-name').map((el) => el.textContent)).toEqual(['Bob Jones', 'Carol King']);
    const items = qa('popup-agreement');
    expect(items.map((el) => text('popup-agreement-text', el))).toEqual([
      'Send the plan',
      'Book the room',
      'Intro to Erin',
    ]);
    const meta = items.map((el) => el.querySelector('.popup-item-meta')!);
    expect(meta[0]!.textContent).toMatch(/^Bob Jonesoverdue since /);
    expect(meta[0]!.querySelector('.popup-overdue')).not.toBeNull();
    expect(meta[1]!.textContent).toMatch(/^Medue /);
    expect(meta[1]!.querySelector('.popup-overdue')).toBeNull();
    expect(meta[2]!.textContent).toBe('Erin');
    // The checkbox is described by the meta line.
    expect(q('popup-done', items[0])!.getAttribute('aria-describedby')).toBe(meta[0]!.id);
    expect(q('popup-more')).toBeNull();
  });

  it('an archived 1:1 keeps its open agreements on show but offers no "+ Point"', async () => {
    const archivedBob = { ...BOB, archived: true };
    await show(
      <AgreementGroups
        {...props({ view: groupsView({ groups: [{ relationship: archivedBob, agreements: [late] }] }) })}
      />,
    );
    expect(qa('popup-agreement')).toHaveLength(1);
    expect(byLabel('Add a talking point for Bob Jones', container())).toBeFalsy();
    expect(byLabel('Open the 1:1 with Bob Jones', container())).toBeTruthy();
  });

  it('renders hostile names and texts as inert text', async () => {
    const hostile = { ...BOB, name: XSS };
    await show(
      <AgreementGroups
        {...props({
          view: view({ groups: [{ relationship: hostile, agreements: [{ ...late, text: XSS }] }] }),
        })}
      />,
    );
    expect(container().querySelectorAll('img')).toHaveLength(0);
    expect(text('popup-group-name')).toBe(XSS);
    expect(text('popup-agreement-text')).toBe(XSS);
  });

  it('ticking "done" closes the agreement, announces it with Undo and returns to the search', async () => {
    const p = props();
    await show(<AgreementGroups {...p} />);
    await click(qa('popup-done')[1]);
    await vi.waitFor(() => expect(text('popup-status')).toContain('Done: “Book the room”.'));
    expect(p.actions.done).toHaveBeenCalledWith('a-soon');
    expect(q('popup-status')!.getAttribute('aria-live')).toBe('polite');
    expect(text('popup-undo')).toBe('Undo');
    expect(document.activeElement).toBe(search);
    expect(q('popup-action-error')).toBeNull();

    q('popup-undo')!.focus();
    await click(q('popup-undo'));
    expect(p.actions.undoDone).toHaveBeenCalledWith('a-soon');
    await vi.waitFor(() => expect(q('popup-undo')).toBeNull());
    expect(text('popup-status')).toBe('');
    // Undo goes away with the announcement: focus goes back to the search, not to the page's body.
    expect(document.activeElement).toBe(search);
  });

  it('shows why "done" failed, announces nothing, and clears the message on the next success', async () => {
    const done = vi
      .fn<ReturnType<typeof fakeActions>['done']>()
      .mockResolvedValueOnce({ ok: false, message: 'Duet could not save.' })
      .mockResolvedValue({ ok: true });
    await show(<AgreementGroups {...props({ actions: fakeActions({ done }) })} />);
    await click(qa('popup-done')[0]);
    await vi.waitFor(() => expect(text('popup-action-error')).toBe('Duet could not save.'));
    expect(q('popup-action-error')!.getAttribute('role')).toBe('alert');
    expect(q('popup-undo')).toBeNull();

    await click(qa('popup-done')[0]);
    await vi.waitFor(() => expect(q('popup-undo')).not.toBeNull());
    expect(q('popup-action-error')).toBeNull();
  });

  it('a double click on "done" is one "done": the box stays ticked and disabled until the list drops it', async () => {
    let finish!: (result: { ok: true }) => void;
    const done = vi.fn<ReturnType<typeof fakeActions>['done']>(
      () => new Promise((resolve) => (finish = resolve)),
    );
    const p = props({ actions: fakeActions({ done }) });
    await show(<AgreementGroups {...p} />);
    const box = () => qa<HTMLInputElement>('popup-done')[1]!;
    // Both clicks before the first "done" is saved (no re-render in between).
    await act(() => {
      box().click();
      box().click();
    });
    expect(done).toHaveBeenCalledTimes(1);
    expect(box().disabled).toBe(true);
    expect(box().checked).toBe(true);
    await act(async () => finish({ ok: true }));
    await vi.waitFor(() => expect(q('popup-undo')).not.toBeNull());
    // Saved, the list not re-read yet: still one "done".
    expect(box().disabled).toBe(true);
    await click(box());
    expect(done).toHaveBeenCalledTimes(1);
    expect(q('popup-action-error')).toBeNull();

    // The list re-reads without it; should it come back (reopened elsewhere), it can be ticked again.
    const rest = groupsView({
      groups: [
        { relationship: BOB, agreements: [late] },
        { relationship: CAROL, agreements: [named] },
      ],
    });
    await show(<AgreementGroups {...p} view={rest} />);
    await show(<AgreementGroups {...p} view={groupsView()} />);
    expect(box().disabled).toBe(false);
    expect(box().checked).toBe(false);
  });

  it('a failed "done" unticks the box so it can be tried again', async () => {
    const actions = fakeActions({ done: async () => ({ ok: false, message: 'Duet could not save.' }) });
    await show(<AgreementGroups {...props({ actions })} />);
    await click(qa('popup-done')[0]);
    await vi.waitFor(() => expect(text('popup-action-error')).toBe('Duet could not save.'));
    expect(qa<HTMLInputElement>('popup-done')[0]!.disabled).toBe(false);
    expect(qa<HTMLInputElement>('popup-done')[0]!.checked).toBe(false);
  });

  it('shows why Undo failed and keeps the Undo offer', async () => {
    const actions = fakeActions({ undoDone: async () => ({ ok: false, message: 'Reopen failed.' }) });
    await show(<AgreementGroups {...props({ actions })} />);
    await click(qa('popup-done')[0]);
    await vi.waitFor(() => expect(q('popup-undo')).not.toBeNull());
    await click(q('popup-undo'));
    await vi.waitFor(() => expect(text('popup-action-error')).toBe('Reopen failed.'));
    expect(q('popup-undo')).not.toBeNull();
  });

  it('"+ Point" and "Open" act for that group’s person', async () => {
    const p = props();
    await show(<AgreementGroups {...p} />);
    await click(byLabel('Add a talking point for Carol King', container()));
    expect(p.onAddPoint).toHaveBeenCalledWith(CAROL.id);
    await click(byLabel('Open the 1:1 with Bob Jones', container()));
    expect(p.onOpen).toHaveBeenCalledWith(BOB.id);
    expect(qa('popup-open').map((b) => b.textContent)).toEqual(['Open', 'Open']);
  });

  it('arrow keys move between the done checkboxes', async () => {
    await show(<AgreementGroups {...props()} />);
    const boxes = qa('popup-done');
    boxes[0]!.focus();
    expect(await key(boxes[0], 'ArrowDown')).toBe(true);
    expect(document.activeElement).toBe(boxes[1]);
    await key(boxes[1], 'ArrowDown');
    expect(document.activeElement).toBe(boxes[2]);
    await key(boxes[2], 'ArrowUp');
    await key(boxes[1], 'ArrowUp');
    await key(boxes[0], 'ArrowUp');
    expect(document.activeElement).toBe(search);
  });

  it('says more matched than shown when the list is truncated', async () => {
    await show(<AgreementGroups {...props({ view: groupsView({ truncated: true }) })} />);
    expect(text('popup-more')).toBe('More agreements match: type more to narrow the list.');
  });

  it('says nothing of "more" on a first screen (cut on purpose; the complete view follows)', async () => {
    await show(<AgreementGroups {...props({ view: groupsView({ truncated: true, partial: true }) })} />);
    expect(q('popup-more')).toBeNull();
    expect(qa('popup-agreement').length).toBeGreaterThan(0);
  });

  it('has an empty state for no agreements, an empty filter, and a search with no results', async () => {
    await show(<AgreementGroups {...props({ view: view() })} />);
    expect(text('popup-agreements-empty')).toBe(
      'No open agreements. Agreements you make in a 1:1 show up here.',
    );
    const someOpen = view({ counts: { 'all-open': 2, mine: 2, theirs: 0, overdue: 0, 'due-this-week': 0 } });
    await show(<AgreementGroups {...props({ view: someOpen, filter: 'overdue' })} />);
    expect(text('popup-agreements-empty')).toBe('Nothing here right now.');
    // None open at all (the filter bar is gone then): that, whichever filter was left picked.
    await show(<AgreementGroups {...props({ view: view(), filter: 'overdue' })} />);
    expect(text('popup-agreements-empty')).toBe(
      'No open agreements. Agreements you make in a 1:1 show up here.',
    );
    await show(<AgreementGroups {...props({ view: view(), filter: 'overdue', query: '  budget  ' })} />);
    expect(text('popup-agreements-empty')).toBe('No open agreement matches “budget”.');
    expect(container().querySelector('h2')!.textContent).toBe('Matching agreements');
  });
});

describe('UpcomingList', () => {
  const at = new Date(2026, 2, 26, 10, 30).getTime();
  const items = [
    upcoming(BOB, at, { talkingPoints: 2, openAgreements: 1, reviewed: 1 }),
    upcoming(CAROL, at + 3_600_000, { talkingPoints: 0, openAgreements: 3, reviewed: 1 }),
  ];

  it('shows each 1:1 with its time and prep status', async () => {
    await show(
      <UpcomingList
        view={view({ upcoming: items, upcomingCount: 2 })}
        onOpen={vi.fn()}
        onAddPoint={vi.fn()}
      />,
    );
    const rows = qa('popup-upcoming');
    expect(rows.map((r) => text('popup-upcoming-name', r))).toEqual(['Bob Jones', 'Carol King']);
    expect(rows[0]!.querySelector('time')!.getAttribute('datetime')).toBe(new Date(at).toISOString());
    const prep = rows.map((r) => q('popup-prep', r)!);
    expect(prep.map((p) => p.dataset.ready)).toEqual(['true', 'false']);
    expect(prep[0]!.textContent).toBe('2 talking pointsAgreements reviewed');
    expect(prep[1]!.textContent).toBe('No talking points yet2 agreements to review');
    expect(prep[1]!.querySelectorAll('.popup-prep-todo')).toHaveLength(2);
    expect(q('popup-upcoming-empty')).toBeNull();
    expect(container().textContent).not.toMatch(/more/);
  });

  it('a 1:1 I declined in Calendar says so and offers to skip it in Duet (Calendar untouched); a failure is shown', async () => {
    const declinedItem = {
      ...items[1]!,
      session: { ...items[1]!.session, calendarEventId: 'ev_20260326T113000Z' },
    };
    const onCancel = vi
      .fn<(sessionId: string) => Promise<{ ok: true } | { ok: false; message: string }>>()
      .mockResolvedValueOnce({ ok: false, message: 'Duet couldn’t save that.' })
      .mockResolvedValueOnce({ ok: true });
    await show(
      <UpcomingList
        view={view({ upcoming: [items[0]!, declinedItem], upcomingCount: 2 })}
        declined={new Map([['ev_20260326T113000Z', 'declined']])}
        onCancel={onCancel}
        onOpen={vi.fn()}
        onAddPoint={vi.fn()}
      />,
    );
    const rows = qa('popup-upcoming');
    expect(q('popup-declined', rows[0])).toBeNull();
    expect(q('popup-prep', rows[0])).not.toBeNull();
    expect(q('popup-prep', rows[1])).toBeNull(); // no "prepare" for a 1:1 that is not happening
    expect(text('popup-declined', rows[1])).toContain('You declined this in Calendar');
    const cancel = q<HTMLButtonElement>('popup-cancel-session', rows[1])!;
    // It only lets the 1:1 go in Duet: it says so, and that Calendar is left alone.
    expect(cancel.textContent).toBe('Skip in Duet');
    expect(cancel.getAttribute('aria-label')).toMatch(
      /^Skip in Duet: the 1:1 with Carol King on .+ \(your Calendar is not changed\)$/,
    );
    expect(cancel.title).toBe(
      'Duet stops expecting this 1:1 and takes it off your week. Your Calendar event is not changed.',
    );
    await click(cancel);
    expect(onCancel).toHaveBeenCalledWith(declinedItem.session.id);
    await vi.waitFor(() => expect(text('popup-cancel-error')).toBe('Duet couldn’t save that.'));
    expect(q('popup-cancel-error')!.getAttribute('role')).toBe('alert');
    await click(cancel);
    await vi.waitFor(() => expect(q('popup-cancel-error')).toBeNull());
    expect(onCancel).toHaveBeenCalledTimes(2);
  });

  it('a 1:1 Calendar no longer shows (cancelled there) says so, and offers to skip it in Duet too', async () => {
    const goneItem = {
      ...items[1]!,
      session: { ...items[1]!.session, calendarEventId: 'ev_20260326T113000Z' },
    };
    const onCancel = vi.fn(async () => ({ ok: true as const }));
    await show(
      <UpcomingList
        view={view({ upcoming: [items[0]!, goneItem], upcomingCount: 2 })}
        declined={new Map([['ev_20260326T113000Z', 'gone']])}
        onCancel={onCancel}
        onOpen={vi.fn()}
        onAddPoint={vi.fn()}
      />,
    );
    const rows = qa('popup-upcoming');
    expect(q('popup-declined', rows[0])).toBeNull();
    expect(q('popup-prep', rows[1])).toBeNull();
    expect(text('popup-declined', rows[1])).toBe('No longer in your CalendarSkip in Duet');
    await click(q('popup-cancel-session', rows[1]));
    expect(onCancel).toHaveBeenCalledWith(goneItem.session.id);
  });

  it('a declined 1:1 whose call is running (a call took its session) offers no "Skip in Duet"', async () => {
    const running = {
      ...items[1]!,
      session: {
        ...items[1]!.session,
        calendarEventId: 'ev_20260326T113000Z',
        live: { startedAt: at, endedAt: null, timer: startTimer(['a'], [10], at) },
      },
    };
    await show(
      <UpcomingList
        view={view({ upcoming: [running], upcomingCount: 1 })}
        declined={new Map([['ev_20260326T113000Z', 'declined']])}
        onCancel={vi.fn()}
        onOpen={vi.fn()}
        onAddPoint={vi.fn()}
      />,
    );
    expect(q('popup-cancel-session')).toBeNull();
    expect(q('popup-declined')).toBeNull();
  });

  it('a failure to cancel (the data layer did not load) says so and lets the user try again', async () => {
    const declinedItem = {
      ...items[1]!,
      session: { ...items[1]!.session, calendarEventId: 'ev_20260326T113000Z' },
    };
    const onCancel = vi.fn(async () => {
      throw new Error('module failed to load');
    });
    await show(
      <UpcomingList
        view={view({ upcoming: [declinedItem], upcomingCount: 1 })}
        declined={new Map([['ev_20260326T113000Z', 'declined']])}
        onCancel={onCancel}
        onOpen={vi.fn()}
        onAddPoint={vi.fn()}
      />,
    );
    await click(q('popup-cancel-session'));
    await vi.waitFor(() =>
      expect(text('popup-cancel-error')).toBe("That didn't work and nothing was changed. Please try again."),
    );
    expect(q<HTMLButtonElement>('popup-cancel-session')!.disabled).toBe(false);
  });

  it('marks only a session still upcoming (a rescheduled one was decided already)', async () => {
    const rescheduled = {
      ...items[1]!,
      session: {
        ...items[1]!.session,
        status: 'rescheduled' as const,
        calendarEventId: 'ev_20260326T113000Z',
      },
    };
    await show(
      <UpcomingList
        view={view({ upcoming: [rescheduled], upcomingCount: 1 })}
        declined={new Map([['ev_20260326T113000Z', 'declined']])}
        onCancel={vi.fn()}
        onOpen={vi.fn()}
        onAddPoint={vi.fn()}
      />,
    );
    expect(q('popup-declined')).toBeNull();
  });

  it('holds the place of a prep status that is not read yet (a first screen beyond its 1:1s)', async () => {
    const unread = { ...upcoming(CAROL, at + 3_600_000), prep: null };
    await show(
      <UpcomingList
        view={view({ upcoming: [items[0]!, unread], upcomingCount: 2, partial: true })}
        onOpen={vi.fn()}
        onAddPoint={vi.fn()}
      />,
    );
    const rows = qa('popup-upcoming');
    expect(rows.map((r) => q('popup-prep', r) !== null)).toEqual([true, false]);
    expect(text('popup-upcoming-name', rows[1])).toBe('Carol King');
    // A busy line where the status will be, none where it is known.
    expect(rows.map((r) => q('popup-prep-pending', r)?.getAttribute('aria-busy') ?? null)).toEqual([
      null,
      'true',
    ]);
    expect(text('popup-prep-pending', rows[1])).toBe('Checking prep…');
  });

  it('"+ Point" and "Open" act for that 1:1; "+ Point" is a list item for the arrow keys', async () => {
    const onOpen = vi.fn();
    const onAddPoint = vi.fn();
    await show(
      <UpcomingList
        view={view({ upcoming: items, upcomingCount: 2 })}
        onOpen={onOpen}
        onAddPoint={onAddPoint}
      />,
    );
    const add = byLabel('Add a talking point for Carol King', container())!;
    expect(add.textContent).toBe('+ Point');
    expect(add.hasAttribute('data-popup-item')).toBe(true);
    await click(add);
    expect(onAddPoint).toHaveBeenCalledWith(CAROL.id);
    await click(qa('popup-upcoming-open')[0]);
    expect(onOpen).toHaveBeenCalledWith(BOB.id);
  });

  it('says when there is nothing in the next 7 days, and how many more there are', async () => {
    await show(<UpcomingList view={view()} onOpen={vi.fn()} onAddPoint={vi.fn()} />);
    expect(text('popup-upcoming-empty')).toBe('No 1:1s in the next 7 days.');
    await show(
      <UpcomingList
        view={view({ upcoming: items, upcomingCount: 5 })}
        onOpen={vi.fn()}
        onAddPoint={vi.fn()}
      />,
    );
    expect(container().textContent).toContain('and 3 more');
  });
  it(`folds to the first ${UPCOMING_FOLDED} 1:1s with "Show all", then says how many more there are`, async () => {
    const people = ['A', 'B', 'C', 'D', 'E'].map((n) => ({ ...BOB, id: `rel-${n}`, name: `Person ${n}` }));
    const many = people.map((r, i) => upcoming(r, at + i * 3_600_000));
    await show(
      <UpcomingList
        view={view({ upcoming: many, upcomingCount: 7 })}
        onOpen={vi.fn()}
        onAddPoint={vi.fn()}
      />,
    );
    expect(qa('popup-upcoming-name').map((el) => el.textContent)).toEqual([
      'Person A',
      'Person B',
      'Person C',
    ]);
    expect(text('popup-upcoming-all')).toBe('Show all 5');
    expect(container().textContent).not.toContain('more');
    await click(q('popup-upcoming-all'));
    expect(qa('popup-upcoming-name')).toHaveLength(5);
    expect(q('popup-upcoming-all')).toBeNull();
    expect(container().textContent).toContain('and 2 more');
  });
});

describe('QuickPoint', () => {
  const select = () => q<HTMLSelectElement>('popup-point-person')!;
  const input = () => q<HTMLInputElement>('popup-point-text')!;
  // The line's journal (the extension origin's localStorage) starts each test empty.
  beforeEach(() => localStorage.clear());

  it('renders nothing when there is no 1:1 to add a point to', async () => {
    await show(<QuickPoint relationships={[]} preselect={null} actions={fakeActions()} />);
    expect(q('popup-quick-point')).toBeNull();
  });

  it('has labelled controls and offers every 1:1 by name', async () => {
    await show(<QuickPoint relationships={[BOB, CAROL]} preselect={null} actions={fakeActions()} />);
    expect([...select().options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'For…'],
      [BOB.id, 'Bob Jones'],
      [CAROL.id, 'Carol King'],
    ]);
    expect(container().querySelector('label[for="popup-point-person"]')!.textContent).toBe('For whom');
    expect(container().querySelector('label[for="popup-point-text"]')!.textContent).toBe('Talking point');
  });

  it('in the first paint lists only the chosen person, everyone right after it', async () => {
    // render() draws at once; effects wait for the paint: what the first paint shows is the placeholder.
    render(
      <QuickPoint relationships={[BOB, CAROL]} preselect={null} actions={fakeActions()} firstPaint />,
      container(),
    );
    expect([...select().options].map((o) => o.value)).toEqual(['']);
    // After the paint (effects ran): everyone.
    await vi.waitFor(() => expect([...select().options].map((o) => o.value)).toEqual(['', BOB.id, CAROL.id]));
  });

  it('adds a point for the person picked, says so and clears the line', async () => {
    const actions = fakeActions();
    await show(<QuickPoint relationships={[BOB, CAROL]} preselect={null} actions={actions} />);
    await type(select(), CAROL.id, 'change');
    await type(input(), 'Offsite budget');
    await click(q('popup-point-add'));
    expect(actions.addPoint).toHaveBeenCalledWith(CAROL.id, 'Offsite budget');
    await vi.waitFor(() =>
      expect(text('popup-point-message')).toBe('Added for your next 1:1 with Carol King.'),
    );
    expect(q('popup-point-message')!.getAttribute('role')).toBe('status');
    expect(input().value).toBe('');
  });

  it('"Bob: offsite" picks Bob when no person is selected', async () => {
    const actions = fakeActions();
    await show(<QuickPoint relationships={[BOB, CAROL]} preselect={null} actions={actions} />);
    await type(input(), 'Bob: offsite');
    await click(q('popup-point-add'));
    expect(actions.addPoint).toHaveBeenCalledWith(BOB.id, 'offsite');
    await vi.waitFor(() =>
      expect(text('popup-point-message')).toBe('Added for your next 1:1 with Bob Jones.'),
    );
  });

  it('keeps "Name:" as text when a person is already selected', async () => {
    const actions = fakeActions();
    await show(<QuickPoint relationships={[BOB, CAROL]} preselect={null} actions={actions} />);
    await type(select(), CAROL.id, 'change');
    await type(input(), 'Bob: offsite');
    await click(q('popup-point-add'));
    expect(actions.addPoint).toHaveBeenCalledWith(CAROL.id, 'Bob: offsite');
  });

  it('asks who it is for, keeping what was typed', async () => {
    await show(<QuickPoint relationships={[BOB, CAROL]} preselect={null} actions={popupActions} />);
    await type(input(), 'Offsite budget');
    await click(q('popup-point-add'));
    await vi.waitFor(() =>
      expect(text('popup-point-message')).toBe(
        'Pick who it is for, or start with their name and a colon: “Bob: …”.',
      ),
    );
    expect(q('popup-point-message')!.getAttribute('role')).toBe('alert');
    expect(input().value).toBe('Offsite budget');
  });

  it('on a failed save, shows the message and keeps the text', async () => {
    const actions = fakeActions({ addPoint: async () => ({ ok: false, message: 'Storage is full.' }) });
    await show(<QuickPoint relationships={[BOB, CAROL]} preselect={null} actions={actions} />);
    await type(input(), 'Bob: offsite');
    await click(q('popup-point-add'));
    await vi.waitFor(() => expect(text('popup-point-message')).toBe('Storage is full.'));
    expect(input().value).toBe('Bob: offsite');
  });

  it('forgets a person who left the list (archived or merged away elsewhere): "For…" is what is used', async () => {
    const actions = fakeActions();
    const node = (relationships = [BOB, CAROL]) => (
      <QuickPoint relationships={relationships} preselect={null} actions={actions} />
    );
    await show(node());
    await type(select(), BOB.id, 'change');
    // Bob's 1:1 is archived or merged away in another tab: the popup re-reads without him.
    await show(node([CAROL]));
    expect(select().value).toBe('');
    await type(input(), 'Offsite budget');
    await click(q('popup-point-add'));
    expect(actions.addPoint).toHaveBeenLastCalledWith(null, 'Offsite budget');

    // No one selected, so "Carol: …" picks Carol.
    await type(input(), 'Carol: offsite');
    await click(q('popup-point-add'));
    expect(actions.addPoint).toHaveBeenLastCalledWith(CAROL.id, 'offsite');
    await vi.waitFor(() =>
      expect(text('popup-point-message')).toBe('Added for your next 1:1 with Carol King.'),
    );

    // Bob coming back (unarchived) is not picked again by itself.
    await show(node());
    expect(select().value).toBe('');
  });

  it('a 1:1 gone from the database is refused in plain words, keeping what was typed', async () => {
    // BOB's 1:1 is not in the database (deleted by a merge since the popup read it).
    await show(<QuickPoint relationships={[BOB, CAROL]} preselect={null} actions={popupActions} />);
    await type(select(), BOB.id, 'change');
    await type(input(), 'Offsite budget');
    await click(q('popup-point-add'));
    await vi.waitFor(() => expect(text('popup-point-message')).toBe('This 1:1 no longer exists.'));
    expect(q('popup-point-message')!.getAttribute('role')).toBe('alert');
    expect(input().value).toBe('Offsite budget');
  });

  it('a preselect picks the person and focuses the line, again on each new request', async () => {
    await show(
      <QuickPoint
        relationships={[BOB, CAROL]}
        preselect={{ id: CAROL.id, nonce: 1 }}
        actions={fakeActions()}
      />,
    );
    expect(select().value).toBe(CAROL.id);
    expect(document.activeElement).toBe(input());

    await type(select(), BOB.id, 'change');
    search.focus();
    await show(
      <QuickPoint
        relationships={[BOB, CAROL]}
        preselect={{ id: CAROL.id, nonce: 2 }}
        actions={fakeActions()}
      />,
    );
    expect(select().value).toBe(CAROL.id);
    expect(document.activeElement).toBe(input());
  });

  it('keeps text typed while the point was being saved', async () => {
    let finish!: (result: { ok: true }) => void;
    const actions = fakeActions({ addPoint: () => new Promise((resolve) => (finish = resolve)) });
    await show(<QuickPoint relationships={[BOB, CAROL]} preselect={null} actions={actions} />);
    await type(select(), CAROL.id, 'change');
    await type(input(), 'Offsite budget');
    await click(q('popup-point-add'));
    // The next point, typed before the first is saved.
    await type(input(), 'Hiring plan');
    await act(async () => finish({ ok: true }));
    await vi.waitFor(() =>
      expect(text('popup-point-message')).toBe('Added for your next 1:1 with Carol King.'),
    );
    expect(input().value).toBe('Hiring plan');
  });

  it('a line not added yet, and who it is for, are back when the popup opens again', async () => {
    await show(<QuickPoint relationships={[BOB, CAROL]} preselect={null} actions={fakeActions()} />);
    await type(select(), CAROL.id, 'change');
    await type(input(), 'Offsite bud');
    // The popup closes (a click outside): its page is gone; the next one starts afresh.
    await show(null);
    await show(
      <QuickPoint relationships={[BOB, CAROL]} preselect={null} actions={fakeActions()} firstPaint />,
    );
    expect(input().value).toBe('Offsite bud');
    expect(select().value).toBe(CAROL.id);
  });

  it('a line added is forgotten, and "Delete everything" forgets one not added', async () => {
    const actions = fakeActions();
    await show(<QuickPoint relationships={[BOB, CAROL]} preselect={null} actions={actions} />);
    await type(input(), 'Bob: offsite');
    await click(q('popup-point-add'));
    await vi.waitFor(() => expect(input().value).toBe(''));
    await show(null);
    await show(<QuickPoint relationships={[BOB, CAROL]} preselect={null} actions={actions} />);
    expect(input().value).toBe('');

    await type(input(), 'Offsite bud');
    await show(null);
    journalClearAll();
    await show(<QuickPoint relationships={[BOB, CAROL]} preselect={null} actions={actions} />);
    expect(input().value).toBe('');
    expect(select().value).toBe('');
  });
});
