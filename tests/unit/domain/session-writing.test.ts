/**
 * What counts as written in a session (`sessionHasWriting`, `writingTag`): it decides whether a mislinked
 * call's session is held or given back, and whether a session's template may still change.
 */
import { describe, expect, it } from 'vitest';
import { sessionHasWriting, writingTag } from '@/lib/domain/model';

const blank = { notes: {}, privateNotes: '', checkIn: null, assessment: null };

describe('sessionHasWriting', () => {
  it('nothing, blank notes and a check-in picked then cleared are not writing', () => {
    expect(sessionHasWriting(blank)).toBe(false);
    expect(sessionHasWriting({ ...blank, notes: { a: '  \n' }, privateNotes: ' ' })).toBe(false);
    expect(sessionHasWriting({ ...blank, checkIn: { mood: null, workload: null } })).toBe(false);
  });

  it('notes, private notes, a mood or workload, or an assessment are', () => {
    expect(sessionHasWriting({ ...blank, notes: { a: 'Tired' } })).toBe(true);
    expect(sessionHasWriting({ ...blank, privateNotes: 'Mine' })).toBe(true);
    expect(sessionHasWriting({ ...blank, checkIn: { mood: 2, workload: null } })).toBe(true);
    expect(sessionHasWriting({ ...blank, checkIn: { mood: null, workload: 5 } })).toBe(true);
    expect(sessionHasWriting({ ...blank, assessment: 'on-track' })).toBe(true);
  });
});

describe('writingTag', () => {
  it('is null for nothing written, and the same for the same writing whatever the order of sections', () => {
    expect(writingTag(blank)).toBeNull();
    expect(writingTag({ ...blank, checkIn: { mood: null, workload: null } })).toBeNull();
    const one = writingTag({ ...blank, notes: { a: 'One', b: 'Two', c: ' ' } });
    expect(one).toMatch(/^[0-9a-f]{8}$/);
    expect(writingTag({ ...blank, notes: { b: 'Two', a: 'One' } })).toBe(one);
  });

  it('a check-in picked and cleared again does not change it', () => {
    const prep = { ...blank, notes: { a: 'Prep' } };
    expect(writingTag({ ...prep, checkIn: { mood: null, workload: null } })).toBe(writingTag(prep));
  });

  it('changes with any of what is written', () => {
    const base = { ...blank, notes: { a: 'One' } };
    const tags = [
      writingTag(base),
      writingTag({ ...base, notes: { a: 'One.' } }),
      writingTag({ ...base, privateNotes: 'x' }),
      writingTag({ ...base, checkIn: { mood: 3, workload: null } }),
      writingTag({ ...base, assessment: 'ahead' }),
    ];
    expect(new Set(tags).size).toBe(tags.length);
  });
});
