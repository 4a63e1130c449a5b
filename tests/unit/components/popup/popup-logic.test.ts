import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countText } from '@/components/popup/FilterBar';
import { moveFocus } from '@/components/popup/list-keys';
import { type OpenDeps, openRelationship, relationshipPagePath } from '@/components/popup/open-relationship';
import { popupActions } from '@/components/popup/popup-actions';
import { splitNamePrefix } from '@/components/popup/QuickPoint';
import { formatWhen, prepText } from '@/components/popup/UpcomingList';
import {
  addAgreement,
  COUNT_CAP,
  createPerson,
  createRelationship,
  getDatabase,
  upcomingTalkingPoints,
} from '@/lib/db';
import { BOB, CAROL, person, rel } from './popup-fixtures';

describe('countText', () => {
  it('shows the count, and "99+" from COUNT_CAP on', () => {
    expect(countText(0)).toBe('0');
    expect(countText(COUNT_CAP - 1)).toBe('99');
    expect(countText(COUNT_CAP)).toBe('99+');
    expect(countText(COUNT_CAP + 250)).toBe('99+');
  });
});

describe('prepText', () => {
  it('says there is nothing queued, and is not ready', () => {
    expect(prepText({ talkingPoints: 0, openAgreements: 0, reviewed: 0 })).toEqual({
      points: 'No talking points yet',
      agreements: 'No open agreements',
      ready: false,
    });
  });

  it('is ready with points queued and every agreement reviewed', () => {
    expect(prepText({ talkingPoints: 1, openAgreements: 2, reviewed: 2 })).toEqual({
      points: '1 talking point',
      agreements: 'Agreements reviewed',
      ready: true,
    });
    expect(prepText({ talkingPoints: 2, openAgreements: 0, reviewed: 0 }).ready).toBe(true);
  });

  it('counts the agreements still to review, singular and plural', () => {
    expect(prepText({ talkingPoints: 3, openAgreements: 3, reviewed: 1 })).toEqual({
      points: '3 talking points',
      agreements: '2 agreements to review',
      ready: false,
    });
    expect(prepText({ talkingPoints: 3, openAgreements: 3, reviewed: 2 }).agreements).toBe(
      '1 agreement to review',
    );
  });
});

describe('formatWhen', () => {
  it('gives the weekday, day and time of a 1:1', () => {
    const when = formatWhen(new Date(2026, 2, 25, 14, 5).getTime());
    expect(when).toMatch(/Wed/);
    expect(when).toMatch(/25/);
    expect(when).toMatch(/:05/);
  });
});

describe('splitNamePrefix', () => {
  const ZOE = rel('rel-zoe', 'Zoë Adams', [person('p-zoe', 'Zoë Adams')]);
  const PAIR = rel('rel-pair', 'Dan Lee & Eve Moss', [
    person('p-dan', 'Dan Lee'),
    person('p-eve', 'Eve Moss'),
  ]);
  const TITLED = rel('rel-mentor', 'Mentoring', [], 'Mentoring');
  const all = [BOB, CAROL, ZOE, PAIR, TITLED];

  it('takes the first name before a colon, and the rest as the point', () => {
    expect(splitNamePrefix('Bob: offsite budget', all)).toEqual({
      relationshipId: BOB.id,
      text: 'offsite budget',
    });
  });

  it('takes the full name too, ignoring case, accents and spaces around', () => {
    expect(splitNamePrefix('  bob JONES :   offsite ', all)).toEqual({
      relationshipId: BOB.id,
      text: 'offsite',
    });
    expect(splitNamePrefix('zoe: 1:1 cadence', all)).toEqual({ relationshipId: ZOE.id, text: '1:1 cadence' });
  });

  it('finds a 1:1 by any of its people, or by its name when it has none', () => {
    expect(splitNamePrefix('Eve: hiring plan', all)?.relationshipId).toBe(PAIR.id);
    expect(splitNamePrefix('Dan Lee: hiring plan', all)?.relationshipId).toBe(PAIR.id);
    expect(splitNamePrefix('Mentoring: reading list', all)?.relationshipId).toBe(TITLED.id);
  });

  it('refuses a name that picks no 1:1 or more than one', () => {
    const bobSmith = rel('rel-bob2', 'Bob Smith', [person('p-bob2', 'Bob Smith')]);
    expect(splitNamePrefix('Bob: offsite', [...all, bobSmith])).toBeNull();
    expect(splitNamePrefix('Bob Smith: offsite', [...all, bobSmith])?.relationshipId).toBe(bobSmith.id);
    expect(splitNamePrefix('Jones: offsite', all)).toBeNull(); // last name alone
    expect(splitNamePrefix('Bo: offsite', all)).toBeNull(); // a prefix of a name
    expect(splitNamePrefix('Frank: offsite', all)).toBeNull();
  });

  it('needs "name: text"', () => {
    expect(splitNamePrefix('Bob offsite', all)).toBeNull();
    expect(splitNamePrefix(': offsite', all)).toBeNull();
    expect(splitNamePrefix('Bob:', all)).toBeNull();
  });
});

describe('moveFocus', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    const search = document.createElement('input');
    search.id = 'popup-search-input';
    root.append(search);
    for (const [label, item] of [
      ['one', true],
      ['two', true],
      ['not an item', false],
      ['three', true],
    ] as const) {
      const button = document.createElement('button');
      button.textContent = label;
      if (item) button.dataset.popupItem = '';
      root.append(button);
    }
    document.body.append(root);
    for (const el of root.querySelectorAll('button')) el.addEventListener('keydown', (e) => moveFocus(e));
  });
  afterEach(() => root.remove());

  const button = (label: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent === label)!;
  const press = (el: HTMLElement, key: string) => {
    el.focus();
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    el.dispatchEvent(event);
    return event.defaultPrevented;
  };

  it('ArrowDown and ArrowUp move between the items, skipping other controls', () => {
    expect(press(button('two'), 'ArrowDown')).toBe(true);
    expect(document.activeElement).toBe(button('three'));
    press(button('three'), 'ArrowUp');
    expect(document.activeElement).toBe(button('two'));
    press(button('two'), 'ArrowUp');
    expect(document.activeElement).toBe(button('one'));
  });

  it('ArrowUp from the first item goes back to the search field', () => {
    press(button('one'), 'ArrowUp');
    expect(document.activeElement).toBe(root.querySelector('#popup-search-input'));
  });

  it('stays on the last item, and leaves other keys and other elements alone', () => {
    press(button('three'), 'ArrowDown');
    expect(document.activeElement).toBe(button('three'));
    expect(press(button('one'), 'Enter')).toBe(false);
    expect(document.activeElement).toBe(button('one'));
    expect(press(button('not an item'), 'ArrowDown')).toBe(false);
    expect(document.activeElement).toBe(button('not an item'));
  });
});

describe('popupActions', () => {
  async function seed() {
    const bob = await createPerson({ name: 'Bob Jones', relation: 'report' });
    const relationship = await createRelationship({
      personIds: [bob.id],
      kind: 'one-on-one',
      title: 'Alice / Bob',
    });
    const agreement = await addAgreement(relationship.id, {
      owner: 'me',
      text: 'Send the plan',
      dueDate: null,
    });
    return { relationship, agreement };
  }
  function spyOnBackground() {
    const messages: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      messages.push(message);
      return undefined;
    });
    return messages;
  }

  it('done closes the agreement and tells the background, undoDone reopens it', async () => {
    const { agreement } = await seed();
    const messages = spyOnBackground();
    expect(await popupActions.done(agreement.id)).toEqual({ ok: true });
    expect((await getDatabase().agreements.get(agreement.id))?.status).toBe('done');
    await vi.waitFor(() => expect(messages).toContainEqual({ kind: 'panel/data-changed' }));

    expect(await popupActions.undoDone(agreement.id)).toEqual({ ok: true });
    expect((await getDatabase().agreements.get(agreement.id))?.status).toBe('open');
  });

  it('reports a failure as a message, not an exception, and tells no one', async () => {
    await seed();
    const messages = spyOnBackground();
    const result = await popupActions.done('no-such-agreement');
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.message.length > 0).toBe(true);
    expect(messages).toEqual([]);
  });

  it('addPoint needs a person and some text, and stores the point as mine', async () => {
    const { relationship } = await seed();
    expect(await popupActions.addPoint(null, 'Offsite')).toEqual({
      ok: false,
      message: 'Pick who it is for, or start with their name and a colon: “Bob: …”.',
    });
    expect(await popupActions.addPoint(relationship.id, '   ')).toEqual({
      ok: false,
      message: 'Write the talking point first.',
    });
    expect(await upcomingTalkingPoints(relationship.id)).toEqual([]);

    expect(await popupActions.addPoint(relationship.id, '  Offsite budget ')).toEqual({ ok: true });
    const points = await upcomingTalkingPoints(relationship.id);
    expect(points.map((p) => [p.text, p.author])).toEqual([['Offsite budget', 'me']]);
  });
});

describe('openRelationship', () => {
  type TestDeps = OpenDeps & {
    createTab: Mock<OpenDeps['createTab']>;
    closePopup: Mock<OpenDeps['closePopup']>;
  };
  function deps(changes: Partial<TestDeps> = {}): TestDeps {
    return {
      tabId: 7,
      createTab: vi.fn<OpenDeps['createTab']>(async () => undefined),
      closePopup: vi.fn<OpenDeps['closePopup']>(),
      ...changes,
    };
  }
  const chrome = (open: () => Promise<void> = async () => undefined) => ({
    setOptions: vi.fn(async (_: { tabId: number; path: string; enabled: boolean }) => undefined),
    open: vi.fn(async (_: { tabId: number }) => open()),
  });
  const firefox = () => ({
    setPanel: vi.fn(async (_: { tabId?: number; panel: string }) => undefined),
    open: vi.fn(async () => undefined),
  });
  const URL_END = '/sidepanel.html?relationship=rel-1';

  it('relationshipPagePath puts the id in the query, encoded', () => {
    expect(relationshipPagePath('rel-1')).toBe('sidepanel.html?relationship=rel-1');
    expect(relationshipPagePath('a:b@c&d=e')).toBe('sidepanel.html?relationship=a%3Ab%40c%26d%3De');
  });

  it('opens Chrome’s side panel on the active tab with the 1:1’s page, then closes the popup', async () => {
    const sidePanel = chrome();
    const d = deps({ chromeSidePanel: sidePanel });
    expect(openRelationship('rel-1', d)).toBe('side-panel');
    expect(sidePanel.setOptions).toHaveBeenCalledWith({
      tabId: 7,
      path: 'sidepanel.html?relationship=rel-1',
      enabled: true,
    });
    expect(sidePanel.open).toHaveBeenCalledWith({ tabId: 7 });
    expect(sidePanel.setOptions.mock.invocationCallOrder[0]!).toBeLessThan(
      sidePanel.open.mock.invocationCallOrder[0]!,
    );
    await vi.waitFor(() => expect(d.closePopup).toHaveBeenCalledTimes(1));
    expect(d.createTab).not.toHaveBeenCalled();
  });

  it('falls back to a tab when Chrome refuses to open the side panel', async () => {
    const d = deps({ chromeSidePanel: chrome(() => Promise.reject(new Error('no user gesture'))) });
    expect(openRelationship('rel-1', d)).toBe('side-panel');
    await vi.waitFor(() => expect(d.closePopup).toHaveBeenCalledTimes(1));
    expect(d.createTab).toHaveBeenCalledTimes(1);
    expect(d.createTab.mock.calls[0]![0]).toMatch(
      /^chrome-extension:\/\/.+\/sidepanel\.html\?relationship=rel-1$/,
    );
  });

  it('does not use the side panel when the active tab is unknown', async () => {
    const sidePanel = chrome();
    const d = deps({ chromeSidePanel: sidePanel, tabId: null });
    expect(openRelationship('rel-1', d)).toBe('tab');
    expect(sidePanel.open).not.toHaveBeenCalled();
    expect(d.createTab.mock.calls[0]![0]).toMatch(new RegExp(`${URL_END.replace(/[?.]/g, '\\$&')}$`));
    await vi.waitFor(() => expect(d.closePopup).toHaveBeenCalled());
  });

  it('uses Firefox’s sidebar with the 1:1’s page for the active tab', () => {
    const sidebar = firefox();
    const d = deps({ firefoxSidebar: sidebar });
    expect(openRelationship('rel-1', d)).toBe('sidebar');
    expect(sidebar.open).toHaveBeenCalledTimes(1);
    expect(sidebar.setPanel).toHaveBeenCalledWith({
      tabId: 7,
      panel: expect.stringMatching(/sidepanel\.html\?relationship=rel-1$/),
    });
    expect(d.createTab).not.toHaveBeenCalled();

    // The active tab not known (yet): a tab, never this 1:1 as every tab's sidebar.
    const noTab = firefox();
    const noTabDeps = deps({ firefoxSidebar: noTab, tabId: null });
    expect(openRelationship('rel-1', noTabDeps)).toBe('tab');
    expect(noTab.setPanel).not.toHaveBeenCalled();
    expect(noTabDeps.createTab).toHaveBeenCalledTimes(1);
  });

  it('otherwise opens a new tab, and keeps the popup open if that fails', async () => {
    const d = deps();
    expect(openRelationship('rel-1', d)).toBe('tab');
    expect(d.createTab.mock.calls[0]![0]).toMatch(
      /^chrome-extension:\/\/.+\/sidepanel\.html\?relationship=rel-1$/,
    );
    await vi.waitFor(() => expect(d.closePopup).toHaveBeenCalledTimes(1));

    const failing = deps({
      createTab: vi.fn<OpenDeps['createTab']>(() => Promise.reject(new Error('no tabs'))),
    });
    expect(openRelationship('rel-1', failing)).toBe('tab');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(failing.closePopup).not.toHaveBeenCalled();
  });
});
