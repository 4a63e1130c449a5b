import { describe, expect, it } from 'vitest';
import { formatRelativeTime, snippet, writesDayFirst } from '@/components/shared/format';

const NOW = Date.UTC(2026, 2, 23, 17, 0, 0);
const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe('formatRelativeTime', () => {
  it.each<[string, number, string]>([
    ['now', 0, 'just now'],
    ['44 s ago', 44 * S, 'just now'],
    ['45 s ago', 45 * S, '1 min ago'],
    ['90 s ago', 90 * S, '2 min ago'],
    ['59 min ago', 59 * MIN, '59 min ago'],
    ['59 min 29 s ago', 59 * MIN + 29 * S, '59 min ago'],
    ['59 min 30 s ago (rounds up into hours)', 59 * MIN + 30 * S, '1 h ago'],
    ['3 h ago', 3 * H, '3 h ago'],
    ['23 h ago', 23 * H, '23 h ago'],
    ['23 h 30 min ago (rounds up into days)', 23 * H + 30 * MIN, '1 d ago'],
    ['2 d ago', 2 * D, '2 d ago'],
    ['13 d ago', 13 * D, '13 d ago'],
  ])('%s → %s', (_label, ago, expected) => {
    expect(formatRelativeTime(NOW - ago, NOW)).toBe(expected);
  });

  it('shows a date from 14 days on', () => {
    const timestamp = NOW - 14 * D;
    const formatted = formatRelativeTime(timestamp, NOW);
    expect(formatted).toBe(
      new Date(timestamp).toLocaleDateString(undefined, { month: 'short', day: 'numeric', year: 'numeric' }),
    );
    expect(formatted).toContain('2026');
    expect(formatted).not.toContain('ago');
  });

  it('says "just now" for timestamps slightly in the future (clock skew between devices)', () => {
    expect(formatRelativeTime(NOW + 5 * MIN, NOW)).toBe('just now');
  });

  it('uses the current time by default', () => {
    expect(formatRelativeTime(Date.now() - 3 * H)).toBe('3 h ago');
  });
});

describe('snippet', () => {
  it('collapses whitespace and newlines into one line', () => {
    expect(snippet('  Agreed:\n\n\tBob drafts   the plan.\r\nNext time: H2  ')).toBe(
      'Agreed: Bob drafts the plan. Next time: H2',
    );
  });

  it('keeps text up to the limit and ellipsises beyond it, staying within max', () => {
    expect(snippet('a'.repeat(140))).toBe('a'.repeat(140));
    const cut = snippet('a'.repeat(141));
    expect(cut).toBe(`${'a'.repeat(139)}…`);
    expect(cut).toHaveLength(140);
    expect(snippet('abcdefghij', 5)).toBe('abcd…');
  });

  it('measures the limit after collapsing whitespace', () => {
    expect(snippet(`${'a '.repeat(70)}`.replace(/ /g, '    '))).toBe('a '.repeat(70).trim());
  });

  it('returns "" for empty or blank text', () => {
    expect(snippet('')).toBe('');
    expect(snippet(' \n\t ')).toBe('');
  });

  it('keeps markup as literal text', () => {
    expect(snippet('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('never cuts an emoji in half', () => {
    const text = `${'a'.repeat(138)}😀 and more`;
    const cut = snippet(text);
    // A lone surrogate renders as "�"; the cut must land on a character boundary.
    expect(cut.isWellFormed()).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('writesDayFirst', () => {
  it.each([
    ['en-US', false],
    ['en-GB', true],
    ['fr', true],
    ['de', true],
    ['ja', false],
  ])('%s → %s', (locale, expected) => {
    expect(writesDayFirst(locale)).toBe(expected);
  });
});
