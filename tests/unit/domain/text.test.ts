import { describe, expect, it } from 'vitest';
import { isBlank, lengthOver } from '@/lib/domain/text';

describe('isBlank', () => {
  it.each([
    '',
    ' ',
    '\n\t ',
    '\u00a0\u3000',
    '\u200b',
    '\u200c\u200d',
    '\u2060',
    '\ufeff',
    ' \u200b \ufeff ',
    '\u00ad\u200e\u200f',
  ])('%j is blank', (text) => {
    expect(isBlank(text)).toBe(true);
  });

  it.each(['a', ' Sam ', '\u200bSam', '·', '😀', '\u0301', '0'])('%j is not', (text) => {
    expect(isBlank(text)).toBe(false);
  });
});

describe('lengthOver', () => {
  it('is the trimmed length when over the limit, else null', () => {
    expect(lengthOver('x'.repeat(1000), 1000)).toBeNull();
    expect(lengthOver(` ${'x'.repeat(1000)}  `, 1000)).toBeNull();
    expect(lengthOver('x'.repeat(1001), 1000)).toBe(1001);
  });
});

describe('invisible text is refused where a point or an agreement is added', () => {
  it('an agreement line whose text is only invisible characters agrees nothing', async () => {
    const { parseAgreementLine } = await import('@/lib/domain/capture');
    const parsed = parseAgreementLine('Sam: \u200b\u200b', {
      now: new Date(2026, 2, 25, 10),
      counterpartNames: ['Sam Lee'],
      locale: 'en',
    });
    expect(parsed.ok).toBe(false);
  });
});
