import { describe, expect, it } from 'vitest';
import { CALENDAR_ORIGIN, calendarAccountOf, calendarBase, MEET_ORIGIN } from '@/lib/hosts';
import { type ClassifiedSender, classifySender, type RawSender, type Self } from '@/lib/messaging/senders';

const SELF: Self = { id: 'duet-extension-id', baseUrl: 'chrome-extension://duet-extension-id/' };

const calendarTab: RawSender = {
  id: SELF.id,
  url: 'https://calendar.google.com/calendar/u/0/r/week/2026/3/22',
  origin: CALENDAR_ORIGIN,
  frameId: 0,
  tab: { id: 7 },
};

const meetTab: RawSender = {
  id: SELF.id,
  url: 'https://meet.google.com/abc-defg-hij?authuser=0',
  origin: MEET_ORIGIN,
  frameId: 0,
  tab: { id: 9 },
};

const panelFrame: RawSender = {
  id: SELF.id,
  url: 'chrome-extension://duet-extension-id/panel.html',
  origin: 'chrome-extension://duet-extension-id',
  frameId: 3,
  tab: { id: 7 },
};

const popup: RawSender = {
  id: SELF.id,
  url: 'chrome-extension://duet-extension-id/popup.html',
  origin: 'chrome-extension://duet-extension-id',
};

describe('classifySender accepts', () => {
  it.each<[string, RawSender, ClassifiedSender]>([
    ['the Calendar content script', calendarTab, { ok: true, kind: 'calendar-content', tabId: 7 }],
    ['the Meet content script', meetTab, { ok: true, kind: 'meet-content', tabId: 9 }],
    [
      'a content script without origin (older browsers)',
      { ...calendarTab, origin: undefined },
      {
        ok: true,
        kind: 'calendar-content',
        tabId: 7,
      },
    ],
    [
      'Calendar on the explicit default port',
      { ...calendarTab, url: 'https://calendar.google.com:443/r' },
      {
        ok: true,
        kind: 'calendar-content',
        tabId: 7,
      },
    ],
    ['the panel framed in a tab', panelFrame, { ok: true, kind: 'extension-page', tabId: 7 }],
    [
      'the panel in a tab at frame 0',
      { ...panelFrame, frameId: 0, tab: { id: 12 } },
      {
        ok: true,
        kind: 'extension-page',
        tabId: 12,
      },
    ],
    ['the popup (no tab)', popup, { ok: true, kind: 'extension-page', tabId: null }],
    [
      'the options page (tab without id)',
      { ...popup, url: `${SELF.baseUrl}options.html`, tab: {} },
      {
        ok: true,
        kind: 'extension-page',
        tabId: null,
      },
    ],
    [
      'an extension page in a tab with TAB_ID_NONE',
      { ...popup, tab: { id: -1 } },
      {
        ok: true,
        kind: 'extension-page',
        tabId: null,
      },
    ],
    ['tab id 0', { ...calendarTab, tab: { id: 0 } }, { ok: true, kind: 'calendar-content', tabId: 0 }],
  ])('%s', (_label, sender, expected) => {
    expect(classifySender(sender, SELF)).toEqual(expected);
  });
});

describe('classifySender rejects', () => {
  it.each<[string, RawSender, string]>([
    // foreign-extension
    ['another extension id', { ...calendarTab, id: 'other-extension' }, 'foreign-extension'],
    ['no extension id', { ...calendarTab, id: undefined }, 'foreign-extension'],
    ['an extension id differing in case', { ...panelFrame, id: SELF.id.toUpperCase() }, 'foreign-extension'],
    [
      'another extension’s page',
      { ...popup, id: 'other', url: 'chrome-extension://other/popup.html' },
      'foreign-extension',
    ],
    // no-url
    ['no url', { ...calendarTab, url: undefined }, 'no-url'],
    ['no url on an extension page', { ...panelFrame, url: undefined }, 'no-url'],
    // no-tab
    ['a Calendar sender without tab', { ...calendarTab, tab: undefined }, 'no-tab'],
    ['a Calendar sender with a tab without id', { ...calendarTab, tab: {} }, 'no-tab'],
    ['a Calendar sender in TAB_ID_NONE', { ...calendarTab, tab: { id: -1 } }, 'no-tab'],
    ['a Meet sender without tab', { ...meetTab, tab: undefined }, 'no-tab'],
    // subframe
    ['a Calendar subframe', { ...calendarTab, frameId: 4 }, 'subframe'],
    ['a Meet subframe', { ...meetTab, frameId: 1 }, 'subframe'],
    ['a sender without frameId', { ...calendarTab, frameId: undefined }, 'subframe'],
    // foreign-origin
    [
      'another site',
      { ...calendarTab, url: 'https://evil.test/', origin: 'https://evil.test' },
      'foreign-origin',
    ],
    [
      'a look-alike host (suffix)',
      {
        ...calendarTab,
        url: 'https://calendar.google.com.evil.test/r',
        origin: 'https://calendar.google.com.evil.test',
      },
      'foreign-origin',
    ],
    [
      'a look-alike host (prefix)',
      {
        ...calendarTab,
        url: 'https://evilcalendar.google.com/r',
        origin: 'https://evilcalendar.google.com',
      },
      'foreign-origin',
    ],
    [
      'a look-alike host (userinfo)',
      {
        ...calendarTab,
        url: 'https://calendar.google.com@evil.test/r',
        origin: 'https://evil.test',
      },
      'foreign-origin',
    ],
    [
      'a look-alike host without origin field',
      {
        ...calendarTab,
        url: 'https://calendar.google.com.evil.test/r',
        origin: undefined,
      },
      'foreign-origin',
    ],
    [
      'another Google host',
      {
        ...calendarTab,
        url: 'https://mail.google.com/mail/u/0',
        origin: 'https://mail.google.com',
      },
      'foreign-origin',
    ],
    [
      'http:// Calendar',
      {
        ...calendarTab,
        url: 'http://calendar.google.com/calendar/r',
        origin: 'http://calendar.google.com',
      },
      'foreign-origin',
    ],
    [
      'http:// Meet without origin field',
      { ...meetTab, url: 'http://meet.google.com/abc-defg-hij', origin: undefined },
      'foreign-origin',
    ],
    [
      'a non-default port',
      {
        ...calendarTab,
        url: 'https://calendar.google.com:8443/r',
        origin: 'https://calendar.google.com:8443',
      },
      'foreign-origin',
    ],
    [
      'an origin that disagrees with the url',
      { ...calendarTab, origin: 'https://evil.test' },
      'foreign-origin',
    ],
    ['Meet url claiming Calendar origin', { ...meetTab, origin: CALENDAR_ORIGIN }, 'foreign-origin'],
    ['an opaque origin', { ...calendarTab, origin: 'null' }, 'foreign-origin'],
    ['an unparseable url', { ...calendarTab, url: 'not a url', origin: undefined }, 'foreign-origin'],
    ['about:blank in a tab', { ...calendarTab, url: 'about:blank', origin: undefined }, 'foreign-origin'],
    ['a data: url', { ...calendarTab, url: 'data:text/html,hi', origin: undefined }, 'foreign-origin'],
    [
      'a file: url',
      { ...calendarTab, url: 'file:///calendar.google.com', origin: undefined },
      'foreign-origin',
    ],
    [
      'an extension url of another extension',
      {
        ...calendarTab,
        url: 'chrome-extension://other/panel.html',
        origin: 'chrome-extension://other',
      },
      'foreign-origin',
    ],
    [
      'our extension id as a host prefix',
      {
        ...calendarTab,
        url: 'chrome-extension://duet-extension-id.evil/panel.html',
        origin: undefined,
      },
      'foreign-origin',
    ],
  ])('%s → %s', (_label, sender, reason) => {
    expect(classifySender(sender, SELF)).toEqual({ ok: false, reason });
  });

  it('checks the extension id before anything else', () => {
    expect(classifySender({ id: 'other' }, SELF)).toEqual({ ok: false, reason: 'foreign-extension' });
    expect(classifySender({}, SELF)).toEqual({ ok: false, reason: 'foreign-extension' });
  });

  it('checks the tab before the frame, and the frame before the origin', () => {
    expect(classifySender({ id: SELF.id, url: 'https://evil.test/', frameId: 2 }, SELF)).toEqual({
      ok: false,
      reason: 'no-tab',
    });
    expect(
      classifySender({ id: SELF.id, url: 'https://evil.test/', frameId: 2, tab: { id: 1 } }, SELF),
    ).toEqual({
      ok: false,
      reason: 'subframe',
    });
  });

  it('never reads the payload: only browser-supplied fields decide', () => {
    const withExtras = { ...calendarTab, kind: 'extension-page', documentId: 'x' } as RawSender;
    expect(classifySender(withExtras, SELF)).toEqual({ ok: true, kind: 'calendar-content', tabId: 7 });
  });
});

describe('calendarAccountOf and calendarBase', () => {
  it('reads the account index of a Calendar URL, and nothing from anything else', () => {
    expect(calendarAccountOf('https://calendar.google.com/calendar/u/0/r/week/2026/3/22')).toBe(0);
    expect(calendarAccountOf('https://calendar.google.com/calendar/u/3/r')).toBe(3);
    expect(calendarAccountOf('https://calendar.google.com/calendar/b/1/r/day')).toBeNull(); // brand accounts count apart
    expect(calendarAccountOf('https://calendar.google.com/calendar/u/1?pli=1')).toBe(1);
    expect(calendarAccountOf('https://calendar.google.com/calendar/r/week')).toBeNull();
    expect(calendarAccountOf('https://calendar.google.com/calendar/u/123/r')).toBeNull();
    expect(calendarAccountOf('https://evil.example/calendar/u/1/r')).toBeNull();
    expect(calendarAccountOf('https://calendar.google.com.evil.example/calendar/u/1/r')).toBeNull();
    expect(calendarAccountOf(undefined)).toBeNull();
  });

  it('builds the Calendar path for an account, or the default one', () => {
    expect(calendarBase(2)).toBe('https://calendar.google.com/calendar/u/2');
    expect(calendarBase(null)).toBe('https://calendar.google.com/calendar');
  });
});
