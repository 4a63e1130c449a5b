/** The popup's closed search results (done, dropped): their own labelled list after the open matches. */
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgreementGroups } from '@/components/popup/AgreementGroups';
import { formatDay } from '@/components/shared/format';
import { CLOSED_SCAN_LIMIT, type PopupClosedSearch, type PopupView } from '@/lib/db';
import type { AgreementFilter } from '@/lib/domain/agreements';
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
  TODAY,
  view,
} from './popup-fixtures';
import { useRenderContainer } from '../../helpers/dom-container';

let search: HTMLInputElement;
beforeEach(() => {
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

const MAR_3 = new Date(2026, 2, 3, 15, 0).getTime();
const LAST_YEAR = new Date(2025, 10, 12, 9, 0).getTime();

const open = agreement('a-open', BOB.id, { owner: 'them', text: 'Pricing page copy', dueDate: '2026-03-27' });
const done = agreement('a-done', BOB.id, {
  owner: 'them',
  text: 'Ship the pricing page',
  status: 'done',
  closedAt: MAR_3,
});
const dropped = agreement('a-dropped', CAROL.id, {
  owner: 'me',
  text: 'Pricing survey',
  status: 'dropped',
  closedAt: LAST_YEAR,
});

const closedSearch = (changes: Partial<PopupClosedSearch> = {}): PopupClosedSearch => ({
  matches: [
    { agreement: done, relationship: BOB },
    { agreement: dropped, relationship: CAROL },
  ],
  more: 0,
  stopped: null,
  ...changes,
});

const searchView = (changes: Partial<PopupView> = {}) =>
  view({
    counts: { 'all-open': 1, mine: 0, theirs: 1, overdue: 0, 'due-this-week': 1 },
    groups: [{ relationship: BOB, agreements: [open] }],
    closed: closedSearch(),
    ...changes,
  });

const props = (changes: Partial<Parameters<typeof AgreementGroups>[0]> = {}) => ({
  view: searchView(),
  filter: 'all-open' as AgreementFilter,
  query: 'pricing',
  actions: fakeActions(),
  onOpen: vi.fn(),
  onAddPoint: vi.fn(),
  ...changes,
});

describe('AgreementGroups: closed search results', () => {
  it('lists closed matches after the open ones under "Closed", each saying done or dropped and when', async () => {
    await show(<AgreementGroups {...props()} />);
    const closed = q('popup-closed')!;
    expect(closed).not.toBeNull();
    // After the open matches, in document order.
    expect(
      q('popup-agreement')!.compareDocumentPosition(closed) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(closed.querySelector('h3')!.textContent).toBe('Closed');
    expect(closed.getAttribute('aria-labelledby')).toBe(closed.querySelector('h3')!.id);
    expect(qa('popup-closed-text').map((el) => el.textContent)).toEqual([
      'Ship the pricing page',
      'Pricing survey',
    ]);
    expect(qa('popup-closed-when').map((el) => el.textContent)).toEqual([
      `Done ${formatDay('2026-03-03', TODAY)}`,
      `Dropped ${formatDay('2025-11-12', TODAY)}`,
    ]);
    // Read-only history: no done checkbox, the person and owner on the meta line.
    expect(closed.querySelector('input[type=checkbox]')).toBeNull();
    const metas = qa('popup-closed-agreement').map((el) => el.querySelector('.popup-item-meta')!);
    expect(metas[0]!.textContent).toContain('Bob Jones');
    expect(metas[1]!.textContent).toContain('Carol King');
    expect(metas[1]!.textContent).toContain('Me');
    // Only the open match is counted in the filters' results (the open list is unchanged).
    expect(qa('popup-agreement')).toHaveLength(1);
    expect(q('popup-closed-more')).toBeNull();
    expect(q('popup-closed-limited')).toBeNull();
  });

  it('shows closed matches when no open agreement matches, under the "no open match" line', async () => {
    await show(<AgreementGroups {...props({ view: searchView({ groups: [] }) })} />);
    expect(text('popup-agreements-empty')).toBe('No open agreement matches “pricing”.');
    expect(qa('popup-closed-agreement')).toHaveLength(2);
  });

  it('shows no closed list without a search, or when nothing closed matched', async () => {
    await show(<AgreementGroups {...props({ query: '' })} />);
    expect(q('popup-closed')).toBeNull();
    await show(
      <AgreementGroups {...props({ view: searchView({ closed: closedSearch({ matches: [] }) }) })} />,
    );
    expect(q('popup-closed')).toBeNull();
  });

  it('says how many more closed ones match, or that more do when the search stopped early', async () => {
    await show(<AgreementGroups {...props({ view: searchView({ closed: closedSearch({ more: 7 }) }) })} />);
    expect(text('popup-closed-more')).toBe('and 7 more: type more to narrow the list');
    await show(
      <AgreementGroups
        {...props({ view: searchView({ closed: closedSearch({ more: 2, stopped: 'enough' }) }) })}
      />,
    );
    expect(text('popup-closed-more')).toBe('More closed agreements match: type more to narrow the list.');
  });

  it('says when older closed agreements were not searched (the read limit)', async () => {
    await show(
      <AgreementGroups
        {...props({ view: searchView({ closed: closedSearch({ matches: [], stopped: 'limit' }) }) })}
      />,
    );
    expect(q('popup-closed')).not.toBeNull();
    expect(text('popup-closed-limited')).toBe(
      `Only the ${CLOSED_SCAN_LIMIT} most recently changed closed agreements were searched.`,
    );
  });

  it('"Reopen" reopens the agreement (the popup’s undo-done), announces it and returns to the search', async () => {
    const p = props();
    await show(<AgreementGroups {...p} />);
    const reopen = byLabel('Reopen “Pricing survey”', container())!;
    expect(reopen.textContent).toBe('Reopen');
    await click(reopen);
    expect(p.actions.undoDone).toHaveBeenCalledWith('a-dropped');
    await vi.waitFor(() => expect(text('popup-status')).toBe('Reopened: “Pricing survey”.'));
    expect(document.activeElement).toBe(search);
    expect(q('popup-undo')).toBeNull();
  });

  it('a double click on "Reopen" is one reopen; a failed one says why and can be tried again', async () => {
    let finish!: (result: { ok: false; message: string }) => void;
    const undoDone = vi.fn<ReturnType<typeof fakeActions>['undoDone']>(
      () => new Promise((resolve) => (finish = resolve)),
    );
    await show(<AgreementGroups {...props({ actions: fakeActions({ undoDone }) })} />);
    const button = () => qa<HTMLButtonElement>('popup-reopen')[0]!;
    await act(() => {
      button().click();
      button().click();
    });
    expect(undoDone).toHaveBeenCalledTimes(1);
    expect(button().disabled).toBe(true);
    await act(async () => finish({ ok: false, message: 'Reopen failed.' }));
    await vi.waitFor(() => expect(text('popup-action-error')).toBe('Reopen failed.'));
    expect(button().disabled).toBe(false);
  });

  it('arrow keys go from the open matches on to the closed ones and back', async () => {
    await show(<AgreementGroups {...props()} />);
    const box = q('popup-done')!;
    const [first, second] = qa('popup-reopen');
    box.focus();
    expect(await key(box, 'ArrowDown')).toBe(true);
    expect(document.activeElement).toBe(first);
    expect(await key(first, 'ArrowDown')).toBe(true);
    expect(document.activeElement).toBe(second);
    await key(second, 'ArrowUp');
    await key(first, 'ArrowUp');
    expect(document.activeElement).toBe(box);
  });
});
