import { describe, expect, it } from 'vitest';
import { careerPartsOf, isCareerStep } from '@/lib/domain/goals';
import type { TemplateSection } from '@/lib/domain/model';

const section = (id: string, kind: TemplateSection['kind']): TemplateSection => ({
  id,
  title: id,
  minutes: 5,
  prompts: [],
  kind,
});

describe('isCareerStep', () => {
  it('is a personal-development goal with a date to reach it by', () => {
    expect(isCareerStep({ category: 'personal-development', targetDate: '2026-06-01' })).toBe(true);
    expect(isCareerStep({ category: 'personal-development', targetDate: null })).toBe(false);
    expect(isCareerStep({ category: 'impact', targetDate: '2026-06-01' })).toBe(false);
    expect(isCareerStep({ category: 'okr', targetDate: null })).toBe(false);
  });
});

describe('careerPartsOf', () => {
  it('puts each part in its own section', () => {
    const parts = careerPartsOf([
      section('notes', 'notes'),
      section('steps', 'career-steps'),
      section('assess', 'career-assessment'),
    ]);
    expect([...parts]).toEqual([
      ['steps', ['steps']],
      ['assess', ['assessment']],
    ]);
  });

  it('shows both parts in a `career` section, once even when a template has two of them', () => {
    const parts = careerPartsOf([section('a', 'career'), section('b', 'notes'), section('c', 'career')]);
    expect([...parts]).toEqual([['a', ['steps', 'assessment']]]);
  });

  it('gives a `career` section only the part no earlier section showed', () => {
    const parts = careerPartsOf([section('assess', 'career-assessment'), section('both', 'career')]);
    expect([...parts]).toEqual([
      ['assess', ['assessment']],
      ['both', ['steps']],
    ]);
  });

  it('is empty for a template without career sections', () => {
    expect(careerPartsOf([section('n', 'notes'), section('g', 'goals')]).size).toBe(0);
  });
});
