import { describe, expect, it } from 'vitest';
import { TabContexts } from '@/lib/background/tab-contexts';
import type { PanelContext } from '@/lib/messaging/protocol';
import { mapSessionArea } from '../helpers/background';

const calendarContext: PanelContext = {
  surface: 'calendar',
  dataEventId: 'OXE3a2Rscm1vaDdjZnVlODFrZjV1OGZta2tfMjAyNjAzMjNUMTcwMDAwWiBhbGljZUBhY21lLmV4YW1wbGU',
  eventKey: '9q7kdlrmoh7cfue81kf5u8fmkk_20260323T170000Z',
  seriesKey: '9q7kdlrmoh7cfue81kf5u8fmkk',
  title: 'Alice / Bob',
  day: '2026-03-23',
  start: '10:00',
  startsAt: Date.UTC(2026, 2, 23, 17, 0),
  recurring: true,
  detection: {
    kind: 'one-on-one',
    confidence: 'confirmed',
    counterparts: [{ email: 'bob.jones@acme.example', name: 'Bob Jones' }],
    trackable: null,
    relationshipId: 'r-bob',
  },
  guests: [{ email: 'bob.jones@acme.example', name: 'Bob Jones' }],
  meetCode: 'abc-defg-hij',
};
const meetContext: PanelContext = {
  surface: 'meet',
  meetingCode: 'abc-defg-hij',
  title: '',
  state: 'ended',
  presenting: false,
  others: [],
  link: { relationshipId: 'r-bob', via: 'participant' },
  trackable: null,
};

describe('TabContexts', () => {
  it('stores one context per tab under tab-context:<id>', async () => {
    const area = mapSessionArea();
    const contexts = new TabContexts(area);
    await contexts.set(1, calendarContext);
    await contexts.set(2, meetContext);
    expect(Object.fromEntries(area.items)).toEqual({
      'tab-context:1': calendarContext,
      'tab-context:2': meetContext,
    });
    expect(await contexts.get(1)).toEqual(calendarContext);
    expect(await contexts.get(2)).toEqual(meetContext);
    expect(await contexts.get(3)).toBeNull();
  });

  it('clear removes only that tab', async () => {
    const area = mapSessionArea();
    const contexts = new TabContexts(area);
    await contexts.set(1, calendarContext);
    await contexts.set(2, meetContext);
    await contexts.clear(1);
    expect(await contexts.get(1)).toBeNull();
    expect(await contexts.get(2)).toEqual(meetContext);
    expect(area.remove).toHaveBeenCalledWith('tab-context:1');
  });

  it('writes nothing for a tab once it closed (a message still being handled then)', async () => {
    const area = mapSessionArea();
    const contexts = new TabContexts(area);
    await contexts.set(1, meetContext);
    await contexts.clear(1);
    await contexts.set(1, meetContext);
    await contexts.setFrameToken(1, 'a'.repeat(32));
    expect(Object.fromEntries(area.items)).toEqual({});
    await contexts.set(2, meetContext);
    expect(await contexts.get(2)).toEqual(meetContext);
  });

  it('survives a restarted worker: a new instance over the same area reads the context', async () => {
    const area = mapSessionArea();
    await new TabContexts(area).set(5, calendarContext);
    expect(await new TabContexts(area).get(5)).toEqual(calendarContext);
  });

  it.each<[string, unknown]>([
    ['a string', 'Alice / Bob'],
    ['an unknown surface', { ...calendarContext, surface: 'gmail' }],
    ['an extra field', { ...calendarContext, notes: 'secret' }],
    ['a missing field', { surface: 'calendar', title: 'x' }],
    ['an old-shape calendar context (no detection)', { ...calendarContext, detection: undefined }],
    ['a bad day', { ...calendarContext, day: '2026-3-23' }],
    ['a bad start', { ...calendarContext, start: '10h00' }],
    ['a start instant that is not a whole ms', { ...calendarContext, startsAt: 1.5 }],
    ['a start instant as text', { ...calendarContext, startsAt: '2026-03-23T17:00:00Z' }],
    ['an old-shape calendar context (no start instant)', { ...calendarContext, startsAt: undefined }],
    [
      'an unknown kind',
      { ...calendarContext, detection: { ...calendarContext.detection, kind: 'three-on-one' } },
    ],
    [
      'a detection with notes',
      { ...calendarContext, detection: { ...calendarContext.detection, notes: 'x' } },
    ],
    ['a bad Meet code', { ...calendarContext, meetCode: 'ABC-DEFG-HIJ' }],
    [
      'more than 50 guests',
      { ...calendarContext, guests: Array.from({ length: 51 }, () => ({ email: null, name: 'G' })) },
    ],
    ['a bad meeting code', { ...meetContext, meetingCode: 'nope' }],
    ['null', null],
  ])('returns null for a stored value that is %s', async (_label, stored) => {
    const area = mapSessionArea();
    area.items.set('tab-context:1', stored);
    expect(await new TabContexts(area).get(1)).toBeNull();
  });

  it('keeps a context without guests or detection verdict (title not read yet)', async () => {
    const area = mapSessionArea();
    const contexts = new TabContexts(area);
    const bare: PanelContext = {
      ...calendarContext,
      day: null,
      start: null,
      startsAt: null,
      recurring: false,
      detection: { kind: null, confidence: null, counterparts: [], trackable: null, relationshipId: null },
      guests: null,
      meetCode: null,
    };
    await contexts.set(1, bare);
    expect(await contexts.get(1)).toEqual(bare);
  });

  it('does not read another tab’s key', async () => {
    const area = mapSessionArea();
    const contexts = new TabContexts(area);
    await contexts.set(11, calendarContext);
    expect(await contexts.get(1)).toBeNull();
    expect(area.get).toHaveBeenLastCalledWith('tab-context:1');
  });

  describe('panel frame tokens', () => {
    const TOKEN_A = '0123456789abcdef0123456789abcdef';
    const TOKEN_B = 'fedcba9876543210fedcba9876543210';

    it('stores one token per tab under tab-frame:<id>, beside the context', async () => {
      const area = mapSessionArea();
      const contexts = new TabContexts(area);
      await contexts.set(1, calendarContext);
      await contexts.setFrameToken(1, TOKEN_A);
      await contexts.setFrameToken(2, TOKEN_B);
      expect(Object.fromEntries(area.items)).toEqual({
        'tab-context:1': calendarContext,
        'tab-frame:1': TOKEN_A,
        'tab-frame:2': TOKEN_B,
      });
      expect(await contexts.frameToken(1)).toBe(TOKEN_A);
      expect(await contexts.frameToken(2)).toBe(TOKEN_B);
      expect(await contexts.frameToken(3)).toBeNull();
      // The token is not a context, and the context not a token.
      expect(await contexts.get(2)).toBeNull();
      expect(await contexts.get(1)).toEqual(calendarContext);
    });

    it('a newer frame of the tab replaces the token: the old one stops being allowed', async () => {
      const contexts = new TabContexts(mapSessionArea());
      await contexts.setFrameToken(1, TOKEN_A);
      await contexts.setFrameToken(1, TOKEN_B);
      expect(await contexts.frameToken(1)).toBe(TOKEN_B);
      expect(await contexts.frameAllowed(1, TOKEN_B)).toBe(true);
      expect(await contexts.frameAllowed(1, TOKEN_A)).toBe(false);
    });

    it('frameAllowed only for exactly the token of that tab', async () => {
      const area = mapSessionArea();
      const contexts = new TabContexts(area);
      await contexts.setFrameToken(1, TOKEN_A);
      await contexts.setFrameToken(2, TOKEN_B);
      expect(await contexts.frameAllowed(1, TOKEN_A)).toBe(true);
      expect(await contexts.frameAllowed(2, TOKEN_B)).toBe(true);
      // Another tab's token, no token, an empty one, a near miss.
      expect(await contexts.frameAllowed(1, TOKEN_B)).toBe(false);
      expect(await contexts.frameAllowed(2, TOKEN_A)).toBe(false);
      for (const token of [null, undefined, '', TOKEN_A.toUpperCase(), TOKEN_A.slice(1), `${TOKEN_A}0`]) {
        expect(await contexts.frameAllowed(1, token), String(token)).toBe(false);
      }
      // A tab that never opened a frame allows nothing, not even "no token".
      for (const token of [null, undefined, '', TOKEN_A]) {
        expect(await contexts.frameAllowed(3, token), String(token)).toBe(false);
      }
      expect(area.get).toHaveBeenLastCalledWith('tab-frame:3');
    });

    it('without a token to present, nothing is read', async () => {
      const area = mapSessionArea();
      const contexts = new TabContexts(area);
      await contexts.setFrameToken(1, TOKEN_A);
      for (const token of [null, undefined, '']) expect(await contexts.frameAllowed(1, token)).toBe(false);
      expect(area.get).not.toHaveBeenCalled();
    });

    it.each<[string, unknown]>([
      ['a number', 42],
      ['an object', { token: TOKEN_A }],
      ['null', null],
      ['an array', [TOKEN_A]],
    ])('a stored token that is %s is no token', async (_label, stored) => {
      const area = mapSessionArea();
      area.items.set('tab-frame:1', stored);
      const contexts = new TabContexts(area);
      expect(await contexts.frameToken(1)).toBeNull();
      expect(await contexts.frameAllowed(1, TOKEN_A)).toBe(false);
    });

    it('clear removes the tab’s token with its context, and only that tab’s', async () => {
      const area = mapSessionArea();
      const contexts = new TabContexts(area);
      await contexts.set(1, calendarContext);
      await contexts.setFrameToken(1, TOKEN_A);
      await contexts.set(2, meetContext);
      await contexts.setFrameToken(2, TOKEN_B);
      await contexts.clear(1);
      expect(area.remove).toHaveBeenCalledWith('tab-context:1');
      expect(area.remove).toHaveBeenCalledWith('tab-frame:1');
      expect(await contexts.frameToken(1)).toBeNull();
      expect(await contexts.frameAllowed(1, TOKEN_A)).toBe(false);
      expect(Object.fromEntries(area.items)).toEqual({
        'tab-context:2': meetContext,
        'tab-frame:2': TOKEN_B,
      });
    });

    it('survives a restarted worker: a new instance over the same area allows the same frame', async () => {
      const area = mapSessionArea();
      await new TabContexts(area).setFrameToken(5, TOKEN_A);
      expect(await new TabContexts(area).frameAllowed(5, TOKEN_A)).toBe(true);
    });
  });
});
