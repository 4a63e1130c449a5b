import { describe, expect, it } from 'vitest';
import { decodeEventId, isNonEventId } from '@/lib/domain/event-id';
import { encodeEventId, fixturesIndex } from '../helpers/fixtures';

describe('decodeEventId on the fixture ids', () => {
  it.each(fixturesIndex.events.map((event) => [event.title, event] as const))(
    'decodes %s to its event id and calendar',
    (_title, event) => {
      const decoded = decodeEventId(event.data_eventid);
      expect(decoded).not.toBeNull();
      expect(decoded?.eventId).toBe(event.decoded_event_id);
      expect(decoded?.calendarId).toBe(event.calendar_id);
    },
  );

  it.each(fixturesIndex.events.map((event) => [event.title, event] as const))(
    'splits %s into series and instance',
    (_title, event) => {
      const decoded = decodeEventId(event.data_eventid);
      const instance = /_(\d{8}T\d{6}Z)$/.exec(event.decoded_event_id)?.[1] ?? null;
      // The index marks recurring events; exactly those carry an instance suffix.
      expect(instance !== null).toBe(event.recurring);
      expect(decoded?.instance).toBe(instance);
      expect(decoded?.seriesId).toBe(
        instance === null ? event.decoded_event_id : event.decoded_event_id.slice(0, -(instance.length + 1)),
      );
    },
  );

  it('decodes the all-day event on a group calendar (@g)', () => {
    const { data_eventid, decoded } = fixturesIndex.all_day;
    const [eventId, calendarId] = decoded.split(' ');
    expect(decodeEventId(data_eventid)).toEqual({
      eventId,
      seriesId: eventId,
      instance: null,
      calendarId,
    });
    expect(calendarId).toBe('c_9k2m4n6p8r0t2v4x6z8b0d2f4h@g');
  });

  it('decodes the popover event to the same instance as its chip', () => {
    const chip = fixturesIndex.events.find((event) => event.title === fixturesIndex.popover.event_title);
    expect(chip).toBeDefined();
    expect(decodeEventId(fixturesIndex.popover.data_eventid)).toEqual({
      eventId: '9q7kdlrmoh7cfue81kf5u8fmkk_20260323T170000Z',
      seriesId: '9q7kdlrmoh7cfue81kf5u8fmkk',
      instance: '20260323T170000Z',
      calendarId: 'alice@acme.example',
    });
    expect(decodeEventId(fixturesIndex.popover.data_eventid)?.eventId).toBe(chip?.decoded_event_id);
  });

  it('gives every instance of a recurring series the same series id', () => {
    const mondays = ['20260302T170000Z', '20260309T170000Z', '20260316T170000Z', '20260323T170000Z'];
    const series = mondays.map(
      (instance) =>
        decodeEventId(encodeEventId(`9q7kdlrmoh7cfue81kf5u8fmkk_${instance} alice@acme.example`))?.seriesId,
    );
    expect(new Set(series)).toEqual(new Set(['9q7kdlrmoh7cfue81kf5u8fmkk']));
  });
});

describe('decodeEventId instance suffixes', () => {
  it.each([
    ['abc123_20260323T170000Z', 'abc123', '20260323T170000Z'],
    ['abc123_20260323', 'abc123', '20260323'],
    // Only the last suffix is the instance; underscores inside the id stay in the series id.
    ['abc_def_20260323T170000Z', 'abc_def', '20260323T170000Z'],
    ['abc_def', 'abc_def', null],
    // Not an instance: wrong digit counts or a missing Z.
    ['abc_2026032', 'abc_2026032', null],
    ['abc_20260323T1700Z', 'abc_20260323T1700Z', null],
    ['abc_20260323T170000', 'abc_20260323T170000', null],
    ['abc20260323T170000Z', 'abc20260323T170000Z', null],
  ])('%s → series %s, instance %s', (eventId, seriesId, instance) => {
    expect(decodeEventId(encodeEventId(`${eventId} someone@m`))).toEqual({
      eventId,
      seriesId,
      instance,
      calendarId: 'someone@m',
    });
  });

  it('never leaves an empty series id (an id that is only a suffix stays whole)', () => {
    const decoded = decodeEventId(encodeEventId('_20260323T170000Z cal@m'));
    expect(decoded?.seriesId).toBe('_20260323T170000Z');
    expect(decoded?.instance).toBeNull();
  });
});

describe('decodeEventId non-events', () => {
  it('returns null for the fixture task', () => {
    expect(decodeEventId(fixturesIndex.task.data_eventid)).toBeNull();
    expect(isNonEventId(fixturesIndex.task.data_eventid)).toBe(true);
  });

  it.each([
    'tasks_VGs5eFIyWnFXbVJmVW10Rk',
    'tasks.abc',
    'ttb_MTIzNDU2Nzg5MA',
    'bday_YWxpY2VAYWNtZS5leGFtcGxl',
  ])('%s is not an event', (id) => {
    expect(isNonEventId(id)).toBe(true);
    expect(decodeEventId(id)).toBeNull();
  });

  it('treats a task prefix as non-event even when the rest would decode', () => {
    // "ttb_" followed by something base64-shaped must still be refused before decoding.
    const encoded = encodeEventId('abc cal@m');
    expect(decodeEventId(`ttb_${encoded}`)).toBeNull();
    expect(decodeEventId(`bday_${encoded}`)).toBeNull();
  });

  it('does not mistake ids that merely contain a prefix for non-events', () => {
    expect(isNonEventId(fixturesIndex.events[0]!.data_eventid)).toBe(false);
    expect(isNonEventId('xtasks_abc')).toBe(false);
  });
});

describe('decodeEventId accepts standard base64 padding', () => {
  it('decodes an id with trailing = padding like one without', () => {
    const bare = encodeEventId('abcd cal@m');
    expect(decodeEventId(`${bare}==`)).toEqual(decodeEventId(bare));
    expect(decodeEventId(`${bare}==`)?.eventId).toBe('abcd');
  });
});

describe('decodeEventId on calendars named by an address with an apostrophe or plus', () => {
  it.each(["patrick.o'brien@acme.example", 'me+work@acme.example'])('keeps the chips of %s', (calendar) => {
    expect(decodeEventId(encodeEventId(`abc123def456 ${calendar}`))).toEqual({
      eventId: 'abc123def456',
      seriesId: 'abc123def456',
      instance: null,
      calendarId: calendar,
    });
  });

  it("still refuses those characters in the event's own id", () => {
    expect(decodeEventId(encodeEventId("abc'123 cal@m"))).toBeNull();
  });
});

describe('decodeEventId fails closed on malformed input', () => {
  const valid = fixturesIndex.events[1]!.data_eventid;

  it.each([
    ['empty', ''],
    ['not base64 (space)', 'abc def'],
    ['not base64 (symbols)', 'YWJj!GNhbEBt'],
    ['non-ASCII', 'YWJjIGNhbEBt\u00e9'],
    ['padding in the middle', `YWJj=${encodeEventId('abcd cal@m')}`],
    ['impossible length (4n+1)', 'YWJjZ'],
    ['a single character', 'Y'],
  ])('%s → null', (_label, input) => {
    expect(decodeEventId(input)).toBeNull();
  });

  it.each([
    ['one part (no calendar)', 'abc123'],
    ['three parts', 'abc123 cal@m extra'],
    ['two spaces', 'abc123  cal@m'],
    ['leading space', ' abc123 cal@m'],
    ['trailing space', 'abc123 cal@m '],
    ['empty event id', ' cal@m'],
    ['empty calendar', 'abc123 '],
  ])('wrong part count: %s → null', (_label, decoded) => {
    expect(decodeEventId(encodeEventId(decoded))).toBeNull();
  });

  it.each([
    ['markup in the id', '<img src=x> cal@m'],
    ['quote in the calendar', 'abc123 "cal"@m'],
    ['newline', 'abc\n123 cal@m'],
    ['tab separator', 'abc123\tcal@m'],
    ['NUL byte', 'abc\u0000 cal@m'],
    ['high bytes', 'abc\u00ff cal@m'],
  ])('characters outside the id alphabet: %s → null', (_label, decoded) => {
    expect(decodeEventId(encodeEventId(decoded))).toBeNull();
  });

  it('accepts up to 512 characters and rejects anything longer', () => {
    // 381 raw bytes → 508 base64 chars; 384 → 512; 387 → 516.
    const idOfLength = (bytes: number) => `${'a'.repeat(bytes - 6)} cal@m`;
    const at508 = encodeEventId(idOfLength(381));
    const at512 = encodeEventId(idOfLength(384));
    const at516 = encodeEventId(idOfLength(387));
    expect([at508.length, at512.length, at516.length]).toEqual([508, 512, 516]);
    expect(decodeEventId(at508)?.calendarId).toBe('cal@m');
    expect(decodeEventId(at512)?.calendarId).toBe('cal@m');
    expect(decodeEventId(at516)).toBeNull();
    expect(decodeEventId(`${valid}${'A'.repeat(100_000)}`)).toBeNull();
  });

  it('rejects a fixture id truncated before its calendar part', () => {
    // 40 base64 chars = 30 bytes: "9q7kdlrmoh7cfue81kf5u8fmkk_202", no space, so no calendar.
    expect(decodeEventId(valid.slice(0, 40))).toBeNull();
  });
});

describe('decodeEventId alphabets', () => {
  it('decodes the url-safe alphabet like the standard one', () => {
    // "~" and "?" make the standard encoding contain "+" and "/"; the url-safe one uses "-" and "_".
    const standard = btoa('ab~ ??>').replace(/=+$/, '');
    const urlSafe = standard.replace(/\+/g, '-').replace(/\//g, '_');
    expect(standard).toMatch(/[+/]/);
    expect(urlSafe).toMatch(/[-_]/);
    // Both alphabets reach the same decoded text; it is then refused for its characters, identically.
    expect(decodeEventId(standard)).toBeNull();
    expect(decodeEventId(urlSafe)).toBeNull();
  });

  it('never needs "+", "/", "-" or "_" for a valid id (ASCII id characters stay below index 62)', () => {
    for (const event of fixturesIndex.events) expect(event.data_eventid).toMatch(/^[A-Za-z0-9]+$/);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.@-';
    expect(btoa(`${alphabet} ${alphabet}`)).toMatch(/^[A-Za-z0-9]+={0,2}$/);
    expect(decodeEventId(encodeEventId(`${alphabet} ${alphabet}`))?.eventId).toBe(alphabet);
  });
});
