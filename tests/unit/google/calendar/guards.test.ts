/**
 * The content script's hand-written checks must accept and refuse exactly what the zod schemas do
 * (the schemas stay the single source; the guards only exist to keep zod out of the content script).
 */
import { describe, expect, it } from 'vitest';
import { isCalendarEvent, isEventDetails } from '@/lib/google/calendar/guards';
import { CalendarEventSchema, EventDetailsSchema } from '@/lib/google/calendar/model';
import { readCalendarEvents } from '@/lib/google/calendar/read-chips';
import { readEventDetails } from '@/lib/google/calendar/read-details';
import { CALENDAR_FIXTURES, loadCalendarFixture } from './calendar-fixtures';

const validEvents = CALENDAR_FIXTURES.flatMap((name) =>
  readCalendarEvents(loadCalendarFixture(name)).map(({ event }) => event),
);
const validDetails = (['gcal-event-popover.html', 'gcal-event-popover-de.html'] as const).map((name) =>
  readEventDetails(loadCalendarFixture(name))!,
);

/** Ways to break (or keep valid) one field: each mutation is applied to every valid sample. */
const VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'x'.repeat(513),
  'x'.repeat(1025),
  0,
  -1,
  1.5,
  3,
  true,
  false,
  [],
  {},
  '2026-03-23',
  '2026-3-23',
  '10:30',
  '24:00',
  '9:30',
  'accepted',
  'maybe',
  'person',
  'robot',
  'abc-defg-hij',
  'ABC-DEFG-HIJ',
  'YWJj',
  'a b',
];

function mutations<T extends object>(sample: T): unknown[] {
  const out: unknown[] = [sample];
  for (const key of Object.keys(sample)) {
    for (const value of VALUES) {
      const copy = { ...sample } as Record<string, unknown>;
      if (value === undefined) delete copy[key];
      else copy[key] = value;
      out.push(copy);
    }
  }
  out.push({ ...sample, extra: 1 }, JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(sample).slice(1)}`));
  out.push(null, 'event', [], 42);
  return out;
}

describe('isCalendarEvent agrees with CalendarEventSchema', () => {
  it('on every chip read from every fixture and on every single-field mutation of them', () => {
    expect(validEvents.length).toBeGreaterThan(100);
    let checked = 0;
    for (const sample of validEvents) {
      for (const candidate of mutations(sample)) {
        expect(isCalendarEvent(candidate), JSON.stringify(candidate)?.slice(0, 200)).toBe(
          CalendarEventSchema.safeParse(candidate).success,
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});

describe('isEventDetails agrees with EventDetailsSchema', () => {
  it('on the popovers and on single-field mutations, including of their guests', () => {
    for (const sample of validDetails) {
      expect(isEventDetails(sample)).toBe(true);
      const candidates = [
        ...mutations(sample),
        ...sample.guests!.flatMap((guest, index) =>
          mutations(guest).map((g) => ({
            ...sample,
            guests: sample.guests!.map((o, i) => (i === index ? g : o)),
          })),
        ),
        { ...sample, guests: Array.from({ length: 501 }, () => sample.guests![0]) },
      ];
      for (const candidate of candidates) {
        expect(isEventDetails(candidate), JSON.stringify(candidate)?.slice(0, 200)).toBe(
          EventDetailsSchema.safeParse(candidate).success,
        );
      }
    }
  });
});
