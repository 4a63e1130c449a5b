import { describe, expect, it } from 'vitest';
import { type CaptureContext, MAX_CAPTURE_LENGTH, parseAgreementLine } from '@/lib/domain/capture';
import { AgreementSchema } from '@/lib/domain/model';

// Wednesday 18 November 2026, 10:00 local. Its week runs Monday 16 to Sunday 22 November.
const NOW = new Date(2026, 10, 18, 10, 0);
const EN: CaptureContext = { now: NOW, counterpartNames: ['Sam Taylor'] };
const DE: CaptureContext = { ...EN, locale: 'de' };

type Row = [line: string, owner: string, ownerName: string, text: string, dueDate: string | null];

function expectRow(ctx: CaptureContext, [line, owner, ownerName, text, dueDate]: Row) {
  const result = parseAgreementLine(line, ctx);
  expect(result, line).toMatchObject({ ok: true, owner, ownerName, text, dueDate });
}

describe('parseAgreementLine — English', () => {
  const rows: Row[] = [
    // The brief's examples
    ['Sam: send the draft by Friday', 'them', '', 'Send the draft', '2026-11-20'],
    ['me: intro to Priya next week', 'me', '', 'Intro to Priya', '2026-11-23'],
    ['both: revisit in 2 weeks', 'both', '', 'Revisit', '2026-12-02'],
    ["I'll update the roadmap tomorrow", 'me', '', 'Update the roadmap', '2026-11-19'],
    ['Sam will share the deck by Dec 3', 'them', '', 'Share the deck', '2026-12-03'],
    ['Priya: review the budget end of month', 'named', 'Priya', 'Review the budget', '2026-11-30'],
    // Owner forms
    ['Sam Taylor: book the offsite', 'them', '', 'Book the offsite', null],
    ['sam: book the offsite', 'them', '', 'Book the offsite', null],
    ['SAM - book the offsite', 'them', '', 'Book the offsite', null],
    ['@Sam book the offsite', 'them', '', 'Book the offsite', null],
    ['@priya: check the numbers', 'named', 'Priya', 'Check the numbers', null],
    ['Priya Shah – check the numbers', 'named', 'Priya Shah', 'Check the numbers', null],
    ['I: write the summary', 'me', '', 'Write the summary', null],
    ['I will write the summary today', 'me', '', 'Write the summary', '2026-11-18'],
    ["I'm going to draft the plan by Monday", 'me', '', 'Draft the plan', '2026-11-23'],
    ['we: pick a date for the retro', 'both', '', 'Pick a date for the retro', null],
    ['us - pick a date', 'both', '', 'Pick a date', null],
    ["We'll check in again in a month", 'both', '', 'Check in again', '2026-12-18'],
    ["Let's revisit this on Monday", 'both', '', 'Revisit this', '2026-11-23'],
    ['Sam to send the agenda tonight', 'them', '', 'Send the agenda', '2026-11-18'],
    // A time of day alone is today; next to a date, the date decides and both leave the text.
    ['Sam: send the draft by EOD', 'them', '', 'Send the draft', '2026-11-18'],
    ['Sam: send the draft by end of day Friday', 'them', '', 'Send the draft', '2026-11-20'],
    ['Sam: send the draft by EOD Fri', 'them', '', 'Send the draft', '2026-11-20'],
    ['Sam: send the draft COB Wed', 'them', '', 'Send the draft', '2026-11-25'],
    ['Sam: send the draft by end of day tomorrow', 'them', '', 'Send the draft', '2026-11-19'],
    ['Sam: send the draft by EOD Dec 3', 'them', '', 'Send the draft', '2026-12-03'],
    ['Sam: send the draft Friday EOD', 'them', '', 'Send the draft', '2026-11-20'],
    ['Sam: send the draft by Friday, end of day', 'them', '', 'Send the draft', '2026-11-20'],
    // "tonight", "this morning" are words of the agreement next to a date, not a time of day for it.
    [
      'Sam: send the recap from this morning by next Friday',
      'them',
      '',
      'Send the recap from this morning',
      '2026-11-27',
    ],
    [
      'Sam: write up the incident from tonight on Monday',
      'them',
      '',
      'Write up the incident from tonight',
      '2026-11-23',
    ],
    [
      'Sam: send the recap from this morning by Friday',
      'them',
      '',
      'Send the recap from this morning',
      '2026-11-20',
    ],
    [
      'Sam: share notes from this evening on Monday',
      'them',
      '',
      'Share notes from this evening',
      '2026-11-23',
    ],
    ['Sam to send the agenda this evening', 'them', '', 'Send the agenda', '2026-11-18'],
    // End of next month; counted from a weekday.
    ['Sam: review the budget by end of next month', 'them', '', 'Review the budget', '2026-12-31'],
    ['Sam: send it a week from Monday', 'them', '', 'Send it', '2026-11-30'],
    ['Sam: send it two weeks from Friday', 'them', '', 'Send it', '2026-12-04'],
    ['Sam: send it 3 days after Tuesday', 'them', '', 'Send it', '2026-11-27'],
    ["Sam'll ping legal tmrw", 'them', '', 'Ping legal', '2026-11-19'],
    ['You will share the doc', 'them', '', 'Share the doc', null],
    ['Priya will review the budget by EOM', 'named', 'Priya', 'Review the budget', '2026-11-30'],
    // "Sam needs to …" is Sam's ("Sam needs" is no name).
    ['Sam needs to send the draft by Friday', 'them', '', 'Send the draft', '2026-11-20'],
    ['Sam has to book the room', 'them', '', 'Book the room', null],
    // …but a word that is no counterpart is no owner there: "Budget has to be approved" is a thing to do.
    ['Budget has to be approved', 'me', '', 'Budget has to be approved', null],
    ['Deck needs to be ready by Monday', 'me', '', 'Deck needs to be ready', '2026-11-23'],
    ['TODO: Sam: fix the build', 'them', '', 'Fix the build', null],
    // Dates
    ['send the draft', 'me', '', 'Send the draft', null],
    ['Sam: demo on Thursday', 'them', '', 'Demo', '2026-11-19'],
    ['Sam: demo this Thursday', 'them', '', 'Demo', '2026-11-19'],
    ['Sam: demo by Fri', 'them', '', 'Demo', '2026-11-20'],
    ['Sam: demo next Friday', 'them', '', 'Demo', '2026-11-27'],
    ['Sam: demo Friday next week', 'them', '', 'Demo', '2026-11-27'],
    ['Sam: send the draft next week Friday', 'them', '', 'Send the draft', '2026-11-27'],
    ['Sam: send the draft by Friday the 27th', 'them', '', 'Send the draft', '2026-11-27'],
    ['Sam: send the draft by Monday, the 30th', 'them', '', 'Send the draft', '2026-11-30'],
    ['Sam: send the draft on Tuesday the 1st', 'them', '', 'Send the draft', '2026-12-01'],
    ['Sam: send the draft by next Friday the 27th', 'them', '', 'Send the draft', '2026-11-27'],
    // The weekday picks the month: the next Thursday the 31st is in December.
    ['Sam: send the draft by Thursday the 31st', 'them', '', 'Send the draft', '2026-12-31'],
    ['Sam: send the draft by Friday the 29th', 'them', '', 'Send the draft', '2027-01-29'],
    ['Sam: demo by next wed', 'them', '', 'Demo', '2026-11-25'],
    ['Sam: demo before Sunday', 'them', '', 'Demo', '2026-11-22'],
    ['Sam: demo by Sat.', 'them', '', 'Demo', '2026-11-21'],
    ['Sam: demo Wednesday', 'them', '', 'Demo', '2026-11-25'],
    ['Sam: demo this Wednesday', 'them', '', 'Demo', '2026-11-18'],
    ['Sam: demo by the end of the week', 'them', '', 'Demo', '2026-11-20'],
    ['Sam: demo EOW', 'them', '', 'Demo', '2026-11-20'],
    ['Sam: demo this week', 'them', '', 'Demo', '2026-11-20'],
    ['Sam: demo by end of next week', 'them', '', 'Demo', '2026-11-27'],
    ['Sam: demo until the end of the month', 'them', '', 'Demo', '2026-11-30'],
    ['Sam: demo next month', 'them', '', 'Demo', '2026-12-01'],
    ['Sam: demo by end of year', 'them', '', 'Demo', '2026-12-31'],
    ['Sam: demo in 3 days', 'them', '', 'Demo', '2026-11-21'],
    ['Sam: demo in two weeks', 'them', '', 'Demo', '2026-12-02'],
    ['Sam: demo within a week', 'them', '', 'Demo', '2026-11-25'],
    ['Sam: demo in 1 day', 'them', '', 'Demo', '2026-11-19'],
    ['Sam: demo the day after tomorrow', 'them', '', 'Demo', '2026-11-20'],
    ['Sam: demo due Dec 3', 'them', '', 'Demo', '2026-12-03'],
    ['Sam: demo on 3 Dec', 'them', '', 'Demo', '2026-12-03'],
    ['Sam: demo by December 3rd', 'them', '', 'Demo', '2026-12-03'],
    ['Sam: demo by the 3rd of December', 'them', '', 'Demo', '2026-12-03'],
    ['Sam: demo by Dec. 3, 2027', 'them', '', 'Demo', '2027-12-03'],
    ['Sam: demo 12/3', 'them', '', 'Demo', '2026-12-03'],
    ['Sam: demo by 1/15/27', 'them', '', 'Demo', '2027-01-15'],
    ['Sam: demo on 2026-12-03', 'them', '', 'Demo', '2026-12-03'],
    ['Sam: demo by Jan 5', 'them', '', 'Demo', '2027-01-05'],
    ['Sam: demo Nov 18', 'them', '', 'Demo', '2026-11-18'],
    ['Sam: demo by Nov 1', 'them', '', 'Demo', '2027-11-01'],
    ['Sam: demo by Q1', 'them', '', 'Demo', '2027-03-31'],
    ['Sam: demo by the end of Q4', 'them', '', 'Demo', '2026-12-31'],
    ['Sam: write the Q3 plan', 'them', '', 'Write the Q3 plan', null],
    ['Sam: send the draft (by Friday).', 'them', '', 'Send the draft', '2026-11-20'],
    ['Sam: review the Monday notes by Friday', 'them', '', 'Review the Monday notes', '2026-11-20'],
    ['Sam: by Friday, send the draft', 'them', '', 'Send the draft', '2026-11-20'],
    ['Sam: bump version 3.12 today', 'them', '', 'Bump version 3.12', '2026-11-18'],
    ["Sam: prep Friday's demo", 'them', '', "Prep Friday's demo", null],
  ];
  it.each(rows)('%s', (...row) => expectRow(EN, row));

  it('reports the date phrase as typed', () => {
    expect(parseAgreementLine('update the roadmap by  Friday', EN)).toEqual({
      ok: true,
      owner: 'me',
      ownerName: '',
      text: 'Update the roadmap',
      dueDate: '2026-11-20',
      dateText: 'by  Friday',
    });
    expect(parseAgreementLine('Sam: send the draft', EN)).toMatchObject({ dateText: '' });
    expect(parseAgreementLine('me: intro to Priya next week', EN)).toMatchObject({ dateText: 'next week' });
  });
});

describe('parseAgreementLine — German', () => {
  const rows: Row[] = [
    ['ich: Entwurf bis Freitag schicken', 'me', '', 'Entwurf schicken', '2026-11-20'],
    ['Sam: Angebot bis nächste Woche', 'them', '', 'Angebot', '2026-11-23'],
    ['Sam: Entwurf bis nächste Woche Freitag', 'them', '', 'Entwurf', '2026-11-27'],
    ['beide: in 2 Wochen nochmal anschauen', 'both', '', 'Nochmal anschauen', '2026-12-02'],
    ['mir: Folien heute fertig machen', 'me', '', 'Folien fertig machen', '2026-11-18'],
    ['wir: Retro-Termin finden', 'both', '', 'Retro-Termin finden', null],
    ['Sam wird das Angebot morgen schicken', 'them', '', 'Das Angebot schicken', '2026-11-19'],
    ['Ich werde die Zahlen übermorgen prüfen', 'me', '', 'Die Zahlen prüfen', '2026-11-20'],
    ['Lass uns das Thema nächsten Montag klären', 'both', '', 'Das Thema klären', '2026-11-23'],
    ['Jörg: Budget am Donnerstag freigeben', 'named', 'Jörg', 'Budget freigeben', '2026-11-19'],
    ['Sam: Bericht bis Ende der Woche', 'them', '', 'Bericht', '2026-11-20'],
    ['Ich: bis Ende kommender Woche schicken', 'me', '', 'Schicken', '2026-11-27'],
    ['Sam: Bericht bis Ende nächsten Monats', 'them', '', 'Bericht', '2026-12-31'],
    ['Sam: Bericht bis Ende des Monats', 'them', '', 'Bericht', '2026-11-30'],
    ['Sam: Bericht zum Monatsende', 'them', '', 'Bericht', '2026-11-30'],
    ['Sam: Bericht in 3 Tagen', 'them', '', 'Bericht', '2026-11-21'],
    ['Sam: Bericht in einer Woche', 'them', '', 'Bericht', '2026-11-25'],
    ['Sam: Bericht in einem Monat', 'them', '', 'Bericht', '2026-12-18'],
    ['Sam: Bericht am 3.12.', 'them', '', 'Bericht', '2026-12-03'],
    ['Sam: Bericht am 3.12', 'them', '', 'Bericht', '2026-12-03'],
    ['Sam: Bericht bis 3.12.2027', 'them', '', 'Bericht', '2027-12-03'],
    ['Sam: Bericht bis zum 1.1.', 'them', '', 'Bericht', '2027-01-01'],
    ['Sam: Bericht bis 3. Dezember', 'them', '', 'Bericht', '2026-12-03'],
    ['Sam: Bericht am 5. März', 'them', '', 'Bericht', '2027-03-05'],
    ['Sam: Bericht nächsten Freitag', 'them', '', 'Bericht', '2026-11-27'],
    ['Sam: Bericht diesen Freitag', 'them', '', 'Bericht', '2026-11-20'],
    ['Sam: Bericht bis Mittwoch', 'them', '', 'Bericht', '2026-11-25'],
    ['Sam: Bericht am Mi', 'them', '', 'Bericht', '2026-11-25'],
    ['Sam: Bericht bis Fr.', 'them', '', 'Bericht', '2026-11-20'],
    ['Sam: Bericht kommende Woche', 'them', '', 'Bericht', '2026-11-23'],
    ['Sam: Bericht bis Ende nächster Woche', 'them', '', 'Bericht', '2026-11-27'],
    ['Sam: Bericht heute Abend', 'them', '', 'Bericht', '2026-11-18'],
    ['Sam: Bericht morgen früh', 'them', '', 'Bericht', '2026-11-19'],
    ['Sam: Bericht spätestens Samstag', 'them', '', 'Bericht', '2026-11-21'],
    ['Sam: Bericht vor dem Jahresende', 'them', '', 'Bericht', '2026-12-31'],
    ['Sam: Bericht bis 12/3', 'them', '', 'Bericht', '2027-03-12'],
    ['Sam: Bericht am 2026-12-03', 'them', '', 'Bericht', '2026-12-03'],
  ];
  it.each(rows)('%s', (...row) => expectRow(DE, row));

  it('understands German words under the English locale too (only numeric dates depend on it)', () => {
    expectRow(EN, ['ich: Entwurf bis Freitag schicken', 'me', '', 'Entwurf schicken', '2026-11-20']);
    expectRow(EN, ['Sam: Bericht bis 12/3', 'them', '', 'Bericht', '2026-12-03']);
  });
});

describe('parseAgreementLine — English words are not German weekdays, topics are not dates (an audit)', () => {
  const rows: Row[] = [
    // "so", "do", "Mo" are words and names in English: no Sunday, no Monday.
    ['Sam: thank the team for so much support', 'them', '', 'Thank the team for so much support', null],
    ['Sam: tell Ana I am so grateful', 'them', '', 'Tell Ana I am so grateful', null],
    ['Sam: review drafts by Mo', 'them', '', 'Review drafts by Mo', null],
    // "for" before a quarter or a version is a topic, not a deadline; "by Q3" still is one.
    ['Sam: prepare for Q3 planning', 'them', '', 'Prepare for Q3 planning', null],
    ['Sam: upgrade the cluster for 3.12', 'them', '', 'Upgrade the cluster for 3.12', null],
    ['Sam: ship it by Q1', 'them', '', 'Ship it', '2027-03-31'],
    ['Sam: send it for Friday', 'them', '', 'Send it', '2026-11-20'],
    // A note's label or a joining word is not who does it.
    ['Decision: we will move to weekly', 'both', '', 'Move to weekly', null],
    ['Reminder: send the deck by Friday', 'me', '', 'Send the deck', '2026-11-20'],
    ['Follow-up: Sam to send the deck', 'them', '', 'Send the deck', null],
    ['Update: Sam will send the deck', 'them', '', 'Send the deck', null],
    ['Then Priya will ping legal', 'named', 'Priya', 'Ping legal', null],
    // "Next" still starts a date, not a joining word.
    ['Next week send the report', 'me', '', 'Send the report', '2026-11-23'],
    ['Next Friday Sam sends the deck', 'me', '', 'Sam sends the deck', '2026-11-27'],
    // German abbreviations after a German preposition (with its dot after "am"), a slash date after "for".
    ['Sam: bis Fr. die Folien', 'them', '', 'Die Folien', '2026-11-20'],
    ['Sam: das Angebot am Mo.', 'them', '', 'Das Angebot', '2026-11-23'],
    ['Sam: send the deck for 12/3', 'them', '', 'Send the deck', '2026-12-03'],
    // "Next" joining a name is no date; a fraction is no date.
    ['Next Sam will ping legal', 'them', '', 'Ping legal', null],
    ['Sam: prepare slides for 2/3 of the team', 'them', '', 'Prepare slides for 2/3 of the team', null],
  ];
  it.each(rows)('%s', (...row) => expectRow(EN, row));

  it('German two-letter weekdays still count in German', () => {
    expectRow(DE, ['Bericht schicken bis Do', 'me', '', 'Bericht schicken', '2026-11-19']);
    expectRow(DE, ['Sam: Folien am Mo', 'them', '', 'Folien', '2026-11-23']);
  });

  it('"3/12" is 3 December for a user who writes the day first (en-GB, French), 12 March otherwise', () => {
    expectRow({ ...EN, dayFirst: true }, ['Sam: send it by 3/12', 'them', '', 'Send it', '2026-12-03']);
    expectRow(EN, ['Sam: send it by 3/12', 'them', '', 'Send it', '2027-03-12']);
    expectRow({ ...DE, dayFirst: false }, ['Sam: send it by 3/12', 'them', '', 'Send it', '2027-03-12']);
  });
});

describe('parseAgreementLine — owners', () => {
  it('matches the counterpart by first or full name, ignoring case and accents', () => {
    const ctx = { now: NOW, counterpartNames: ['Zoë Müller'] };
    expectRow(ctx, ['zoe: call the vendor', 'them', '', 'Call the vendor', null]);
    expectRow(ctx, ['ZOË MÜLLER: call the vendor', 'them', '', 'Call the vendor', null]);
    expectRow(ctx, ['Zoe will call the vendor', 'them', '', 'Call the vendor', null]);
    expectRow(ctx, ['Müller: call the vendor', 'named', 'Müller', 'Call the vendor', null]);
  });

  it('in a 2-1, names the counterpart meant (by first or full name), not "them"', () => {
    const ctx = { ...EN, counterpartNames: ['Sam Taylor', 'Bob Jones'] };
    expect(parseAgreementLine('Bob: send the draft by Friday', ctx)).toMatchObject({
      ok: true,
      owner: 'named',
      ownerName: 'Bob Jones',
      text: 'Send the draft',
    });
    expect(parseAgreementLine('sam taylor: book the room', ctx)).toMatchObject({
      owner: 'named',
      ownerName: 'Sam Taylor',
    });
    expect(parseAgreementLine('Bob to send the agenda', ctx)).toMatchObject({
      owner: 'named',
      ownerName: 'Bob Jones',
      text: 'Send the agenda',
    });
    // Two Sams: "Sam" is one of them, not saying which.
    const twoSams = { ...EN, counterpartNames: ['Sam Taylor', 'Sam Ortiz'] };
    expect(parseAgreementLine('Sam: send the draft', twoSams)).toMatchObject({
      owner: 'them',
      ownerName: '',
    });
    expect(parseAgreementLine('Sam Ortiz: send the draft', twoSams)).toMatchObject({
      owner: 'named',
      ownerName: 'Sam Ortiz',
    });
  });

  it('treats a name that is not the counterpart as named, and any name as named without counterparts', () => {
    expectRow({ now: NOW, counterpartNames: [] }, ['Sam: send it', 'named', 'Sam', 'Send it', null]);
    expectRow(EN, ['Alex Kim will send it', 'named', 'Alex Kim', 'Send it', null]);
  });

  it('does not mistake ordinary sentence starts, labels or dates for owners', () => {
    expectRow(EN, ['Intro to Priya next week', 'me', '', 'Intro to Priya', '2026-11-23']);
    expectRow(EN, ['It will be reviewed by Friday', 'me', '', 'It will be reviewed', '2026-11-20']);
    expectRow(EN, ['note: the budget is final', 'me', '', 'Note: the budget is final', null]);
    expectRow(EN, ['Friday: prepare the slides', 'me', '', 'Prepare the slides', '2026-11-20']);
    expectRow(EN, ['Send the draft - Sam', 'me', '', 'Send the draft - Sam', null]);
    expectRow(EN, ['Call the vendor - urgent', 'me', '', 'Call the vendor - urgent', null]);
    for (const line of ['Intro to Priya', 'send the draft', 'Friday: prepare']) {
      expect(parseAgreementLine(line, EN)).toMatchObject({ ok: true, owner: 'me', ownerName: '' });
    }
  });
});

describe("parseAgreementLine — the user's casing", () => {
  it('capitalises the first word only when it is all lower case', () => {
    expectRow(EN, ['Sam: iPhone test plan by Friday', 'them', '', 'iPhone test plan', '2026-11-20']);
    expectRow(EN, ['me: eBay listing', 'me', '', 'eBay listing', null]);
    expectRow(EN, ['macOS upgrade for the team', 'me', '', 'macOS upgrade for the team', null]);
    expectRow(EN, ['me: send the draft', 'me', '', 'Send the draft', null]);
    expectRow(EN, ['me: NDA for the vendor', 'me', '', 'NDA for the vendor', null]);
  });

  it("keeps an owner's name as typed unless it is all lower case", () => {
    expectRow(EN, ['@deShawn: check the numbers', 'named', 'deShawn', 'Check the numbers', null]);
    expectRow(EN, ['@priya: check the numbers', 'named', 'Priya', 'Check the numbers', null]);
  });
});

describe('parseAgreementLine — boundaries', () => {
  const at = (y: number, m: number, d: number, h = 10) => ({
    now: new Date(y, m - 1, d, h),
    counterpartNames: ['Sam Taylor'],
  });

  it('rolls into the next month and year', () => {
    const dec30 = at(2026, 12, 30); // Wednesday
    expectRow(dec30, ['Sam: demo tomorrow', 'them', '', 'Demo', '2026-12-31']);
    expectRow(dec30, ['Sam: demo in 3 days', 'them', '', 'Demo', '2027-01-02']);
    expectRow(dec30, ['Sam: demo Friday', 'them', '', 'Demo', '2027-01-01']);
    expectRow(dec30, ['Sam: demo next week', 'them', '', 'Demo', '2027-01-04']);
    expectRow(dec30, ['Sam: demo next month', 'them', '', 'Demo', '2027-01-01']);
    expectRow(dec30, ['Sam: demo end of month', 'them', '', 'Demo', '2026-12-31']);
    expectRow(dec30, ['Sam: demo Jan 2', 'them', '', 'Demo', '2027-01-02']);
    expectRow(dec30, ['Sam: demo Dec 29', 'them', '', 'Demo', '2027-12-29']);
    expectRow(dec30, ['Sam: demo Dec 30', 'them', '', 'Demo', '2026-12-30']);
    expectRow(at(2026, 12, 31), ['Sam: demo in 2 weeks', 'them', '', 'Demo', '2027-01-14']);
  });

  it('clamps "in a month" to the end of a shorter month and knows leap years', () => {
    expectRow(at(2027, 1, 31), ['Sam: demo in a month', 'them', '', 'Demo', '2027-02-28']);
    expectRow(at(2028, 1, 31), ['Sam: demo in a month', 'them', '', 'Demo', '2028-02-29']);
    expectRow(at(2028, 2, 10), ['Sam: demo end of month', 'them', '', 'Demo', '2028-02-29']);
    expectRow(at(2027, 2, 10), ['Sam: demo end of month', 'them', '', 'Demo', '2027-02-28']);
    expectRow(at(2028, 2, 28), ['Sam: demo tomorrow', 'them', '', 'Demo', '2028-02-29']);
    expectRow(at(2026, 11, 18), ['Sam: demo Feb 29', 'them', '', 'Demo', '2028-02-29']);
    expectRow(at(2028, 1, 5), ['Sam: demo 29.2.', 'them', '', 'Demo', '2028-02-29']);
  });

  it('moves a weekday that is today to next week, unless it says today or this', () => {
    const friday = at(2026, 11, 20);
    expectRow(friday, ['Sam: demo Friday', 'them', '', 'Demo', '2026-11-27']);
    expectRow(friday, ['Sam: demo by Freitag', 'them', '', 'Demo', '2026-11-27']);
    expectRow(friday, ['Sam: demo this Friday', 'them', '', 'Demo', '2026-11-20']);
    expectRow(friday, ['Sam: demo today', 'them', '', 'Demo', '2026-11-20']);
    expectRow(friday, ['Sam: demo end of week', 'them', '', 'Demo', '2026-11-20']);
    expectRow(friday, ['Sam: demo Monday', 'them', '', 'Demo', '2026-11-23']);
  });

  it('starts next week on the configured day', () => {
    const sundayStart: CaptureContext = { ...EN, weekStartsOn: 0 };
    expectRow(sundayStart, ['Sam: demo next week', 'them', '', 'Demo', '2026-11-22']);
    expectRow(sundayStart, ['Sam: demo next Sunday', 'them', '', 'Demo', '2026-11-22']);
    expectRow(EN, ['Sam: demo next Sunday', 'them', '', 'Demo', '2026-11-29']);
    const sunday = at(2026, 11, 22);
    expectRow(sunday, ['Sam: demo next week', 'them', '', 'Demo', '2026-11-23']);
    expectRow({ ...sunday, weekStartsOn: 0 }, ['Sam: demo next week', 'them', '', 'Demo', '2026-11-29']);
  });

  it('ignores dates that do not exist', () => {
    expectRow(EN, ['Sam: demo Feb 30', 'them', '', 'Demo Feb 30', null]);
    expectRow(EN, ['Sam: demo 13/13', 'them', '', 'Demo 13/13', null]);
    expectRow(EN, ['Sam: demo 2026-02-30', 'them', '', 'Demo 2026-02-30', null]);
  });

  it('reads the local calendar day of now, at any hour, across DST changes', () => {
    const original = process.env.TZ;
    try {
      for (const tz of ['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Auckland']) {
        process.env.TZ = tz;
        // 29 March 2026 (EU spring forward) and 25 October 2026 (EU fall back), both Sundays.
        for (const hour of [0, 1, 2, 3, 12, 23]) {
          expectRow(at(2026, 3, 29, hour), ['Sam: demo tomorrow', 'them', '', 'Demo', '2026-03-30']);
          expectRow(at(2026, 3, 29, hour), ['Sam: demo next week', 'them', '', 'Demo', '2026-03-30']);
          expectRow(at(2026, 10, 25, hour), ['Sam: demo in 2 weeks', 'them', '', 'Demo', '2026-11-08']);
          expectRow(at(2026, 3, 8, hour), ['Sam: demo in a week', 'them', '', 'Demo', '2026-03-15']);
        }
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it('is deterministic: the same line and now give the same result', () => {
    const a = parseAgreementLine('Sam: send the draft by Friday', EN);
    const b = parseAgreementLine('Sam: send the draft by Friday', { ...EN, now: new Date(NOW.getTime()) });
    expect(a).toEqual(b);
  });
});

describe('parseAgreementLine — bad input', () => {
  it.each(['', '   ', '\n\t'])('refuses empty input %j', (line) => {
    const result = parseAgreementLine(line, EN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/type an agreement/i);
  });

  it.each(['Sam:', 'me -', '@Sam', 'both: ', 'ich:'])('refuses an owner with nothing to do: %j', (line) => {
    const result = parseAgreementLine(line, EN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/after the name/i);
  });

  it.each(['Sam: by Friday', 'tomorrow', 'bis Freitag.', 'me: next week'])(
    'refuses a date with nothing to do: %j',
    (line) => {
      const result = parseAgreementLine(line, EN);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/not only when/i);
    },
  );

  it('refuses punctuation only', () => {
    expect(parseAgreementLine(' - . ', EN).ok).toBe(false);
  });

  it(`accepts ${MAX_CAPTURE_LENGTH} characters and refuses more`, () => {
    const exact = `Sam: ${'x'.repeat(MAX_CAPTURE_LENGTH - 5)}`;
    expect(parseAgreementLine(exact, EN).ok).toBe(true);
    const result = parseAgreementLine(`${exact}y`, EN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('500');
  });

  it('always produces text that the Agreement schema accepts', () => {
    const lines = [
      'Sam: send the draft by Friday',
      'ich: Entwurf bis Freitag schicken',
      `Sam: ${'long words '.repeat(44)}`,
      'me: ok',
    ];
    for (const line of lines) {
      const result = parseAgreementLine(line, EN);
      expect(result.ok, line).toBe(true);
      if (!result.ok) continue;
      const parsed = AgreementSchema.shape.text.safeParse(result.text);
      expect(parsed.success, line).toBe(true);
      expect(AgreementSchema.shape.ownerName.safeParse(result.ownerName).success).toBe(true);
      if (result.dueDate !== null)
        expect(AgreementSchema.shape.dueDate.safeParse(result.dueDate).success).toBe(true);
    }
  });
});

describe('parseAgreementLine — a topic before a colon is a label, not an owner (review)', () => {
  const rows: Row[] = [
    ['Roadmap: Sam will update it by Friday', 'them', '', 'Roadmap: update it', '2026-11-20'],
    ['Design review: Sam to share mocks by Friday', 'them', '', 'Design review: share mocks', '2026-11-20'],
    ["Roadmap: I'll update it", 'me', '', 'Roadmap: update it', null],
    ['Roadmap - we will revisit it next week', 'both', '', 'Roadmap - revisit it', '2026-11-23'],
    ['Budget: Priya will review it', 'named', 'Priya', 'Budget: review it', null],
    ['Re: budget, Bob will ping', 'named', 'Bob', 'Re: budget, ping', null],
    ['Re: budget for Q1', 'me', '', 'Re: budget for Q1', null],
    ['Friday: Sam will prepare the slides', 'them', '', 'Prepare the slides', '2026-11-20'],
    // A one-word prefix with no owner after it may still be a name: kept (the owner picker shows it).
    ['Hiring: post the job by Friday', 'named', 'Hiring', 'Post the job', '2026-11-20'],
  ];
  it.each(rows)('%s', (...row) => expectRow(EN, row));
});

describe('parseAgreementLine — a bare weekday is a due date only where it reads as one (review)', () => {
  const rows: Row[] = [
    ['Sam: take Friday off', 'them', '', 'Take Friday off', null],
    ['Sam: cancel Monday standup', 'them', '', 'Cancel Monday standup', null],
    ['Sam: share notes from Tuesday', 'them', '', 'Share notes from Tuesday', null],
    ['Sam: send the weekly update every Friday', 'them', '', 'Send the weekly update every Friday', null],
    ['Sam: move the 1:1 to Thursday', 'them', '', 'Move the 1:1 to Thursday', null],
    ['Sam: track the numbers since Monday', 'them', '', 'Track the numbers since Monday', null],
    ['Sam: redo the deck from last Friday', 'them', '', 'Redo the deck from last Friday', null],
    // Still dates: at the end, after a preposition or "next"/"this", or leading the line.
    ['Sam: cancel Monday standup by Friday', 'them', '', 'Cancel Monday standup', '2026-11-20'],
    ['Sam: send the draft Friday.', 'them', '', 'Send the draft', '2026-11-20'],
    ['Sam: send the draft Friday at 3pm', 'them', '', 'Send the draft at 3pm', '2026-11-20'],
    ['Sam: take next Friday off', 'them', '', 'Take off', '2026-11-27'],
    ['Sam: Friday, send the draft', 'them', '', 'Send the draft', '2026-11-20'],
  ];
  it.each(rows)('%s', (...row) => expectRow(EN, row));

  const german: Row[] = [
    ['Sam: Notizen von Dienstag teilen', 'them', '', 'Notizen von Dienstag teilen', null],
    ['Sam: jeden Freitag das Update schicken', 'them', '', 'Jeden Freitag das Update schicken', null],
    ['Sam: das Daily ab Montag leiten', 'them', '', 'Das Daily ab Montag leiten', null],
    ['Sam: Montag Standup absagen', 'them', '', 'Montag Standup absagen', null],
    ['Sam: Entwurf Freitag schicken', 'them', '', 'Entwurf schicken', '2026-11-20'],
    ['Sam: Bericht Freitag', 'them', '', 'Bericht', '2026-11-20'],
  ];
  it.each(german)('%s (de)', (...row) => expectRow(DE, row));
});

describe('parseAgreementLine — a time of day after the date leaves the text with it (review)', () => {
  const rows: Row[] = [
    ['Sam: send the draft tomorrow morning', 'them', '', 'Send the draft', '2026-11-19'],
    ["I'll call the vendor tomorrow afternoon", 'me', '', 'Call the vendor', '2026-11-19'],
    ['Sam: send the draft Friday afternoon', 'them', '', 'Send the draft', '2026-11-20'],
    ['Sam: send the draft this Friday evening', 'them', '', 'Send the draft', '2026-11-20'],
    ['Sam: send the draft by Friday night', 'them', '', 'Send the draft', '2026-11-20'],
    ['Sam: send the draft next Monday morning', 'them', '', 'Send the draft', '2026-11-23'],
    // Not a date where a noun follows: the later deadline wins.
    [
      'Sam: prep the Monday morning standup by Friday',
      'them',
      '',
      'Prep the Monday morning standup',
      '2026-11-20',
    ],
  ];
  it.each(rows)('%s', (...row) => expectRow(EN, row));

  it('in German too', () => {
    expectRow(DE, ['Sam: Bericht bis Freitag Abend', 'them', '', 'Bericht', '2026-11-20']);
    expectRow(DE, ['Sam: Bericht Freitag früh', 'them', '', 'Bericht', '2026-11-20']);
  });
});

describe("parseAgreementLine — the user's own name is me (review)", () => {
  const ALICE: CaptureContext = { ...EN, myName: 'Alice Chen' };
  const rows: Row[] = [
    ['Alice: send feedback to HR', 'me', '', 'Send feedback to HR', null],
    ['Alice will send feedback', 'me', '', 'Send feedback', null],
    ['alice chen: send feedback by Friday', 'me', '', 'Send feedback', '2026-11-20'],
    ['@Alice send feedback', 'me', '', 'Send feedback', null],
    ['ALICE - send feedback', 'me', '', 'Send feedback', null],
  ];
  it.each(rows)('%s', (...row) => expectRow(ALICE, row));

  it('without my name "Alice" stays someone named', () => {
    expectRow(EN, ['Alice: send feedback to HR', 'named', 'Alice', 'Send feedback to HR', null]);
  });

  it('leaves a first name I share with a counterpart to them, as before; my full name is still me', () => {
    const sams: CaptureContext = { ...EN, myName: 'Sam Lee' };
    expectRow(sams, ['Sam: send it', 'them', '', 'Send it', null]);
    expectRow(sams, ['Sam Lee: send it', 'me', '', 'Send it', null]);
    expectRow(sams, ['Sam Taylor: send it', 'them', '', 'Send it', null]);
  });
});

describe('parseAgreementLine — "Sam and I", "we both" are both of us (review)', () => {
  const rows: Row[] = [
    ['Sam and I will draft the plan', 'both', '', 'Draft the plan', null],
    ["Sam and I'll draft the plan by Friday", 'both', '', 'Draft the plan', '2026-11-20'],
    ['I and Sam will draft the plan', 'both', '', 'Draft the plan', null],
    ['Sam Taylor and I will draft the plan', 'both', '', 'Draft the plan', null],
    ['Me and Sam: draft the plan', 'both', '', 'Draft the plan', null],
    ['Sam & me - draft the plan', 'both', '', 'Draft the plan', null],
    ['We both: draft the plan', 'both', '', 'Draft the plan', null],
    ['We both will draft the plan', 'both', '', 'Draft the plan', null],
    ['You and I: draft the plan', 'both', '', 'Draft the plan', null],
    ['you and me will draft the plan', 'both', '', 'Draft the plan', null],
    ['Sam und ich: Plan entwerfen', 'both', '', 'Plan entwerfen', null],
    // Someone else and I: not the two of us in this 1:1; the line keeps its words.
    ['Priya and I will draft the plan', 'me', '', 'Priya and I will draft the plan', null],
  ];
  it.each(rows)('%s', (...row) => expectRow(EN, row));

  it('knows my name in a pair', () => {
    expectRow({ ...EN, myName: 'Alice Chen' }, [
      'Alice and Sam: draft the plan',
      'both',
      '',
      'Draft the plan',
      null,
    ]);
  });
});

describe('parseAgreementLine — a weekday with "by EOD" or a usual ending is still the due date (review 2)', () => {
  const rows: Row[] = [
    // "by EOD" after a weekday: that day's end, not today.
    ['Send the draft Friday by EOD', 'me', '', 'Send the draft', '2026-11-20'],
    ['Send the draft Friday before EOD', 'me', '', 'Send the draft', '2026-11-20'],
    ['Sam will send it Friday by end of day', 'them', '', 'Send it', '2026-11-20'],
    ['Sam: send the draft Friday by COB', 'them', '', 'Send the draft', '2026-11-20'],
    ['Sam: send the draft Friday EOD PT', 'them', '', 'Send the draft', '2026-11-20'],
    ['Move the 1:1 to Thursday next week', 'me', '', 'Move the 1:1 to', '2026-11-26'],
    ['Sam: move the 1:1 to next Thursday', 'them', '', 'Move the 1:1 to', '2026-11-26'],
    // Next to a weekday that is no date, "by EOD" does not make it today.
    [
      'Sam: send the weekly update every Friday by EOD',
      'them',
      '',
      'Send the weekly update every Friday by EOD',
      null,
    ],
    // Usual endings after the weekday.
    ['Send the draft Friday please', 'me', '', 'Send the draft please', '2026-11-20'],
    ['Send the draft Friday by noon', 'me', '', 'Send the draft by noon', '2026-11-20'],
    ['Send the draft Friday by 5pm', 'me', '', 'Send the draft by 5pm', '2026-11-20'],
    ['Send the draft Friday at 5pm PT', 'me', '', 'Send the draft at 5pm PT', '2026-11-20'],
    ['Sam: send the draft Thursday if possible', 'them', '', 'Send the draft if possible', '2026-11-19'],
    [
      'Sam will check in Monday, then update the doc',
      'them',
      '',
      'Check in, then update the doc',
      '2026-11-23',
    ],
    ['Sam to decide Monday whether to hire', 'them', '', 'Decide whether to hire', '2026-11-23'],
    ['Send the draft Friday :)', 'me', '', 'Send the draft :)', '2026-11-20'],
    ['Send the draft Friday 🙏', 'me', '', 'Send the draft 🙏', '2026-11-20'],
    ['Send the draft Friday, latest', 'me', '', 'Send the draft', '2026-11-20'],
    ['Sam: send the draft Friday at the latest', 'them', '', 'Send the draft', '2026-11-20'],
    ['Todo: Sam: Friday, send the draft', 'them', '', 'Send the draft', '2026-11-20'],
    // Still no date: a day in the agreement.
    ['Sam: take Friday off', 'them', '', 'Take Friday off', null],
    ['Sam: Friday off', 'them', '', 'Friday off', null],
    ['Sam: take Friday and Monday off', 'them', '', 'Take Friday and Monday off', null],
    [
      'Sam: cancel Monday standup, then send notes',
      'them',
      '',
      'Cancel Monday standup, then send notes',
      null,
    ],
    ['Sam: share notes from Tuesday, please', 'them', '', 'Share notes from Tuesday, please', null],
    ['Sam: send the update every Friday please', 'them', '', 'Send the update every Friday please', null],
    ['Sam: move the 1:1 to Thursday', 'them', '', 'Move the 1:1 to Thursday', null],
  ];
  it.each(rows)('%s', (...row) => expectRow(EN, row));

  const german: Row[] = [
    ['Sam: Entwurf Freitag EOD schicken', 'them', '', 'Entwurf schicken', '2026-11-20'],
    ['Sam: Freitag Entwurf schicken', 'them', '', 'Entwurf schicken', '2026-11-20'],
    ['Sam: Entwurf Freitag an Bob schicken', 'them', '', 'Entwurf an Bob schicken', '2026-11-20'],
    ['Sam: Entwurf Freitag fertig machen', 'them', '', 'Entwurf fertig machen', '2026-11-20'],
    ['Ich rufe Montag den Kunden an', 'me', '', 'Ich rufe den Kunden an', '2026-11-23'],
    // Still no date: a meeting on that day, a day off.
    ['Sam: Montag Standup absagen', 'them', '', 'Montag Standup absagen', null],
    ['Sam: Freitag frei nehmen', 'them', '', 'Freitag frei nehmen', null],
    ['Sam: jeden Freitag den Bericht schicken', 'them', '', 'Jeden Freitag den Bericht schicken', null],
  ];
  it.each(german)('%s (de)', (...row) => expectRow(DE, row));
});

describe('parseAgreementLine — a part of the day before a noun stays with the noun (review 2)', () => {
  const rows: Row[] = [
    ['Cancel tomorrow morning standup', 'me', '', 'Cancel morning standup', '2026-11-19'],
    ['Ask about the tomorrow night party', 'me', '', 'Ask about the night party', '2026-11-19'],
    [
      'Sam: prep the slides for Friday afternoon session',
      'them',
      '',
      'Prep the slides afternoon session',
      '2026-11-20',
    ],
    // Ending the line or the clause, it goes with the date.
    [
      'Sam: send the draft tomorrow morning, then ping Bob',
      'them',
      '',
      'Send the draft, then ping Bob',
      '2026-11-19',
    ],
    ['Sam: send the draft Friday afternoon at 3pm', 'them', '', 'Send the draft at 3pm', '2026-11-20'],
    ['Sam: send the draft Friday afternoon next week', 'them', '', 'Send the draft', '2026-11-27'],
  ];
  it.each(rows)('%s', (...row) => expectRow(EN, row));

  it('in German too', () => {
    expectRow(DE, ['Sam: Entwurf morgen früh schicken', 'them', '', 'Entwurf schicken', '2026-11-19']);
    expectRow(DE, [
      'Sam: Entwurf Freitag Abend an Bob schicken',
      'them',
      '',
      'Entwurf an Bob schicken',
      '2026-11-20',
    ]);
  });
});

describe('parseAgreementLine — no owner is claimed as guessed when nothing shows it (review 2)', () => {
  it('has no ownerGuessed', () => {
    for (const line of ['Hiring: post the job by Friday', 'update the roadmap', 'Sam: send the draft']) {
      expect(Object.keys(parseAgreementLine(line, EN)), line).not.toContain('ownerGuessed');
    }
  });
});
