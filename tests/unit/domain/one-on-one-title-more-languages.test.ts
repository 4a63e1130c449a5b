/**
 * 1:1 titles outside English, German and French: Spanish, Portuguese, Italian, Dutch and Japanese markers,
 * and the sequence and room words that make a "1-1" no meeting. Where a title cannot be told, no badge.
 */
import { describe, expect, it } from 'vitest';
import { detectOneOnOne } from '@/lib/domain/detection';
import { classifyTitle, titleNames } from '@/lib/domain/one-on-one-title';

describe('classifyTitle: a sequence, stage or room before or after "1-1" is no 1:1', () => {
  it.each([
    'Fase 1-1',
    'Etapa 1-1',
    'Paso 1-1',
    'Capítulo 1-1',
    'Capitulo 1-1',
    'Sesión 1-1',
    'Sessione 1-1',
    'Sessão 1-1',
    'Capitolo 1-1',
    'Lección 1-1',
    'Lezione 1-1',
    'Jornada 1-1',
    'Temporada 1-1',
    'Episodio 1-1',
    'Parte 1-1',
    'Sala 1-1',
    '1-1会議室',
    '1-1 会議室',
    '会議室1-1',
    '1-1号室',
    '1-1会议室',
  ])('%s', (title) => {
    expect(classifyTitle(title)).toBeNull();
  });

  it('a person after the stage word still makes it a 1:1 (as "Q3 1:1 with Bob")', () => {
    expect(classifyTitle('Sesión 1-1 con Bob')).toEqual({ kind: 'one-on-one' });
  });
});

describe('classifyTitle: 1:1 markers in more languages', () => {
  it.each([
    ['Reunión 1 a 1 con Bob', ['Bob']],
    ['1 a 1 com Bob', ['Bob']],
    ['1 a 1 con Lucía', ['Lucía']],
    ['Reunião individual com Bob', ['Bob']],
    ['Um a um com Bob', ['Bob']],
    ['山田さんと1対1', []],
    ['1対1ミーティング', []],
    ['個人面談', []],
    ['個人面談（山田さん）', []],
    ['1on1面談', []],
    ['ワンオンワン', []],
    ['ワン・オン・ワン 山田さん', []],
    ['Eén-op-één met Bob', ['Bob']],
    ['één-op-één met Bob', ['Bob']],
    ['Een-op-een met Bob', ['Bob']],
  ])('%s', (title, names) => {
    expect(classifyTitle(title)).toEqual({ kind: 'one-on-one' });
    expect(titleNames(title)).toEqual(names);
  });

  it.each(['面談', '採用面談', '面談: 候補者', '最終面談', '1 a 10', 'Tabla 1 a 12'])(
    '%s is not a 1:1 (面談 alone is an interview)',
    (title) => {
      expect(classifyTitle(title)).toBeNull();
    },
  );

  it('chips with these titles get a likely badge, or none', () => {
    const chip = (title: string) =>
      detectOneOnOne({
        title,
        allDay: false,
        response: 'accepted',
        guests: null,
        guestCount: null,
        myEmails: ['alice@acme.example'],
        override: null,
        linked: null,
      });
    expect(chip('Reunión 1 a 1 con Bob')).toMatchObject({ isOneOnOne: true, confidence: 'likely' });
    expect(chip('個人面談')).toMatchObject({ isOneOnOne: true, confidence: 'likely' });
    expect(chip('Fase 1-1')).toMatchObject({ isOneOnOne: false });
    expect(chip('1-1会議室')).toMatchObject({ isOneOnOne: false });
  });
});
