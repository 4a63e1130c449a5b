import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COMPLETE_MARK, PopupApp, READY_MARK } from '@/components/popup/PopupApp';
import { FIRST_SCREEN } from '@/lib/db/popup-view';
import { DECLINED_EVENTS_KEY, GONE_EVENTS_KEY } from '@/lib/messaging/declined-events';
import { popupActions } from '@/components/popup/popup-actions';
import { createPopupSource, type PopupSource } from '@/components/popup/popup-source';
import {
  addAgreement,
  completeAgreement,
  createPerson,
  createRelationship,
  getDatabase,
  loadPopupView,
  prepareSession,
  upcomingTalkingPoints,
} from '@/lib/db';
import { addDays, dayOf } from '@/lib/domain/days';
import type { Relationship } from '@/lib/domain/model';
import { byLabel, click, fakeActions, key, q, qa, text, type } from './popup-fixtures';
import { useRenderContainer } from '../../helpers/dom-container';

const container = useRenderContainer();
// The talking point line's journal (the extension origin's localStorage) starts each test empty.
beforeEach(() => localStorage.clear());

async function oneOnOne(name: string): Promise<Relationship> {
  const person = await createPerson({ name, relation: 'report' });
  return createRelationship({ personIds: [person.id], kind: 'one-on-one', title: `Alice / ${name}` });
}

async function seed() {
  const today = dayOf(Date.now());
  const bob = await oneOnOne('Bob Jones');
  const carol = await oneOnOne('Carol King');
  const late = await addAgreement(bob.id, {
    owner: 'them',
    text: 'Send the rollout plan',
    dueDate: addDays(today, -3),
  });
  const budget = await addAgreement(carol.id, {
    owner: 'me',
    text: 'Review the café budget',
    dueDate: addDays(today, 10),
  });
  const undated = await addAgreement(bob.id, {
    owner: 'me',
    text: 'Intro to the design lead',
    dueDate: null,
  });
  await prepareSession({ relationshipId: carol.id, scheduledAt: Date.now() + 2 * 86_400_000 });
  return { bob, carol, late, budget, undated };
}

type Props = Parameters<typeof PopupApp>[0];

async function show(props: Props = {}) {
  const all: Props = { source: createPopupSource(), actions: fakeActions(), open: vi.fn(), ...props };
  await act(() => {
    render(<PopupApp {...all} />, container());
  });
  await vi.waitFor(() => expect(q('popup-agreements')).not.toBeNull());
  return all;
}

const searchField = () => q<HTMLInputElement>('popup-search')!;
const agreementTexts = () => qa('popup-agreement-text').map((el) => el.textContent);

describe('PopupApp', () => {
  it('shows counts, agreements grouped by person, the next 7 days and the point form', async () => {
    await seed();
    await show();
    await vi.waitFor(() => expect(text('popup-count-all-open')).toBe('3'));
    expect(text('popup-count-overdue')).toBe('1');
    expect(text('popup-count-mine')).toBe('2');
    expect(qa('popup-group-name').map((el) => el.textContent)).toEqual(['Bob Jones', 'Carol King']);
    expect(agreementTexts()).toEqual([
      'Send the rollout plan',
      'Intro to the design lead',
      'Review the café budget',
    ]);
    expect(qa('popup-upcoming-name').map((el) => el.textContent)).toEqual(['Carol King']);
    expect(q('popup-quick-point')).not.toBeNull();
    await vi.waitFor(() => expect(document.documentElement.getAttribute('data-ready')).toBe('true'));
    // The search field is labelled.
    expect(container().querySelector('label[for="popup-search-input"]')!.textContent).toBe(
      'Search agreements',
    );
  });

  it('the search says what it searches; its "/" shortcut is a key hint beside it, not in the placeholder', async () => {
    await seed();
    await show();
    expect(searchField().placeholder).toBe('Search agreements and people…');
    expect(searchField().getAttribute('aria-keyshortcuts')).toBe('/');
    expect(searchField().title).toBe('Press / to search from anywhere in the popup');
    const hint = q('popup-search-key')!;
    expect(hint.tagName).toBe('KBD');
    expect(hint.textContent).toBe('/');
    // Sighted users' hint: the field's shortcut and title already tell everyone else.
    expect(hint.getAttribute('aria-hidden')).toBe('true');
  });

  it('with no open agreements at all, shows no filter bar (five “0” chips), until the first one', async () => {
    const bob = await oneOnOne('Bob Jones');
    await show();
    await vi.waitFor(() =>
      expect(text('popup-agreements-empty')).toBe(
        'No open agreements. Agreements you make in a 1:1 show up here.',
      ),
    );
    expect(q('popup-filters')).toBeNull();
    await act(async () => {
      await addAgreement(bob.id, { owner: 'both', text: 'Plan the offsite', dueDate: null });
    });
    await vi.waitFor(() => expect(text('popup-count-all-open')).toBe('1'));
  });

  it('a filter left picked when the last agreement is done: no filter bar, and “no open agreements”', async () => {
    const bob = await oneOnOne('Bob Jones');
    await addAgreement(bob.id, {
      owner: 'them',
      text: 'Send the plan',
      dueDate: addDays(dayOf(Date.now()), -1),
    });
    await show({ actions: popupActions });
    await vi.waitFor(() => expect(agreementTexts()).toEqual(['Send the plan']));
    await click(q('popup-filter-overdue'));
    await click(qa('popup-done')[0]);
    await vi.waitFor(() => expect(q('popup-filters')).toBeNull());
    expect(text('popup-agreements-empty')).toBe(
      'No open agreements. Agreements you make in a 1:1 show up here.',
    );
  });

  it('filters: picking "Overdue" reads that list', async () => {
    await seed();
    await show();
    await vi.waitFor(() => expect(agreementTexts()).toHaveLength(3));
    await click(q('popup-filter-overdue'));
    await vi.waitFor(() => expect(agreementTexts()).toEqual(['Send the rollout plan']));
  });

  it('searches as you type; Escape clears the search and keeps the popup open', async () => {
    await seed();
    await show();
    await vi.waitFor(() => expect(agreementTexts()).toHaveLength(3));
    await type(searchField(), 'cafe');
    await vi.waitFor(() => expect(agreementTexts()).toEqual(['Review the café budget']));
    expect(container().querySelector('#popup-agreements-title')!.textContent).toBe('Matching agreements');

    await type(searchField(), 'bob');
    await vi.waitFor(() =>
      expect(agreementTexts()).toEqual(['Send the rollout plan', 'Intro to the design lead']),
    );

    await type(searchField(), 'nothing like this');
    await vi.waitFor(() =>
      expect(text('popup-agreements-empty')).toBe('No open agreement matches “nothing like this”.'),
    );

    expect(await key(searchField(), 'Escape')).toBe(true);
    expect(searchField().value).toBe('');
    await vi.waitFor(() => expect(agreementTexts()).toHaveLength(3));
    // With nothing to clear, Escape is left to the browser (it closes the popup).
    expect(await key(searchField(), 'Escape')).toBe(false);
  });

  it('Escape that cancels an IME candidate (Japanese, Chinese, Korean) leaves the search as typed', async () => {
    await seed();
    await show();
    await vi.waitFor(() => expect(agreementTexts()).toHaveLength(3));
    await type(searchField(), 'plan');
    await vi.waitFor(() => expect(agreementTexts()).toEqual(['Send the rollout plan']));
    for (const init of [{ isComposing: true, keyCode: 229 }, { keyCode: 229 }]) {
      const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true, ...init });
      await act(() => {
        searchField().dispatchEvent(event);
      });
      expect(event.defaultPrevented).toBe(false);
      expect(searchField().value).toBe('plan');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(agreementTexts()).toEqual(['Send the rollout plan']);
  });

  it('while searching shows only the matching agreements, then the week ahead again', async () => {
    await seed();
    await show();
    await vi.waitFor(() => expect(q('popup-upcoming-list')).not.toBeNull());
    await type(searchField(), 'plan');
    await vi.waitFor(() => expect(agreementTexts()).toEqual(['Send the rollout plan']));
    // Hidden, not removed: the talking point line keeps what was typed in it.
    expect(q('popup-upcoming-list')!.closest('[hidden]')).not.toBeNull();
    expect(q('popup-quick-point')!.closest('[hidden]')).not.toBeNull();
    await key(searchField(), 'Escape');
    await vi.waitFor(() => expect(q('popup-upcoming-list')!.closest('[hidden]')).toBeNull());
    expect(q('popup-quick-point')!.closest('[hidden]')).toBeNull();
  });

  it('a half-typed talking point survives a search', async () => {
    await seed();
    await show();
    await vi.waitFor(() => expect(q('popup-point-text')).not.toBeNull());
    await type(q('popup-point-text') as HTMLInputElement, 'Offsite bud');
    await type(searchField(), 'plan');
    await vi.waitFor(() => expect(agreementTexts()).toEqual(['Send the rollout plan']));
    await key(searchField(), 'Escape');
    await vi.waitFor(() => expect(q('popup-quick-point')!.closest('[hidden]')).toBeNull());
    expect((q('popup-point-text') as HTMLInputElement).value).toBe('Offsite bud');
  });

  it('passes the filter and the search text to the loader', async () => {
    await seed(); // (with no agreement at all there are no filters to pick)
    const source = createPopupSource();
    const load = vi.spyOn(source, 'load');
    await show({ source });
    // The first read is the first screenful; the complete view follows without anyone asking.
    expect(load).toHaveBeenNthCalledWith(1, { filter: 'all-open', query: '', firstScreen: true });
    await vi.waitFor(() =>
      expect(load).toHaveBeenLastCalledWith({ filter: 'all-open', query: '', firstScreen: false }),
    );
    await vi.waitFor(() => expect(q('popup-filter-theirs')).not.toBeNull());
    await click(q('popup-filter-theirs'));
    await type(searchField(), 'plan');
    await vi.waitFor(() =>
      expect(load).toHaveBeenLastCalledWith({ filter: 'theirs', query: 'plan', firstScreen: false }),
    );
  });

  it('draws a first screenful, then the complete view (same order), and marks both', async () => {
    const bob = await oneOnOne('Bob Jones');
    for (let i = 0; i < 12; i++) {
      await addAgreement(bob.id, { owner: 'me', text: `Item ${String(i).padStart(2, '0')}`, dueDate: null });
    }
    delete document.documentElement.dataset.ready;
    delete document.documentElement.dataset.complete;
    const source = createPopupSource();
    const load = vi.spyOn(source, 'load');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The complete read waits until the first screen has been looked at.
    load.mockImplementation(async (query) => {
      const view = await loadPopupView(query);
      if (!query.firstScreen) await gate;
      return view;
    });
    await show({ source });
    await vi.waitFor(() => expect(document.documentElement.dataset.ready).toBe('true'));
    const firstScreen = agreementTexts();
    expect(firstScreen).toHaveLength(FIRST_SCREEN.agreements);
    expect(document.documentElement.dataset.complete).toBeUndefined();
    release();
    await vi.waitFor(() => expect(document.documentElement.dataset.complete).toBe('true'));
    const complete = agreementTexts();
    expect([...complete].sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `Item ${String(i).padStart(2, '0')}`),
    );
    // Nothing on the first screen moves when the rest arrives.
    expect(complete.slice(0, FIRST_SCREEN.agreements)).toEqual(firstScreen);
    expect(performance.getEntriesByName(COMPLETE_MARK)).not.toHaveLength(0);
  });

  it('marks the lists on screen before anything starts loading the data layer', async () => {
    await seed();
    delete document.documentElement.dataset.ready;
    performance.clearMarks(READY_MARK);
    const source = createPopupSource();
    // Each of these loads the data layer (Dexie, zod): what the first paint must not wait for.
    const marksWhenCalled: number[] = [];
    const note = () => marksWhenCalled.push(performance.getEntriesByName(READY_MARK).length);
    const declined = source.declined.bind(source);
    const watch = source.watch.bind(source);
    const watchDeclined = source.watchDeclined.bind(source);
    vi.spyOn(source, 'declined').mockImplementation(() => (note(), declined()));
    vi.spyOn(source, 'watch').mockImplementation((onChange) => (note(), watch(onChange)));
    vi.spyOn(source, 'watchDeclined').mockImplementation((onChange) => (note(), watchDeclined(onChange)));
    await show({ source });
    await vi.waitFor(() => expect(marksWhenCalled).toHaveLength(3));
    expect(marksWhenCalled).toEqual([1, 1, 1]);
  });

  it('marks a 1:1 the worker saw declined in Calendar, and cancels it in Duet', async () => {
    const { carol } = await seed();
    const { session } = await prepareSession({
      relationshipId: carol.id,
      scheduledAt: Date.now() + 3 * 86_400_000,
      calendarEventId: 'carol_20260328T100000Z',
    });
    await show({ actions: popupActions });
    await vi.waitFor(() => expect(qa('popup-upcoming')).toHaveLength(2));
    expect(q('popup-declined')).toBeNull();
    // The worker sees it declined (storage.local): the popup follows without reopening.
    await fakeBrowser.storage.local.set({ [DECLINED_EVENTS_KEY]: ['carol_20260328T100000Z'] });
    await vi.waitFor(() => expect(q('popup-declined')).not.toBeNull());
    expect(q('popup-declined')!.textContent).toContain('You declined this in Calendar');
    await click(q('popup-cancel-session'));
    await vi.waitFor(() => expect(qa('popup-upcoming')).toHaveLength(1));
    expect((await getDatabase().sessions.get(session.id))?.status).toBe('cancelled');
  });

  it('marks a 1:1 the worker saw missing from Calendar (cancelled there); declined wins over it', async () => {
    const { carol } = await seed();
    await prepareSession({
      relationshipId: carol.id,
      scheduledAt: Date.now() + 3 * 86_400_000,
      calendarEventId: 'carol_20260328T100000Z',
    });
    await show({ actions: popupActions });
    await vi.waitFor(() => expect(qa('popup-upcoming')).toHaveLength(2));
    await fakeBrowser.storage.local.set({ [GONE_EVENTS_KEY]: ['carol_20260328T100000Z'] });
    await vi.waitFor(() => expect(q('popup-declined')?.textContent).toContain('No longer in your Calendar'));
    await fakeBrowser.storage.local.set({ [DECLINED_EVENTS_KEY]: ['carol_20260328T100000Z'] });
    await vi.waitFor(() =>
      expect(q('popup-declined')?.textContent).toContain('You declined this in Calendar'),
    );
  });

  it('says so when the data cannot be read', async () => {
    const load = vi.fn<typeof loadPopupView>(() => Promise.reject(new Error('IndexedDB is broken')));
    await act(() => {
      render(
        <PopupApp source={{ ...createPopupSource(), load }} actions={fakeActions()} open={vi.fn()} />,
        container(),
      );
    });
    await vi.waitFor(() => expect(q('popup-error')).not.toBeNull());
    expect(q('popup-error')!.getAttribute('role')).toBe('alert');
    expect(text('popup-error')).toMatch(/couldn't read its data/);
    expect(q('popup-agreements')).toBeNull();
  });

  it('shows agreements added in another tab without reopening', async () => {
    const { bob } = await seed();
    await show();
    await vi.waitFor(() => expect(agreementTexts()).toHaveLength(3));
    await act(async () => {
      await addAgreement(bob.id, { owner: 'both', text: 'Plan the offsite', dueDate: null });
    });
    await vi.waitFor(() => expect(agreementTexts()).toContain('Plan the offsite'));
  });

  it('done (with the real actions) removes the agreement, and Undo brings it back', async () => {
    const { late } = await seed();
    await show({ actions: popupActions });
    await vi.waitFor(() => expect(agreementTexts()).toHaveLength(3));
    await click(qa('popup-done')[0]);
    await vi.waitFor(() => expect(agreementTexts()).not.toContain('Send the rollout plan'));
    expect((await getDatabase().agreements.get(late.id))?.status).toBe('done');
    expect(text('popup-status')).toContain('Done: “Send the rollout plan”.');
    expect(document.activeElement).toBe(searchField());
    await vi.waitFor(() => expect(text('popup-count-all-open')).toBe('2'));

    await click(q('popup-undo'));
    await vi.waitFor(() => expect(agreementTexts()).toContain('Send the rollout plan'));
    expect((await getDatabase().agreements.get(late.id))?.status).toBe('open');
  });

  it('"Open" opens that person’s 1:1', async () => {
    const { bob, carol } = await seed();
    const { open } = await show();
    await vi.waitFor(() => expect(qa('popup-open')).toHaveLength(2));
    await click(byLabel('Open the 1:1 with Bob Jones', q('popup-agreements')!));
    expect(open).toHaveBeenLastCalledWith(bob.id);
    await click(q('popup-upcoming-open'));
    expect(open).toHaveBeenLastCalledWith(carol.id);
  });

  it('"+ Point" preselects the person in the point form and focuses its text', async () => {
    const { bob, carol } = await seed();
    await show({ actions: popupActions });
    await vi.waitFor(() => expect(qa('popup-group')).toHaveLength(2));
    await click(byLabel('Add a talking point for Bob Jones', q('popup-agreements')!));
    const person = q<HTMLSelectElement>('popup-point-person')!;
    const input = q<HTMLInputElement>('popup-point-text')!;
    expect(person.value).toBe(bob.id);
    expect(document.activeElement).toBe(input);

    await click(byLabel('Add a talking point for Carol King', q('popup-upcoming-list')!));
    expect(person.value).toBe(carol.id);
    expect(document.activeElement).toBe(input);

    await type(input, 'Offsite budget');
    await click(q('popup-point-add'));
    await vi.waitFor(() =>
      expect(text('popup-point-message')).toBe('Added for your next 1:1 with Carol King.'),
    );
    expect((await upcomingTalkingPoints(carol.id)).map((p) => p.text)).toEqual(['Offsite budget']);
  });

  it('"+ Point" on a search result shows the point line with the results and focuses it for that person', async () => {
    const { bob } = await seed();
    await show({ actions: popupActions });
    await type(searchField(), 'rollout');
    await vi.waitFor(() => expect(agreementTexts()).toEqual(['Send the rollout plan']));
    expect(q('popup-quick-point')!.closest('[hidden]')).not.toBeNull();

    await click(byLabel('Add a talking point for Bob Jones', q('popup-agreements')!));
    const input = q<HTMLInputElement>('popup-point-text')!;
    expect(input.closest('[hidden]')).toBeNull();
    expect(document.activeElement).toBe(input);
    expect(q<HTMLSelectElement>('popup-point-person')!.value).toBe(bob.id);
    // The search and its results stay; the week ahead stays out of the way.
    expect(searchField().value).toBe('rollout');
    expect(agreementTexts()).toEqual(['Send the rollout plan']);
    expect(q('popup-upcoming-list')!.closest('[hidden]')).not.toBeNull();

    // Keyboard: type, Enter.
    await type(input, 'Offsite budget');
    await act(async () => {
      input.form!.requestSubmit();
    });
    await vi.waitFor(() =>
      expect(text('popup-point-message')).toBe('Added for your next 1:1 with Bob Jones.'),
    );
    expect((await upcomingTalkingPoints(bob.id)).map((p) => p.text)).toEqual(['Offsite budget']);

    // A new search is about the results again.
    await type(searchField(), 'budget');
    await vi.waitFor(() => expect(agreementTexts()).toEqual(['Review the café budget']));
    expect(q('popup-quick-point')!.closest('[hidden]')).not.toBeNull();
  });

  describe('keyboard', () => {
    it('"/" focuses the search field from anywhere else', async () => {
      await seed();
      await show();
      (document.activeElement as HTMLElement | null)?.blur();
      expect(await key(document.body, '/')).toBe(true);
      expect(document.activeElement).toBe(searchField());
    });

    it('"/" is typed, not intercepted, in another text field', async () => {
      await seed();
      await show();
      const input = q<HTMLInputElement>('popup-point-text')!;
      input.focus();
      expect(await key(input, '/')).toBe(false);
      expect(document.activeElement).toBe(input);
    });

    it('"/" also works from a done checkbox (nothing is typed there)', async () => {
      // BUG: PopupApp treats every <input> as "typing", and the list's items are checkboxes, so "/" never
      // returns to the search from the list.
      await seed();
      await show();
      await vi.waitFor(() => expect(qa('popup-done')).toHaveLength(3));
      const box = qa('popup-done')[0]!;
      box.focus();
      await key(box, '/');
      expect(document.activeElement).toBe(searchField());
    });

    it('ArrowDown from the search goes to the first done checkbox', async () => {
      // BUG (spec): since the week ahead moved above the agreements, the first [data-popup-item] is the
      // upcoming list's "+ Point", so ArrowDown lands there instead of on the first agreement.
      await seed();
      await show();
      await vi.waitFor(() => expect(qa('popup-done')).toHaveLength(3));
      searchField().focus();
      expect(await key(searchField(), 'ArrowDown')).toBe(true);
      expect(document.activeElement).toBe(qa('popup-done')[0]);
    });

    it('while searching, arrows go from the search through the results and back up to it', async () => {
      await seed();
      await show();
      await type(searchField(), 'e');
      await vi.waitFor(() => expect(q('popup-upcoming-list')!.closest('[hidden]')).not.toBeNull());
      await vi.waitFor(() => expect(qa('popup-done')).toHaveLength(3));
      searchField().focus();
      expect(await key(searchField(), 'ArrowDown')).toBe(true);
      const boxes = qa('popup-done');
      expect(document.activeElement).toBe(boxes[0]);
      await key(boxes[0], 'ArrowDown');
      expect(document.activeElement).toBe(boxes[1]);
      await key(boxes[1], 'ArrowUp');
      expect(document.activeElement).toBe(boxes[0]);
      await key(boxes[0], 'ArrowUp');
      expect(document.activeElement).toBe(searchField());
    });

    it('from the next 7 days’ "+ Point", ArrowDown goes on to the agreements', async () => {
      await seed();
      await show();
      await vi.waitFor(() => expect(qa('popup-done')).toHaveLength(3));
      const add = byLabel('Add a talking point for Carol King', q('popup-upcoming-list')!)!;
      add.focus();
      expect(await key(add, 'ArrowDown')).toBe(true);
      expect(document.activeElement).toBe(qa('popup-done')[0]);
    });

    it('ArrowDown from a search with no results stays in the field (the hidden week ahead is skipped)', async () => {
      // BUG: with no agreement to go to, ArrowDown fell back to the first [data-popup-item] — the week ahead's
      // "+ Point", hidden while searching — so the key was swallowed and focus went nowhere visible. Here
      // the search's answer is still on its way: the lists shown are the last ones, the week ahead hidden.
      await prepareSession({
        relationshipId: (await oneOnOne('Carol King')).id,
        scheduledAt: Date.now() + 86_400_000,
      });
      const real = createPopupSource();
      const load: PopupSource['load'] = (query) => (query.query ? new Promise(() => {}) : real.load(query));
      await show({ source: { ...real, load } });
      await vi.waitFor(() => expect(qa('popup-upcoming')).toHaveLength(1));
      expect(q('popup-agreements-empty')).not.toBeNull();
      await type(searchField(), 'no such thing anywhere');
      expect(q('popup-upcoming-list')!.closest('[hidden]')).not.toBeNull();
      searchField().focus();
      expect(await key(searchField(), 'ArrowDown')).toBe(false);
      expect(document.activeElement).toBe(searchField());
    });

    it('a search finds closed agreements too: listed under "Closed", reached with ArrowDown, reopened in place', async () => {
      const { late } = await seed();
      await completeAgreement(late.id);
      await show({ actions: popupActions });
      await vi.waitFor(() => expect(qa('popup-done')).toHaveLength(2));
      await type(searchField(), 'rollout');
      await vi.waitFor(() =>
        expect(qa('popup-closed-text').map((el) => el.textContent)).toEqual(['Send the rollout plan']),
      );
      expect(text('popup-agreements-empty')).toBe('No open agreement matches “rollout”.');
      expect(text('popup-closed-when')).toMatch(/^Done /);
      // Not counted: the filters say what the search found among the open ones.
      expect(text('popup-count-all-open')).toBe('0');
      // No open match: ArrowDown goes to the closed one's "Reopen".
      searchField().focus();
      expect(await key(searchField(), 'ArrowDown')).toBe(true);
      expect(document.activeElement).toBe(q('popup-reopen'));
      await click(q('popup-reopen'));
      await vi.waitFor(() => expect(agreementTexts()).toEqual(['Send the rollout plan']));
      expect(q('popup-closed')).toBeNull();
      expect(text('popup-status')).toBe('Reopened: “Send the rollout plan”.');
      expect((await getDatabase().agreements.get(late.id))?.status).toBe('open');
    });

    it('ArrowDown does nothing when there is no item', async () => {
      await show();
      await vi.waitFor(() => expect(q('popup-agreements-empty')).not.toBeNull());
      searchField().focus();
      expect(await key(searchField(), 'ArrowDown')).toBe(false);
      expect(document.activeElement).toBe(searchField());
    });
  });
});

describe('PopupApp left open past midnight', () => {
  it('counts overdue from the new day', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    try {
      vi.setSystemTime(new Date(2026, 2, 24, 23, 59));
      const bob = await oneOnOne('Bob Jones');
      await addAgreement(bob.id, { owner: 'them', text: 'Send the plan', dueDate: '2026-03-24' });
      delete document.documentElement.dataset.complete;
      await show();
      // The complete view is in (and the data layer watching): nothing else reads the lists again.
      await vi.waitFor(() => expect(document.documentElement.dataset.complete).toBe('true'));
      await act(async () => {
        await new Promise((resolve) => setImmediate(resolve));
      });
      expect(text('popup-count-all-open')).toBe('1');
      expect(text('popup-count-overdue')).toBe('0');
      await act(async () => {
        await vi.advanceTimersByTimeAsync(2 * 60_000);
      });
      await vi.waitFor(() => expect(text('popup-count-overdue')).toBe('1'));
    } finally {
      vi.useRealTimers();
    }
  });
});
