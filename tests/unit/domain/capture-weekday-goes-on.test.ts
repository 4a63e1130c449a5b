import { describe, expect, it } from 'vitest';
import { type CaptureContext, parseAgreementLine } from '@/lib/domain/capture';

// Wednesday 18 November 2026, 10:00 local (as in capture.test.ts): Friday is the 20th, Monday the 23rd.
const NOW = new Date(2026, 10, 18, 10, 0);
const EN: CaptureContext = { now: NOW, counterpartNames: ['Sam Taylor'] };
const DE: CaptureContext = { ...EN, locale: 'de' };

type Row = [line: string, owner: string, ownerName: string, text: string, dueDate: string | null];

function expectRow(ctx: CaptureContext, [line, owner, ownerName, text, dueDate]: Row) {
  const result = parseAgreementLine(line, ctx);
  expect(result, line).toMatchObject({ ok: true, owner, ownerName, text, dueDate });
}

const FRI = '2026-11-20';
const MON = '2026-11-23';

describe('parseAgreementLine — a preposition phrase after verb + weekday goes on from the date', () => {
  const rows: Row[] = [
    // to / with / for / in / via / over / before / after / on / about + word after the day.
    ['Send the report Friday to Priya', 'me', '', 'Send the report to Priya', FRI],
    ['Give feedback Friday to Sam', 'me', '', 'Give feedback to Sam', FRI],
    ['Present Friday to leadership', 'me', '', 'Present to leadership', FRI],
    ['Hand off the project Friday to Bob', 'me', '', 'Hand off the project to Bob', FRI],
    ['Send the draft Friday to Sam', 'me', '', 'Send the draft to Sam', FRI],
    ['Send the draft Friday to them', 'me', '', 'Send the draft to them', FRI],
    ['Send the draft Friday to legal', 'me', '', 'Send the draft to legal', FRI],
    ['Send the draft Friday to unblock Bob', 'me', '', 'Send the draft to unblock Bob', FRI],
    ['Sync Friday with Bob', 'me', '', 'Sync with Bob', FRI],
    ['Pair Friday with Priya on the migration', 'me', '', 'Pair with Priya on the migration', FRI],
    ['Meet Friday with the vendor', 'me', '', 'Meet with the vendor', FRI],
    ['Sam: meet Friday with legal', 'them', '', 'Meet with legal', FRI],
    ['Catch up Monday with Sam about roadmap', 'me', '', 'Catch up with Sam about roadmap', MON],
    ['Call Monday with the customer', 'me', '', 'Call with the customer', MON],
    ['Send the draft Friday before standup', 'me', '', 'Send the draft before standup', FRI],
    ['Send the draft Friday morning before standup', 'me', '', 'Send the draft before standup', FRI],
    ['Send the draft Friday after lunch', 'me', '', 'Send the draft after lunch', FRI],
    ['Send the draft Friday after the sync', 'me', '', 'Send the draft after the sync', FRI],
    ['Send the draft Friday for review', 'me', '', 'Send the draft for review', FRI],
    ['Send the draft Friday for Bob', 'me', '', 'Send the draft for Bob', FRI],
    ['Send the draft Friday in Slack', 'me', '', 'Send the draft in Slack', FRI],
    ['Send the draft Friday via email', 'me', '', 'Send the draft via email', FRI],
    ['Send the draft Friday over email', 'me', '', 'Send the draft over email', FRI],
    ['Send the draft Friday in the channel', 'me', '', 'Send the draft in the channel', FRI],
    // as agreed / as discussed / like last time / too / as well / again.
    ['Send the draft Friday as agreed', 'me', '', 'Send the draft as agreed', FRI],
    ['Send the draft Friday as discussed', 'me', '', 'Send the draft as discussed', FRI],
    ['Send the draft Friday like last time', 'me', '', 'Send the draft like last time', FRI],
    ['Send the draft Friday too', 'me', '', 'Send the draft too', FRI],
    ['Send the draft Friday as well', 'me', '', 'Send the draft as well', FRI],
    ['Send the draft Friday again', 'me', '', 'Send the draft again', FRI],
    ['Follow up Friday on the deck', 'me', '', 'Follow up on the deck', FRI],
    // Still none: the verb gives the day away, spends it or cancels it, or the day is away.
    ['Sam: assign Monday to Bob', 'them', '', 'Assign Monday to Bob', null],
    ['Sam: OOO Friday with family', 'them', '', 'OOO Friday with family', null],
    ['Sam: dedicate Friday to deep work', 'them', '', 'Dedicate Friday to deep work', null],
    ['Sam: cancel Friday for the offsite', 'them', '', 'Cancel Friday for the offsite', null],
    ['Sam: skip Monday as agreed', 'them', '', 'Skip Monday as agreed', null],
    ['Sam: take Friday off again', 'them', '', 'Take Friday off again', null],
    ['Sam: move Friday to Monday', 'them', '', 'Move Friday to Monday', null],
    ['Sam: out Friday for the wedding', 'them', '', 'Out Friday for the wedding', null],
  ];
  it.each(rows)('%s', (...row) => expectRow(EN, row));

  const german: Row[] = [
    ['Ich schicke Sam Freitag die Folien', 'me', '', 'Ich schicke Sam die Folien', FRI],
    ['Ich schreibe Bob Montag eine Mail', 'me', '', 'Ich schreibe Bob eine Mail', MON],
    ['Wir machen Montag das Review', 'me', '', 'Wir machen das Review', MON],
    ['Montag Review mit Bob', 'me', '', 'Review mit Bob', MON],
    // Still none: machen/arbeiten with no object after the day, a day off, a cancelled day.
    ['Ich mache Freitag Homeoffice', 'me', '', 'Ich mache Freitag Homeoffice', null],
    ['Ich arbeite Montag von zu Hause', 'me', '', 'Ich arbeite Montag von zu Hause', null],
    ['Ich nehme Freitag einen Tag Urlaub', 'me', '', 'Ich nehme Freitag einen Tag Urlaub', null],
    ['Wir canceln Montag das Meeting', 'me', '', 'Wir canceln Montag das Meeting', null],
  ];
  it.each(german)('%s (de)', (...row) => expectRow(DE, row));
});
