import { describe, expect, it } from 'vitest';
import { RelationshipKindSchema, TEMPLATE_METHODS, TemplateSchema, type Template } from '@/lib/domain/model';
import {
  BUILT_IN_TEMPLATES,
  DEFAULT_TEMPLATE_FOR_KIND,
  getBuiltInTemplate,
  isBuiltInTemplateId,
  templateMinutes,
} from '@/lib/domain/templates';
import { careerPartsOf } from '@/lib/domain/goals';

const byMethod = (method: Template['method']): Template => {
  const template = BUILT_IN_TEMPLATES.find((candidate) => candidate.method === method);
  if (!template) throw new Error(`no built-in template for ${method}`);
  return template;
};

const each = BUILT_IN_TEMPLATES.map((template) => [template.id, template] as const);

describe('BUILT_IN_TEMPLATES', () => {
  it.each(each)('%s parses with TemplateSchema unchanged', (_id, template) => {
    expect(TemplateSchema.parse(template)).toEqual(template);
  });

  it('has one template per method except custom, with stable builtin:<method> ids', () => {
    const methods = BUILT_IN_TEMPLATES.map((template) => template.method);
    expect([...methods].sort()).toEqual(TEMPLATE_METHODS.filter((method) => method !== 'custom').sort());
    expect(BUILT_IN_TEMPLATES.map((template) => template.id).sort()).toEqual([
      'builtin:career',
      'builtin:growth-performance',
      'builtin:peer',
      'builtin:structured-50',
      'builtin:your-session',
    ]);
    for (const template of BUILT_IN_TEMPLATES) expect(template.id).toBe(`builtin:${template.method}`);
  });

  it.each(each)('%s is marked built-in with zero timestamps', (_id, template) => {
    expect(template.builtIn).toBe(true);
    expect(template.createdAt).toBe(0);
    expect(template.updatedAt).toBe(0);
    expect(template.name.trim()).not.toBe('');
    expect(template.description.trim().length).toBeGreaterThan(50);
  });

  it.each(each)('%s has unique kebab-case section ids', (_id, template) => {
    const ids = template.sections.map((section) => section.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it.each(each)('%s gives every section a timebox and 2–5 non-empty prompts', (_id, template) => {
    for (const section of template.sections) {
      expect(section.minutes).toBeGreaterThan(0);
      expect(section.prompts.length).toBeGreaterThanOrEqual(2);
      expect(section.prompts.length).toBeLessThanOrEqual(5);
      for (const prompt of section.prompts) expect(prompt.trim()).not.toBe('');
    }
  });

  it('is frozen, so no caller can edit the shared objects', () => {
    const template = byMethod('peer');
    expect(Object.isFrozen(BUILT_IN_TEMPLATES)).toBe(true);
    expect(Object.isFrozen(template)).toBe(true);
    expect(Object.isFrozen(template.sections)).toBe(true);
    expect(Object.isFrozen(template.sections[0])).toBe(true);
    expect(Object.isFrozen(template.sections[0]?.prompts)).toBe(true);
  });
});

describe('the methods', () => {
  it('structured-50 is check-in 5 → purpose 5 → OKRs 25 → feedback 5 → agreements 5', () => {
    const sections = byMethod('structured-50').sections;
    expect(sections.map((section) => [section.minutes, section.kind])).toEqual([
      [5, 'check-in'],
      [5, 'notes'],
      [25, 'goals'],
      [5, 'feedback'],
      [5, 'agreements'],
    ]);
    expect(sections.map((section) => section.title)).toEqual([
      'Personal check-in',
      'Purpose alignment',
      'Personal & business OKRs',
      'Developmental feedback',
      'Impeccable agreements',
    ]);
  });

  it('growth-performance covers development, performance, engagement, alignment and well-being', () => {
    const template = byMethod('growth-performance');
    const titles = template.sections.map((section) => section.title.toLowerCase());
    for (const area of ['development', 'growth & performance', 'engagement', 'company goals', 'well-being']) {
      expect(titles.some((title) => title.includes(area))).toBe(true);
    }
    const performance = template.sections.find((section) => section.id === 'growth-performance');
    expect(performance?.kind).toBe('goals');
    expect(performance?.prompts.join(' ')).toMatch(/KPI/);
    expect(performance?.prompts.join(' ')).toMatch(/responsibility/);
    expect(performance?.prompts.join(' ')).toMatch(/bar/);
    expect(template.sections.find((section) => section.id === 'well-being')?.kind).toBe('check-in');
    expect(template.description).toMatch(/last time/);
    expect(template.description).toMatch(/status update/);
    expect(template.description).toMatch(/performance record/);
    expect(template.description).toMatch(/two leads/);
    expect(template.description).toMatch(/consent/);
    expect(template.description).toMatch(/skip-level guest/);
  });

  it('your-session opens with how the person is really doing', () => {
    const template = byMethod('your-session');
    expect(template.sections[0]?.kind).toBe('check-in');
    expect(template.sections[0]?.title).toMatch(/really doing/);
    expect(template.description).toMatch(/reschedule/);
    expect(template.description).toMatch(/never just cancel/);
    expect(template.description).toMatch(/in advance/);
    expect(template.description).toMatch(/operational syncs/);
  });

  it('career has goals, a career self-assessment and action steps', () => {
    const sections = byMethod('career').sections;
    expect(sections.some((section) => section.kind === 'goals')).toBe(true);
    expect(
      sections.filter((section) => section.kind.startsWith('career')).map((section) => section.kind),
    ).toEqual(['career-steps', 'career-assessment']);
    // Each part once, in its own section.
    expect([...careerPartsOf(sections)]).toEqual([
      ['action-steps', ['steps']],
      ['self-assessment', ['assessment']],
    ]);
    const goals = sections.find((section) => section.kind === 'goals');
    for (const category of ['Impact', 'Team building', 'Community', 'Personal development']) {
      expect(goals?.prompts.some((prompt) => prompt.startsWith(category))).toBe(true);
    }
    const assessment = sections.find((section) => section.id === 'self-assessment');
    expect(assessment?.prompts.join(' ')).toMatch(/ahead, on track, or not meeting expectations/);
  });

  it('peer keeps a light agenda and no check-in ritual', () => {
    const template = byMethod('peer');
    expect(template.sections.length).toBeLessThanOrEqual(4);
    expect(template.sections.some((section) => section.kind === 'check-in')).toBe(false);
  });
});

describe('templateMinutes', () => {
  it.each([
    ['growth-performance', 45],
    ['your-session', 45],
    // 5 + 5 + 25 + 5 + 5: the method's timeboxes leave 5 of the 50 minutes spare.
    ['structured-50', 45],
    ['career', 50],
    ['peer', 30],
  ] as const)('%s totals %i minutes', (method, minutes) => {
    expect(templateMinutes(byMethod(method))).toBe(minutes);
  });

  it('counts untimed sections as zero', () => {
    const template = byMethod('peer');
    const untimed = {
      ...template,
      sections: template.sections.map((section) => ({ ...section, minutes: 0 })),
    };
    expect(templateMinutes(untimed)).toBe(0);
  });
});

describe('DEFAULT_TEMPLATE_FOR_KIND', () => {
  it('maps every relationship kind to an existing built-in', () => {
    expect(Object.keys(DEFAULT_TEMPLATE_FOR_KIND).sort()).toEqual([...RelationshipKindSchema.options].sort());
    for (const kind of RelationshipKindSchema.options) {
      expect(getBuiltInTemplate(DEFAULT_TEMPLATE_FOR_KIND[kind])).toBeDefined();
    }
  });

  it('picks the method that fits each kind', () => {
    expect(DEFAULT_TEMPLATE_FOR_KIND).toEqual({
      'one-on-one': 'builtin:your-session',
      'two-on-one': 'builtin:growth-performance',
      'skip-level': 'builtin:your-session',
      peer: 'builtin:peer',
      career: 'builtin:career',
    });
  });
});

describe('lookups', () => {
  it('getBuiltInTemplate finds each built-in by id and nothing else', () => {
    for (const template of BUILT_IN_TEMPLATES) expect(getBuiltInTemplate(template.id)).toBe(template);
    expect(getBuiltInTemplate('builtin:custom')).toBeUndefined();
    expect(getBuiltInTemplate('')).toBeUndefined();
    expect(getBuiltInTemplate('3f1c9a2e-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('isBuiltInTemplateId is true only for the built-in ids', () => {
    for (const template of BUILT_IN_TEMPLATES) expect(isBuiltInTemplateId(template.id)).toBe(true);
    expect(isBuiltInTemplateId('builtin:custom')).toBe(false);
    expect(isBuiltInTemplateId('builtin:')).toBe(false);
    expect(isBuiltInTemplateId('peer')).toBe(false);
    expect(isBuiltInTemplateId('BUILTIN:PEER')).toBe(false);
  });
});
