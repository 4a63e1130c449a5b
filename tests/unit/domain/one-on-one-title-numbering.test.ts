/**
 * "1-1" and "1:1" that number or measure something are not 1:1s: a section, a level, a floor or building, a
 * room, a ratio or a scale ("Aspect ratio 1:1", "Scale 1:1 prototype"). With a person after it, it still is.
 */
import { describe, expect, it } from 'vitest';
import { classifyTitle } from '@/lib/domain/one-on-one-title';

describe('classifyTitle: numbering and measures', () => {
  it.each([
    'Section 1-1',
    'Level 1-1',
    'Floor 1-1',
    'Building 1-1',
    'Kapitel 1-1',
    'Abschnitt 1-1',
    'Raum 1-1',
    'Ratio 1:1',
    'Aspect ratio 1:1',
    'Scale 1:1 prototype',
  ])('%s is not a 1:1', (title) => {
    expect(classifyTitle(title)).toBeNull();
  });

  it.each(['1:1 Alice / Bob', 'Level 1:1 with Bob', 'Section 1:1 with Carol', '1:1 review'])(
    '%s still is',
    (title) => {
      expect(classifyTitle(title)?.kind).toBe('one-on-one');
    },
  );

  it.each(['Skip level 1:1', 'skip-level 1:1', 'Skiplevel 1:1'])('%s is a skip-level 1:1', (title) => {
    expect(classifyTitle(title)?.kind).toBe('skip-level');
  });
});
