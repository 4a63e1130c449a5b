import { describe, expect, it } from 'vitest';
import { guessCadenceDays } from '@/components/panel/calendar/calendar-text';

describe('guessCadenceDays: counted and hyphened cadence words in the title', () => {
  it.each<[string, number]>([
    ['6-weekly career 1:1', 42],
    ['Career chat (3-weekly)', 21],
    ['six-weekly check-in', 42],
    ['Three-weekly 1:1 Alice / Bob', 21],
    ['8-weekly skip-level', 56],
    ['Alice / Bob every 3 weeks', 21],
    ['1:1 every six weeks', 42],
    ['3-monthly career review', 90],
    ['Alice / Bob every 2 months', 60],
    ['Bi-monthly skip-level', 60],
    ['Bimonthly skip-level', 60],
    ['Dreiwöchentliches Einzelgespräch', 21],
    ['Sechs-wöchentlich: Alice / Bob', 42],
    ['Zweimonatliches Gespräch', 60],
    ['1:1 toutes les 3 semaines', 21],
    ['Bi-weekly: Alice / Bob', 14],
    ['biweekly Alice / Bob', 14],
    ['Fortnightly Alice / Bob', 14],
  ])('%j → %i days', (title, days) => {
    expect(guessCadenceDays(title, 'career')).toBe(days);
  });

  it('reads no cadence from a word it does not know joined by a hyphen', () => {
    // Not "weekly"/"monthly" from the tail: the kind's default (career 30, one-on-one 14).
    expect(guessCadenceDays('Semi-weekly sync Alice / Bob', 'one-on-one')).toBe(14);
    expect(guessCadenceDays('Semi-monthly sync Alice / Bob', 'one-on-one')).toBe(14);
  });

  it('lets a parsed recurrence line win over an unknown or ambiguous title word', () => {
    expect(guessCadenceDays('Career chat (3-weekly)', 'career', {}, 'Every 3 weeks on Tuesday')).toBe(21);
    expect(
      guessCadenceDays('Bi-monthly skip-level', 'skip-level', {}, 'Every 2 months on the first Monday'),
    ).toBe(60);
    expect(guessCadenceDays('Bi-monthly skip-level', 'skip-level', {}, 'Every 2 weeks on Monday')).toBe(14);
    expect(guessCadenceDays('Semi-weekly sync', 'one-on-one', {}, 'Weekly on Tuesday and Friday')).toBe(4);
    expect(guessCadenceDays('Career 6-weekly', 'career', {}, 'Alle 6 Wochen am Dienstag')).toBe(42);
  });
});
