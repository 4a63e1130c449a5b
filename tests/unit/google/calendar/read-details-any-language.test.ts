/**
 * The popover in a language whose words Duet does not know (anything but en/de/fr): the guest count is read
 * without words (the one number of the guest summary, `#xDetDlgAtt .UfeRlc`), and what cannot be read is
 * said, never read as "nothing": a summary whose count is unreadable leaves the rows possibly partial, and
 * rows whose organizer word is unknown leave who organised it untold.
 */
import { describe, expect, it } from 'vitest';
import { isEventDetails } from '@/lib/google/calendar/guards';
import { EventDetailsSchema } from '@/lib/google/calendar/model';
import { readEventDetails } from '@/lib/google/calendar/read-details';
import { calendarSelectors } from '@/lib/google/calendar/selectors';
import { loadCalendarFixture } from './calendar-fixtures';

/** The English popover (2 rows drawn) shown in `lang`, its summary reading `summary`. */
function popoverIn(lang: string, summary: string): Document {
  const doc = loadCalendarFixture('gcal-event-popover.html');
  doc.documentElement.setAttribute('lang', lang);
  doc.querySelector(calendarSelectors.guestSummary.css)!.textContent = summary;
  // The rows' words in that language (Duet knows none of them).
  for (const row of doc.querySelectorAll('[role="treeitem"]'))
    row.setAttribute(
      'aria-label',
      (row.getAttribute('aria-label') ?? '').replace('Organizer', 'Organizador'),
    );
  for (const word of doc.querySelectorAll('.pB3Txe')) word.textContent = 'Organizador';
  return doc;
}

const valid = (details: unknown) => {
  expect(EventDetailsSchema.safeParse(details).success).toBe(true);
  expect(isEventDetails(details)).toBe(true);
};

describe('readEventDetails in any language', () => {
  it.each([
    ['es', '5 invitados'],
    ['pt-BR', '5 convidados'],
    ['it', '5 invitati'],
    ['nl', '5 gasten'],
    ['ja', 'ゲスト 5 人'],
    ['zh-CN', '5 位邀请对象'],
    ['ko', '참석자 5명'],
    ['pl', 'Goście: 5'],
    ['ru', '5 гостей'],
    ['ar', '٥ ضيوف'],
  ])('%s: reads the count of %j without its words', (lang, summary) => {
    const details = readEventDetails(popoverIn(lang, summary))!;
    expect(details.guests).toHaveLength(2);
    expect(details.guestCount).toBe(5);
    expect(details).not.toHaveProperty('countUnread');
    valid(details);
  });

  it('reads a count with a thousands separator as one number', () => {
    expect(readEventDetails(popoverIn('es', '1.200 invitados'))!.guestCount).toBe(1200);
    expect(readEventDetails(popoverIn('en', '1,200 guests'))!.guestCount).toBe(1200);
  });

  it.each([
    ['es', 'cinco invitados'],
    ['es', '5 invitados, 2 sí'],
  ])(
    '%s: a summary %j whose count cannot be read says so: the rows may be some of the guests only',
    (lang, summary) => {
      const details = readEventDetails(popoverIn(lang, summary))!;
      expect(details.guestCount).toBeNull();
      expect(details.countUnread).toBe(true);
      valid(details);
    },
  );

  it('no summary drawn yet (empty) is not an unread count', () => {
    const details = readEventDetails(popoverIn('es', ''))!;
    expect(details.guestCount).toBeNull();
    expect(details).not.toHaveProperty('countUnread');
  });

  it('a language whose organizer word is unknown says so; a known one does not', () => {
    const spanish = readEventDetails(popoverIn('es', '2 invitados'))!;
    expect(spanish.guests!.every((guest) => !guest.organizer)).toBe(true);
    expect(spanish.organizerUnread).toBe(true);
    valid(spanish);
    const english = readEventDetails(loadCalendarFixture('gcal-event-popover.html'))!;
    expect(english).not.toHaveProperty('organizerUnread');
    expect(english.guests!.some((guest) => guest.organizer)).toBe(true);
  });

  it('the checks agree with the schema on the new fields', () => {
    const base = readEventDetails(popoverIn('es', 'cinco invitados'))!;
    for (const candidate of [
      { ...base, countUnread: false },
      { ...base, countUnread: 'yes' },
      { ...base, organizerUnread: false },
      { ...base, organizerUnread: null },
      { ...base, countUnread: undefined },
      { ...base, organizerUnread: true, countUnread: true },
    ])
      expect(isEventDetails(candidate), JSON.stringify(candidate).slice(-60)).toBe(
        EventDetailsSchema.safeParse(candidate).success,
      );
  });
});
