import { describe, expect, it } from 'vitest';
import {
  cadenceText,
  counterpartName,
  counterpartOf,
  guessCadenceDays,
  guessRelation,
  guestEmailsOf,
  notesBySection,
} from '@/components/panel/calendar/calendar-text';
import { ownerLabel } from '@/components/shared/format';
import { actionErrorMessage, scheduledAtOf } from '@/components/panel/calendar/use-calendar-actions';
import { InvalidInputError } from '@/lib/db';
import { getBuiltInTemplate } from '@/lib/domain/templates';
import type { PanelDetection } from '@/lib/messaging/protocol';

const detection: PanelDetection = {
  kind: null,
  confidence: null,
  counterparts: [],
  trackable: null,
  relationshipId: null,
};

describe('guessCadenceDays', () => {
  it.each<[string, number]>([
    ['Weekly 1:1 Alice / Bob', 7],
    ['Alice <> Bob (every week)', 7],
    ['Biweekly 1:1 with Bob', 14],
    ['Bi-weekly: Alice / Bob', 14],
    ['Alice / Bob — every 2 weeks', 14],
    ['every other week: Alice / Bob', 14],
    ['Fortnightly catch-up Alice / Bob', 14],
    ['Monthly career chat', 30],
    ['Bob 1:1 (monatlich)', 30],
    ['Alice / Bob every 4 weeks', 28],
    ['Alice / Bob — every four weeks', 28],
    ['1:1 toutes les 4 semaines', 28],
    ['4-weekly 1:1 Alice / Bob', 28],
    ['Vierwöchentliches Einzelgespräch', 28],
    ['Monatliches Einzelgespräch', 30],
    ['Alice / Bob', 14],
  ])('%j → %i days', (title, days) => {
    expect(guessCadenceDays(title, 'one-on-one')).toBe(days);
  });

  it('falls back to the kind’s default, or the user’s setting for it', () => {
    expect(guessCadenceDays('Peer 1:1 — Alice & Evan', 'peer')).toBe(28);
    expect(guessCadenceDays('Skip-level: Alice / Ivy', 'skip-level', { 'skip-level': 30 })).toBe(30);
  });
});

describe('ownerLabel', () => {
  const people = [{ name: 'Bob Jones' }];
  it('names the owner the way the list shows it', () => {
    expect(ownerLabel({ owner: 'me', ownerName: '' }, people)).toBe('Me');
    expect(ownerLabel({ owner: 'them', ownerName: '' }, people)).toBe('Bob Jones');
    expect(ownerLabel({ owner: 'them', ownerName: '' }, [{ name: 'Bob' }, { name: 'Carol' }])).toBe(
      'Bob & Carol',
    );
    expect(ownerLabel({ owner: 'them', ownerName: '' }, [])).toBe('Them');
    expect(ownerLabel({ owner: 'both', ownerName: '' }, people)).toBe('Both');
    expect(ownerLabel({ owner: 'named', ownerName: 'Carol' }, people)).toBe('Carol');
  });
});

describe('notesBySection', () => {
  const template = getBuiltInTemplate('builtin:your-session');

  it('orders sections like the template, titles them from it, calls general "Notes" and skips empty ones', () => {
    const sections = notesBySection(
      {
        notes: { general: 'loose notes', support: 'needs a budget', 'how-are-you': 'tired', feedback: '  ' },
      },
      template,
    );
    expect(sections).toEqual([
      { id: 'how-are-you', title: 'How are you really doing?', text: 'tired' },
      { id: 'support', title: 'How I can help', text: 'needs a budget' },
      { id: 'general', title: 'Notes', text: 'loose notes' },
    ]);
  });

  it('keeps notes of sections the template no longer has', () => {
    expect(notesBySection({ notes: { 'old-section': 'x' } }, template)).toEqual([
      { id: 'old-section', title: 'Old section', text: 'x' },
    ]);
    expect(notesBySection({ notes: { general: 'x' } }, undefined)).toEqual([
      { id: 'general', title: 'Notes', text: 'x' },
    ]);
  });
});

describe('counterparts', () => {
  it('prefers the trackable verdict, then the one counterpart, then the one guest', () => {
    const dana = { email: 'dana@acme.example', name: 'Dana' };
    const eve = { email: null, name: 'Eve' };
    expect(counterpartOf({ detection: { ...detection, trackable: dana }, guests: [eve] })).toEqual(dana);
    expect(counterpartOf({ detection: { ...detection, counterparts: [eve] }, guests: null })).toEqual(eve);
    expect(counterpartOf({ detection, guests: [dana] })).toEqual(dana);
    expect(counterpartOf({ detection, guests: [dana, eve] })).toBeNull();
    expect(
      counterpartOf({ detection: { ...detection, counterparts: [dana, eve] }, guests: [dana] }),
    ).toBeNull();
    expect(counterpartOf({ detection, guests: null })).toBeNull();
  });

  it('names a counterpart without a name by their email', () => {
    expect(counterpartName({ email: 'dana.lee@acme.example', name: ' ' })).toBe('dana.lee');
    expect(counterpartName(null)).toBe('');
  });

  it('collects guests’ emails, lower-cased, without blanks', () => {
    expect(
      guestEmailsOf({
        guests: [
          { email: 'Bob@Acme.example', name: 'Bob' },
          { email: null, name: 'Room' },
        ],
      }),
    ).toEqual(['bob@acme.example']);
    expect(guestEmailsOf({ guests: null })).toEqual([]);
  });

  it('guesses the relation from the kind', () => {
    expect(guessRelation('peer')).toBe('peer');
    expect(guessRelation('skip-level')).toBe('skip-level-report');
    expect(guessRelation('one-on-one')).toBe('report');
  });
});

describe('cadenceText', () => {
  it('says a series never held is due', () => {
    expect(cadenceText({ status: 'due', daysSince: null, cadenceDays: 14 })).toBe(
      'no 1:1 held yet, every 2 weeks — due',
    );
    expect(cadenceText({ status: 'due', daysSince: 18, cadenceDays: 14 })).toBe(
      'last 1:1 18 days ago, every 2 weeks — due',
    );
  });
});

describe('scheduledAtOf', () => {
  const NOW = Date.UTC(2026, 0, 1);
  it('uses the start the background read from the page, else now', () => {
    expect(scheduledAtOf({ startsAt: Date.UTC(2026, 2, 23, 17, 0) }, NOW)).toBe(Date.UTC(2026, 2, 23, 17, 0));
    expect(scheduledAtOf({ startsAt: null }, NOW)).toBe(NOW);
  });
});

describe('actionErrorMessage', () => {
  it('passes a validation reason through and never promises a retry', () => {
    expect(actionErrorMessage(new InvalidInputError('Say why the agreement is dropped.'))).toBe(
      'Say why the agreement is dropped.',
    );
    expect(actionErrorMessage(new Error('boom'))).not.toMatch(/retry/i);
    expect(actionErrorMessage(new DOMException('full', 'QuotaExceededError'))).toMatch(/storage space/);
  });
});
