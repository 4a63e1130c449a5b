import { describe, expect, it } from 'vitest';
import { type CaptureContext, parseAgreementLine } from '@/lib/domain/capture';

// Wednesday 18 November 2026, 10:00 local (as in capture.test.ts): Thursday is the 19th, Friday the 20th,
// Monday the 23rd, Tuesday the 24th.
const NOW = new Date(2026, 10, 18, 10, 0);
const EN: CaptureContext = { now: NOW, counterpartNames: ['Sam Taylor'] };
const DE: CaptureContext = { ...EN, locale: 'de' };

type Row = [line: string, owner: string, ownerName: string, text: string, dueDate: string | null];

function expectRow(ctx: CaptureContext, [line, owner, ownerName, text, dueDate]: Row) {
  const result = parseAgreementLine(line, ctx);
  expect(result, line).toMatchObject({ ok: true, owner, ownerName, text, dueDate });
}

describe('parseAgreementLine — a weekday that is the object of the verb is no due date (review 3)', () => {
  const rows: Row[] = [
    // The day is what is cancelled, skipped, moved, covered: a clause after it does not make it a date.
    ['Sam: cancel Monday if nobody has topics', 'them', '', 'Cancel Monday if nobody has topics', null],
    ['Sam: skip Monday, then resume weekly', 'them', '', 'Skip Monday, then resume weekly', null],
    ['Sam: cancel Thursday or move it', 'them', '', 'Cancel Thursday or move it', null],
    ['Sam: reschedule Thursday since Bob is out', 'them', '', 'Reschedule Thursday since Bob is out', null],
    ['Sam: move Monday if Bob is out', 'them', '', 'Move Monday if Bob is out', null],
    ['Sam: take Monday, Bob covers', 'them', '', 'Take Monday, Bob covers', null],
    ['Sam: cover Friday so Bob can rest', 'them', '', 'Cover Friday so Bob can rest', null],
    ['Sam: postpone Friday if the data is late', 'them', '', 'Postpone Friday if the data is late', null],
    ['Sam: block Friday, then tell the team', 'them', '', 'Block Friday, then tell the team', null],
    ['Sam: keep Monday free or cancel', 'them', '', 'Keep Monday free or cancel', null],
    // A past verb before the day: a day gone by, never a due date.
    [
      'Sam: recap what we decided Monday and share it',
      'them',
      '',
      'Recap what we decided Monday and share it',
      null,
    ],
    ['Sam: send the notes we discussed Monday', 'them', '', 'Send the notes we discussed Monday', null],
    ['Sam: follow up on what we agreed Tuesday', 'them', '', 'Follow up on what we agreed Tuesday', null],
    // "get"/"have" before it: the verb is the result wanted, the day still the date.
    ['Sam: get the budget agreed Friday', 'them', '', 'Get the budget agreed', '2026-11-20'],
    // Other verbs: the clause after the day still leaves it the date.
    ['Sam: send the draft Thursday if possible', 'them', '', 'Send the draft if possible', '2026-11-19'],
    [
      'Sam will check in Monday, then update the doc',
      'them',
      '',
      'Check in, then update the doc',
      '2026-11-23',
    ],
    ['Sam to decide Monday whether to hire', 'them', '', 'Decide whether to hire', '2026-11-23'],
  ];
  it.each(rows)('%s', (...row) => expectRow(EN, row));

  const german: Row[] = [
    // A weekday before a noun and a cancel verb is the day cancelled, not a date.
    ['Sam: Montag Workshop absagen', 'them', '', 'Montag Workshop absagen', null],
    ['Dienstag Kundentermin absagen', 'me', '', 'Dienstag Kundentermin absagen', null],
    ['Sam: Montag Demo absagen', 'them', '', 'Montag Demo absagen', null],
    ['Montag Demo absagen', 'me', '', 'Montag Demo absagen', null],
    ['Sam: Montag Präsentation absagen', 'them', '', 'Montag Präsentation absagen', null],
    ['Sam: Montag Planung absagen', 'them', '', 'Montag Planung absagen', null],
    ['Sam: Montag ausfallen lassen', 'them', '', 'Montag ausfallen lassen', null],
    ['Montag ausfallen lassen', 'me', '', 'Montag ausfallen lassen', null],
    ['Sam: Montag Workshop verschieben', 'them', '', 'Montag Workshop verschieben', null],
    ['Sam: Freitag Retro streichen', 'them', '', 'Freitag Retro streichen', null],
    ['Sam: Montag Standup absagen', 'them', '', 'Montag Standup absagen', null],
    ['Montag fällt aus', 'me', '', 'Montag fällt aus', null],
    ['Sam: Freitag absagen', 'them', '', 'Freitag absagen', null],
    ['Wir lassen Montag ausfallen', 'me', '', 'Wir lassen Montag ausfallen', null],
    // Still dates: the verb at the end is no cancelling.
    ['Ich rufe Montag den Kunden an', 'me', '', 'Ich rufe den Kunden an', '2026-11-23'],
    ['Sam: Freitag Entwurf schicken', 'them', '', 'Entwurf schicken', '2026-11-20'],
    ['Sam: Entwurf Freitag an Bob schicken', 'them', '', 'Entwurf an Bob schicken', '2026-11-20'],
    ['Sam: Entwurf Freitag schicken', 'them', '', 'Entwurf schicken', '2026-11-20'],
    ['Sam: Entwurf Freitag verschicken', 'them', '', 'Entwurf verschicken', '2026-11-20'],
  ];
  it.each(german)('%s (de)', (...row) => expectRow(DE, row));
});

describe('parseAgreementLine — a weekday the line goes on after is the due date (review 3)', () => {
  const rows: Row[] = [
    // "to <verb>", "about …", "re: …", "with …", "at the …", "to the …" after the day.
    ['Remind Sam Monday to send the deck', 'me', '', 'Remind Sam to send the deck', '2026-11-23'],
    ['talk to Priya Monday about the budget', 'me', '', 'Talk to Priya about the budget', '2026-11-23'],
    ['present Monday to the team', 'me', '', 'Present to the team', '2026-11-23'],
    ['ping Bob Monday re: budget', 'me', '', 'Ping Bob re: budget', '2026-11-23'],
    ['demo Friday at the all-hands', 'me', '', 'Demo at the all-hands', '2026-11-20'],
    // A time after the day.
    ['send the deck Monday AM', 'me', '', 'Send the deck', '2026-11-23'],
    ['send the deck Monday pm', 'me', '', 'Send the deck', '2026-11-23'],
    ['book Friday 3pm with Bob', 'me', '', 'Book 3pm with Bob', '2026-11-20'],
    ['Sam: call tomorrow morning with Bob', 'them', '', 'Call with Bob', '2026-11-19'],
    // "the latest" goes with the day, as "at the latest" does.
    ['finalize it Friday the latest', 'me', '', 'Finalize it', '2026-11-20'],
    ['Sam: send the draft Friday at the latest', 'them', '', 'Send the draft', '2026-11-20'],
    // Not after a verb that takes the day as its object, nor a past verb, nor after "about"/"the".
    ['Sam: cancel Monday to focus on the launch', 'them', '', 'Cancel Monday to focus on the launch', null],
    ['Sam: move Friday with Bob', 'them', '', 'Move Friday with Bob', null],
    ['Sam: move the 1:1 Monday to 3pm', 'them', '', 'Move the 1:1 Monday to 3pm', null],
    ['Sam: cancel Monday AM standup', 'them', '', 'Cancel Monday AM standup', null],
    ['Sam: talk about Monday with Bob', 'them', '', 'Talk about Monday with Bob', null],
    ['Sam: share what we decided Monday with Bob', 'them', '', 'Share what we decided Monday with Bob', null],
    ['Sam: take Friday and Monday off', 'them', '', 'Take Friday and Monday off', null],
    ['Sam: move the 1:1 to Thursday', 'them', '', 'Move the 1:1 to Thursday', null],
    ['Sam: work Monday to Wednesday', 'them', '', 'Work Monday to Wednesday', null],
  ];
  it.each(rows)('%s', (...row) => expectRow(EN, row));

  const german: Row[] = [
    // The day after the verb in second place, before its object.
    ['Ich schicke Freitag den Entwurf', 'me', '', 'Ich schicke den Entwurf', '2026-11-20'],
    ['Sam schickt Freitag den Entwurf', 'me', '', 'Sam schickt den Entwurf', '2026-11-20'],
    ['Wir besprechen Montag den Plan', 'me', '', 'Wir besprechen den Plan', '2026-11-23'],
    ['Ich kümmere mich Montag darum', 'me', '', 'Ich kümmere mich darum', '2026-11-23'],
    ['Ich melde mich Montag bei Bob', 'me', '', 'Ich melde mich bei Bob', '2026-11-23'],
    ['Ich gebe Montag Bescheid', 'me', '', 'Ich gebe Bescheid', '2026-11-23'],
    ['Ich sage Montag Bescheid', 'me', '', 'Ich sage Bescheid', '2026-11-23'],
    // "fertig" ends the line as a verb would.
    ['Bericht Montag fertig', 'me', '', 'Bericht fertig', '2026-11-23'],
    // Still none: a cancel verb, a day off, a meeting on that day.
    ['Ich sage Montag den Workshop ab', 'me', '', 'Ich sage Montag den Workshop ab', null],
    ['Wir verschieben Montag den Workshop', 'me', '', 'Wir verschieben Montag den Workshop', null],
    ['Ich habe Montag frei', 'me', '', 'Ich habe Montag frei', null],
    ['Ich bin Montag nicht da', 'me', '', 'Ich bin Montag nicht da', null],
  ];
  it.each(german)('%s (de)', (...row) => expectRow(DE, row));
});
