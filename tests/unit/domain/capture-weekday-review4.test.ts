import { describe, expect, it } from 'vitest';
import { type CaptureContext, parseAgreementLine } from '@/lib/domain/capture';

// Wednesday 18 November 2026, 10:00 local (as in capture.test.ts): Thursday is the 19th, Friday the 20th,
// Monday the 23rd.
const NOW = new Date(2026, 10, 18, 10, 0);
const EN: CaptureContext = { now: NOW, counterpartNames: ['Sam Taylor'] };
const DE: CaptureContext = { ...EN, locale: 'de' };

type Row = [line: string, owner: string, ownerName: string, text: string, dueDate: string | null];

function expectRow(ctx: CaptureContext, [line, owner, ownerName, text, dueDate]: Row) {
  const result = parseAgreementLine(line, ctx);
  expect(result, line).toMatchObject({ ok: true, owner, ownerName, text, dueDate });
}

describe('parseAgreementLine — a weekday given, used or spent on something is no due date (review 4)', () => {
  const rows: Row[] = [
    // "to <noun or name>" / "with …" after a day the verb acts on: the day is the object, not a deadline.
    ['Sam: dedicate Friday to deep work', 'them', '', 'Dedicate Friday to deep work', null],
    ['Sam: switch Monday to async standup', 'them', '', 'Switch Monday to async standup', null],
    ['Sam: use Friday to clean up tickets', 'them', '', 'Use Friday to clean up tickets', null],
    ['Sam: assign Monday to Bob', 'them', '', 'Assign Monday to Bob', null],
    ['Sam: replace Monday with an async update', 'them', '', 'Replace Monday with an async update', null],
    // Away on that day: a day off, not a deadline (it would only show as overdue).
    ['Sam: OOO Friday with family', 'them', '', 'OOO Friday with family', null],
    ['Sam: out Friday at the dentist', 'them', '', 'Out Friday at the dentist', null],
    ['Sam: OOO Friday', 'them', '', 'OOO Friday', null],
    ['Sam: on vacation Friday', 'them', '', 'On vacation Friday', null],
    // "to <noun or name>" and "with" alone do not make a day the date.
    ['Sam: give Monday to Bob', 'them', '', 'Give Monday to Bob', null],
    ['Sam: open Friday to walk-ins', 'them', '', 'Open Friday to walk-ins', null],
    ['Sam: limit Friday to two meetings', 'them', '', 'Limit Friday to two meetings', null],
    ['Sam: spend Friday with the new hire', 'them', '', 'Spend Friday with the new hire', null],
  ];
  it.each(rows)('%s', (...row) => expectRow(EN, row));

  const german: Row[] = [
    // A negation, a modal verb, or nehmen/vertreten/machen + noun in second place: no deadline.
    ['Ich kann Freitag nicht', 'me', '', 'Ich kann Freitag nicht', null],
    ['Ich arbeite Montag nicht', 'me', '', 'Ich arbeite Montag nicht', null],
    ['Ich nehme Freitag einen Tag Urlaub', 'me', '', 'Ich nehme Freitag einen Tag Urlaub', null],
    ['Ich vertrete Freitag Bob', 'me', '', 'Ich vertrete Freitag Bob', null],
    ['Ich mache Freitag Homeoffice', 'me', '', 'Ich mache Freitag Homeoffice', null],
    ['Ich kann Freitag nicht kommen', 'me', '', 'Ich kann Freitag nicht kommen', null],
    ['Ich darf Freitag zum Arzt', 'me', '', 'Ich darf Freitag zum Arzt', null],
    ['Ich kann Freitag', 'me', '', 'Ich kann Freitag', null],
    // canceln, schieben: the day is what is cancelled or moved.
    ['Wir canceln Montag das Meeting', 'me', '', 'Wir canceln Montag das Meeting', null],
    ['Wir schieben Montag den Termin', 'me', '', 'Wir schieben Montag den Termin', null],
    ['Sam: Montag Workshop schieben', 'them', '', 'Montag Workshop schieben', null],
  ];
  it.each(german)('%s (de)', (...row) => expectRow(DE, row));
});

describe('parseAgreementLine — a weekday after a result wanted is the due date (review 4)', () => {
  const rows: Row[] = [
    // A participle after is/are/be/get is the result wanted by that day, not a day gone by.
    ['make sure the plan is agreed Friday', 'me', '', 'Make sure the plan is agreed', '2026-11-20'],
    ['make sure the team is told Friday', 'me', '', 'Make sure the team is told', '2026-11-20'],
    [
      'get the contract signed and agreed Friday',
      'me',
      '',
      'Get the contract signed and agreed',
      '2026-11-20',
    ],
    // "said" is no day gone by.
    ['Deck — Sam said Friday', 'named', 'Deck', 'Sam said', '2026-11-20'],
    // Still a day gone by: the past verb after "what we".
    ['Sam: make sure it is what we agreed Monday', 'them', '', 'Make sure it is what we agreed Monday', null],
    // "to <verb>", "about", "re:", "at the …", and a time before "with" still go on from a date.
    ['Remind Sam Monday to review the deck', 'me', '', 'Remind Sam to review the deck', '2026-11-23'],
    ['Sam: ping Bob Friday about the budget', 'them', '', 'Ping Bob about the budget', '2026-11-20'],
    ['book Friday 3pm with Bob', 'me', '', 'Book 3pm with Bob', '2026-11-20'],
  ];
  it.each(rows)('%s', (...row) => expectRow(EN, row));

  const german: Row[] = [
    // A modal verb with the infinitive ending the line, not negated: still the date.
    ['Ich kann Freitag den Entwurf schicken', 'me', '', 'Ich kann den Entwurf schicken', '2026-11-20'],
    ['Ich schicke Freitag den Entwurf', 'me', '', 'Ich schicke den Entwurf', '2026-11-20'],
    ['Ich mache Freitag den Bericht fertig', 'me', '', 'Ich mache den Bericht fertig', '2026-11-20'],
  ];
  it.each(german)('%s (de)', (...row) => expectRow(DE, row));
});
