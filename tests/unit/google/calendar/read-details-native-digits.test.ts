/**
 * A guest summary written in the page language's own digits ("٢ ضيوف", "۵ مهمان", "५ अतिथि", "５名") is a
 * count like any other: unread, the user's own tracked series stopped being linked once its popover was read.
 */
import { describe, expect, it } from 'vitest';
import { readEventDetails } from '@/lib/google/calendar/read-details';
import { calendarSelectors } from '@/lib/google/calendar/selectors';
import { loadCalendarFixture } from './calendar-fixtures';

function popoverIn(lang: string, summary: string): Document {
  const doc = loadCalendarFixture('gcal-event-popover.html');
  doc.documentElement.setAttribute('lang', lang);
  doc.querySelector(calendarSelectors.guestSummary.css)!.textContent = summary;
  return doc;
}

describe('readEventDetails: the count in any script’s digits', () => {
  it.each([
    ['ar', '٢ ضيوف', 2],
    ['ar', '٥ ضيوف', 5],
    ['ar', '١٢ ضيفًا', 12],
    ['fa', '۵ مهمان', 5],
    ['ur', '۱۰ مہمان', 10],
    ['hi', '५ अतिथि', 5],
    ['bn', '৩ জন অতিথি', 3],
    ['th', 'ผู้เข้าร่วม ๗ คน', 7],
    ['ja', 'ゲスト ５ 人', 5],
    ['ar', '١٬٢٠٠ ضيف', 1200],
    ['es', '1.200 invitados', 1200],
  ] as const)('%s: %j is %d guests', (lang, summary, count) => {
    const details = readEventDetails(popoverIn(lang, summary))!;
    expect(details.guestCount).toBe(count);
    expect(details).not.toHaveProperty('countUnread');
  });

  it.each([
    ['ar', 'خمسة ضيوف'],
    ['ar', '٥ ضيوف، ٢ نعم'],
  ])('%s: %j still cannot be read', (lang, summary) => {
    const details = readEventDetails(popoverIn(lang, summary))!;
    expect(details.guestCount).toBeNull();
    expect(details.countUnread).toBe(true);
  });
});
