import { describe, expect, it } from 'vitest';
import { guessCadenceDays } from '@/components/panel/calendar/calendar-text';

describe('guessCadenceDays with the popover’s recurrence line', () => {
  it('takes the recurrence when the title names no cadence', () => {
    expect(guessCadenceDays('Alice / Bob', 'one-on-one', {}, 'Weekly on Monday')).toBe(7);
    expect(guessCadenceDays('Alice / Bob', 'one-on-one', {}, 'Alle 2 Wochen am Dienstag')).toBe(14);
    expect(guessCadenceDays('Alice / Bob', 'peer', {}, 'Toutes les semaines le lundi')).toBe(7);
    expect(guessCadenceDays('Alice / Bob', 'one-on-one', {}, 'Monthly on the first Monday')).toBe(30);
  });

  it('lets cadence words in the title win over the recurrence', () => {
    expect(guessCadenceDays('Biweekly 1:1 Alice / Bob', 'one-on-one', {}, 'Weekly on Monday')).toBe(14);
    expect(guessCadenceDays('Monthly: Alice / Bob', 'one-on-one', {}, 'Weekly on Monday')).toBe(30);
    expect(guessCadenceDays('Alice / Bob every 4 weeks', 'one-on-one', {}, 'Weekly on Monday')).toBe(28);
  });

  it('gives "monthly" the same 30 days from the title as from the recurrence line', () => {
    expect(guessCadenceDays('Monthly 1:1 Alice / Bob', 'one-on-one', {}, null)).toBe(
      guessCadenceDays('1:1 Alice / Bob', 'one-on-one', {}, 'Monthly on the first Monday'),
    );
  });

  it('lets the recurrence win over the user’s default for the kind', () => {
    expect(
      guessCadenceDays('Skip-level: Alice / Ivy', 'skip-level', { 'skip-level': 30 }, 'Weekly on Monday'),
    ).toBe(7);
  });

  it('falls back to the user’s default, then the built-in one, when the recurrence says nothing known', () => {
    expect(guessCadenceDays('Skip-level: Alice / Ivy', 'skip-level', { 'skip-level': 30 }, 'Annually')).toBe(
      30,
    );
    expect(guessCadenceDays('Peer 1:1 — Alice & Evan', 'peer', {}, 'Custom')).toBe(28);
    expect(guessCadenceDays('Peer 1:1 — Alice & Evan', 'peer', {}, null)).toBe(28);
  });
});
