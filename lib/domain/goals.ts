/** Goals, and the career conversation's action steps among them. Pure. */
import type { Goal, TemplateSection } from './model';

/**
 * A career action step: a personal-development goal with a date to reach it by (the career section adds
 * them six months out). A personal-development goal without a date is an ordinary goal.
 */
export function isCareerStep(goal: Pick<Goal, 'category' | 'targetDate'>): boolean {
  return goal.category === 'personal-development' && goal.targetDate !== null;
}

export type CareerPart = 'steps' | 'assessment';

const PARTS: Partial<Record<TemplateSection['kind'], readonly CareerPart[]>> = {
  career: ['steps', 'assessment'],
  'career-steps': ['steps'],
  'career-assessment': ['assessment'],
};

/**
 * The career parts each section of a template shows, by section id: each part once, in the first section
 * that offers it (a template with two `career` sections shows the steps and the assessment once, not twice).
 */
export function careerPartsOf(sections: readonly TemplateSection[]): Map<string, CareerPart[]> {
  const placed = new Set<CareerPart>();
  const parts = new Map<string, CareerPart[]>();
  for (const section of sections) {
    const own = (PARTS[section.kind] ?? []).filter((part) => !placed.has(part));
    for (const part of own) placed.add(part);
    if (own.length > 0) parts.set(section.id, own);
  }
  return parts;
}
