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
});
