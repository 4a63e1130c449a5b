import { describe, expect, it } from 'vitest';
import { recurrenceCadenceDays } from '@/lib/domain/recurrence';

describe('recurrenceCadenceDays', () => {
  it.each<[string, string, number]>([
    // English (en-US and en-GB read the same)
    ['en', 'Daily', 1],
    ['en', 'Every weekday (Monday to Friday)', 1],
    ['en', 'Weekly on weekdays', 1],
    ['en', 'Weekly on Monday', 7],
    ['en', 'Weekly on Monday, until Jun 30, 2026', 7],
    // Several weekdays: that many meetings a week (rounded days between them).
    ['en', 'Weekly on Tuesday, Thursday', 4],
    ['en', 'Weekly on Tuesday and Thursday', 4],
    ['en', 'Weekly on Monday, Wednesday, Friday', 2],
    ['en', 'Every 2 weeks on Monday and Thursday', 7],
    ['en', 'Weekly on Monday, until Monday, Jun 29, 2026', 7],
    // The end date's weekday is not a meeting day.
    ['en', 'Weekly on Monday, until Tuesday, Jun 30, 2026', 7],
    ['en', 'Every 2 weeks on Monday, until Wednesday, Dec 30, 2026', 14],
    ['en', 'Weekly on Tuesday and Thursday, until Friday, Jul 31, 2026', 4],
    ['de', 'Wöchentlich am Montag, bis Dienstag, 30. Juni 2026', 7],
    ['fr', "Toutes les semaines le lundi, jusqu'au mardi 30 juin 2026", 7],
    ['en', 'Every 2 weeks on Tuesday', 14],
    ['en', 'Every 3 weeks on Friday, 10 times', 21],
    ['en', 'Every other week on Monday', 14],
    ['en', 'Fortnightly on Monday', 14],
    ['en', 'Monthly on the first Monday', 30],
    ['en', 'Monthly on day 15', 30],
    ['en', 'Every 2 months on the last Friday', 60],
    ['en', 'Every 3 days', 3],
    ['en', '  weekly   ON monday ', 7],
    // German
    ['de', 'Täglich', 1],
    ['de', 'Jeden Wochentag (Montag bis Freitag)', 1],
    ['de', 'Wöchentlich am Montag', 7],
    ['de', 'Alle 2 Wochen am Dienstag', 14],
    ['de', 'Wöchentlich am Dienstag und Donnerstag', 4],
    ['de', 'Alle zwei Wochen am Dienstag', 14],
    ['de', 'Monatlich am ersten Montag', 30],
    ['de', 'Alle 2 Monate am ersten Montag', 60],
    // French
    ['fr', 'Tous les jours', 1],
    ['fr', 'Tous les jours ouvrés (du lundi au vendredi)', 1],
    ['fr', 'Toutes les semaines le lundi', 7],
    ['fr', 'Toutes les 2 semaines le mardi', 14],
    ['fr', 'Toutes les semaines le mardi et le jeudi', 4],
    ['fr', 'Toutes les deux semaines le mardi', 14],
    ['fr', 'Tous les mois le premier lundi', 30],
    ['fr', 'Tous les 3 mois le premier lundi', 90],
    ['fr', 'Tous les 2 jours', 2],
  ])('%s %j → %i days', (_language, line, days) => {
    expect(recurrenceCadenceDays(line)).toBe(days);
  });

  it.each<[string, string | null | undefined]>([
    ['no line', null],
    ['undefined', undefined],
    ['an empty line', '   '],
    ['yearly', 'Annually on March 23'],
    ['yearly (de)', 'Jährlich am 23. März'],
    ['yearly (fr)', 'Tous les ans le 23 mars'],
    ['every 0 weeks', 'Every 0 weeks on Monday'],
    ['more than a year', 'Every 60 weeks on Monday'],
    ['every N years', 'Every 2 years'],
    ['unknown wording', 'Custom'],
    ['another language', 'Semanalmente el lunes'],
    ['a cadence word not at the start', 'Does not repeat weekly'],
    ['a longer word', 'Weeklyish'],
  ])('fails closed for %s', (_label, line) => {
    expect(recurrenceCadenceDays(line)).toBeNull();
  });
});
