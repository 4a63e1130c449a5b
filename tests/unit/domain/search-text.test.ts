import { describe, expect, it } from 'vitest';
import { normaliseForSearch } from '@/lib/domain/search-text';

/** Does `query` find `text`, as every search compares them (a substring of the normalised text)? */
const finds = (query: string, text: string) => normaliseForSearch(text).includes(normaliseForSearch(query));

describe('normaliseForSearch', () => {
  it('folds accents and case', () => {
    expect(normaliseForSearch('Zoë Ångström ÉTÉ')).toBe('zoe angstrom ete');
  });

  it('letters without a decomposition read as their base: "soren" finds "Søren", "lodz" finds "Łódź"', () => {
    expect(normaliseForSearch('Søren Ørsted')).toBe('soren orsted');
    expect(normaliseForSearch('Łódź')).toBe('lodz');
    expect(normaliseForSearch('Æbeltoft Œuvre Đorđe Þór')).toBe('aebeltoft oeuvre dorde thor');
    expect(normaliseForSearch('SØREN')).toBe(normaliseForSearch('soren'));
  });

  it('ß is ss, either way round: "strasse" finds "Straße", "Straße" finds "STRASSE"', () => {
    expect(normaliseForSearch('Straße')).toBe('strasse');
    expect(finds('strasse', 'Straße')).toBe(true);
    expect(finds('Straße', 'STRASSE')).toBe(true);
    expect(finds('STRAẞE', 'straße')).toBe(true);
  });

  it('the Greek final sigma is σ: "ΟΔΟΣ" finds "ΟΔΟΣΤΡΩΜΑ"', () => {
    expect(normaliseForSearch('ΟΔΟΣ')).toBe('οδοσ');
    expect(finds('ΟΔΟΣ', 'ΟΔΟΣΤΡΩΜΑ check')).toBe(true);
    expect(finds('οδός', 'ΟΔΟΣΤΡΩΜΑ')).toBe(true);
  });

  it('curly apostrophes are straight ones: "bob\'s" finds "Bob’s"', () => {
    expect(normaliseForSearch('Bob’s deck')).toBe("bob's deck");
    expect(finds("bob's", 'Bob’s deck')).toBe(true);
    expect(finds('Bob‘s', "Bob's deck")).toBe(true);
  });

  it('quotes around words are not part of the search', () => {
    expect(normaliseForSearch('"rollout plan"')).toBe('rollout plan');
    expect(normaliseForSearch('“rollout plan”')).toBe('rollout plan');
    expect(normaliseForSearch("'rollout plan'")).toBe('rollout plan');
    expect(normaliseForSearch('‘rollout plan’')).toBe('rollout plan');
    expect(finds('"rollout plan"', 'Share the rollout plan (v2)')).toBe(true);
    expect(finds('rollout plan', 'Share the "rollout plan"')).toBe(true);
    expect(finds('"rollout', 'the rollout')).toBe(true);
  });

  it('each character alone normalises as within a word (search excerpts map positions char by char)', () => {
    for (const char of ["'", '’', 'ß', 'ς', 'Σ'])
      expect(normaliseForSearch(char)).toBe(normaliseForSearch(`a${char}a`).slice(1, -1));
  });
});
