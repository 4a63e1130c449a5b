import { describe, expect, it } from 'vitest';
import type { Agreement } from '@/lib/domain/model';
import { type SessionSummaryInput, summaryMarkdown, summaryPlainUpdate } from '@/lib/domain/session-summary';
import { getBuiltInTemplate } from '@/lib/domain/templates';

const CANARY = 'CANARY-private-7f3a';
const template = (() => {
  const found = getBuiltInTemplate('builtin:your-session');
  if (!found) throw new Error('missing template');
  return found;
})();

function agreement(overrides: Partial<Agreement>): Agreement {
  return {
    id: 'a1',
    relationshipId: 'r1',
    owner: 'me',
    ownerName: '',
    text: 'Something',
    dueDate: null,
    status: 'open',
    madeInSessionId: 's1',
    history: [],
    closedAt: null,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

function input(overrides: Partial<SessionSummaryInput> = {}): SessionSummaryInput {
  return {
    session: {
      // deliberately out of template order
      notes: {
        'next-steps': 'Agreed on the plan.',
        'how-are-you': 'Tired after the launch,\nbut proud of the team.',
        support: '   ',
        'your-topics': '- Promotion timeline\n- Conference budget',
      },
      privateNotes: `Worried about attrition ${CANARY}`,
      checkIn: { mood: 4, workload: 3 },
    },
    template,
    personName: 'Sam Taylor',
    myName: 'Alice',
    agreementsMade: [
      agreement({ owner: 'them', text: 'Send the draft', dueDate: '2026-11-20' }),
      agreement({ owner: 'me', text: 'Update the roadmap' }),
      agreement({ owner: 'both', text: 'Revisit the plan', dueDate: '2026-12-02' }),
      agreement({ owner: 'named', ownerName: 'Priya', text: 'Review the budget', dueDate: '2026-11-30' }),
    ],
    agreementsClosed: [
      agreement({ owner: 'me', text: 'Intro to Priya', status: 'done' }),
      agreement({
        owner: 'them',
        text: 'Write the RFC',
        status: 'dropped',
        history: [
          { at: 1, action: 'dropped', sessionId: 's1', fromDue: null, toDue: null, note: 'Superseded' },
        ],
      }),
    ],
    carriedOver: [
      { text: 'Hiring plan', author: 'them' },
      { text: 'Team offsite', author: 'me' },
    ],
    date: '2026-11-18',
    ...overrides,
  };
}

describe('a 2-1’s heading', () => {
  it('says whom it is about when the member is said, in both copies', () => {
    const twoOnOne = input({ kind: 'two-on-one', personName: 'Carol King & Dan Park', about: 'Carol King' });
    expect(summaryMarkdown(twoOnOne).split('\n')[0]).toBe(
      '# 2-1 with Carol King & Dan Park, about Carol King — 2026-11-18',
    );
    expect(summaryPlainUpdate(twoOnOne).split('\n')[0]).toBe(
      '2-1 with Carol King & Dan Park, about Carol King — 2026-11-18',
    );
    expect(
      summaryMarkdown(input({ kind: 'two-on-one', personName: 'Carol King & Dan Park' })).split('\n')[0],
    ).toBe('# 2-1 with Carol King & Dan Park — 2026-11-18');
  });
});

describe('summaryMarkdown', () => {
  it('renders the whole summary in order', () => {
    expect(summaryMarkdown(input())).toBe(
      [
        '# 1:1 with Sam Taylor — 2026-11-18',
        '',
        'Check-in: mood 4/5, workload 3/5',
        '',
        '## How are you really doing?',
        '',
        'Tired after the launch,',
        'but proud of the team.',
        '',
        '## Your topics',
        '',
        '- Promotion timeline',
        '- Conference budget',
        '',
        '## Next steps',
        '',
        'Agreed on the plan.',
        '',
        '## Agreements made',
        '',
        '- [ ] Sam Taylor: Send the draft (due 2026-11-20)',
        '- [ ] Alice: Update the roadmap',
        '- [ ] Both: Revisit the plan (due 2026-12-02)',
        '- [ ] Priya: Review the budget (due 2026-11-30)',
        '',
        '## Closed',
        '',
        '- [x] Alice: Intro to Priya (done)',
        '- Sam Taylor: Write the RFC (dropped: Superseded)',
        '',
        '## Carried over',
        '',
        '- Hiring plan (from Sam Taylor)',
        '- Team offsite (from Alice)',
        '',
      ].join('\n'),
    );
  });

  it('never includes private notes', () => {
    expect(summaryMarkdown(input())).not.toContain(CANARY);
    expect(summaryMarkdown(input())).not.toContain('attrition');
  });

  it('follows template order and skips empty or blank sections', () => {
    const md = summaryMarkdown(input());
    const order = ['How are you really doing?', 'Your topics', 'Next steps'].map((t) =>
      md.indexOf(`## ${t}`),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(md).not.toContain('## How I can help'); // whitespace only
    expect(md).not.toContain('## Feedback both ways'); // no notes at all
  });

  it('puts notes for sections the template no longer has after the template sections', () => {
    const md = summaryMarkdown(
      input({
        session: { notes: { general: 'Loose note', 'how-are-you': 'Fine', gone: 'Old' }, checkIn: null },
      }),
    );
    expect(md.indexOf('## How are you really doing?')).toBeLessThan(md.indexOf('## Notes'));
    expect(md).toContain('## Notes\n\nLoose note');
    expect(md).toContain('## Gone\n\nOld');
  });

  it('leaves out what is empty: check-in, notes and lists', () => {
    const md = summaryMarkdown(
      input({
        session: { notes: {}, checkIn: null },
        agreementsMade: [],
        agreementsClosed: [],
        carriedOver: [],
      }),
    );
    expect(md).toBe('# 1:1 with Sam Taylor — 2026-11-18\n');
    const partial = summaryMarkdown(input({ session: { notes: {}, checkIn: { mood: null, workload: 2 } } }));
    expect(partial).toContain('Check-in: workload 2/5\n');
    expect(
      summaryMarkdown(input({ session: { notes: {}, checkIn: { mood: null, workload: null } } })),
    ).not.toContain('Check-in');
  });

  it('renders owners with fallbacks when names are missing', () => {
    const md = summaryMarkdown(
      input({
        personName: '',
        myName: '',
        agreementsMade: [
          agreement({ owner: 'me', text: 'A' }),
          agreement({ owner: 'them', text: 'B' }),
          agreement({ owner: 'named', ownerName: '', text: 'C' }),
          agreement({ owner: 'me', text: 'D', status: 'done' }),
        ],
      }),
    );
    expect(md).toContain('# 1:1 with them — 2026-11-18');
    expect(md).toContain('- [ ] Me: A\n- [ ] Them: B\n- [ ] Someone: C\n- [x] Me: D\n');
  });

  it('escapes user text so it cannot inject headings or other blocks', () => {
    const md = summaryMarkdown(
      input({
        personName: 'Sam\n# Injected name',
        session: {
          notes: {
            'how-are-you': [
              '# Fake heading',
              '  ## indented heading',
              '> quote',
              'Title',
              '===',
              '---',
              '- # heading in a bullet',
              '1. first',
              '2026.',
              '```',
              '<script>alert(1)</script>',
              '    four-space code',
              '[ref]: https://example.com',
              '| a | b |',
            ].join('\n'),
          },
          checkIn: null,
        },
        agreementsMade: [agreement({ owner: 'named', ownerName: '# Boss', text: 'Line one\n# line two' })],
        agreementsClosed: [],
        carriedOver: [{ text: '# Heading point\n## more', author: 'me' }],
      }),
    );
    const headings = md.split('\n').filter((line) => /^\s{0,3}#/.test(line));
    expect(headings).toEqual([
      '# 1:1 with Sam # Injected name — 2026-11-18',
      '## How are you really doing?',
      '## Agreements made',
      '## Carried over',
    ]);
    expect(md).toContain(
      [
        '\\# Fake heading',
        '\\## indented heading',
        '\\> quote',
        'Title',
        '\\===',
        '\\---',
        '- \\# heading in a bullet',
        '1. first',
        '2026\\.',
        '\\```',
        '\\<script>alert(1)\\</script>',
        'four-space code',
        '\\[ref\\]: https://example.com',
        '\\| a | b |',
      ].join('\n'),
    );
    expect(md).toContain('- [ ] \\# Boss: Line one # line two\n');
    expect(md).toContain('- \\# Heading point ## more (from Alice)\n');
  });

  it('keeps inline HTML and links in user text as text (a sanitising renderer would drop the words)', () => {
    const md = summaryMarkdown(
      input({
        session: { notes: { 'how-are-you': 'Saw the <details> widget break' }, checkIn: null },
        agreementsMade: [agreement({ id: 'a1', owner: 'them', text: 'Fix the <select> bug', dueDate: null })],
        agreementsClosed: [],
        carriedOver: [{ text: 'See [the doc](https://x.example)', author: 'me' }],
      }),
    );
    expect(md).toContain('Saw the \\<details> widget break');
    expect(md).toContain('- [ ] Sam Taylor: Fix the \\<select> bug');
    expect(md).toContain('- See \\[the doc\\](https://x.example) (from Alice)');
  });

  it('keeps blank lines between paragraphs but collapses runs of them', () => {
    const md = summaryMarkdown(
      input({ session: { notes: { 'how-are-you': '\n\nFirst\n\n\n\nSecond\r\nThird\n\n' }, checkIn: null } }),
    );
    expect(md).toContain('## How are you really doing?\n\nFirst\n\nSecond\nThird\n\n## Agreements made');
  });

  it('keeps the user’s bullets bullets: indented ones nest under a bullet, never become code or run on', () => {
    const notes = [
      'Launch',
      '',
      '    - see the doc',
      '    - ask Bob',
      '        - about the budget',
      '      - and the date',
      'Risks',
      '  - hiring',
      '1. First',
      '   1. one-a',
    ].join('\n');
    const md = summaryMarkdown(input({ session: { notes: { 'how-are-you': notes }, checkIn: null } }));
    const block = md.slice(md.indexOf('Launch'), md.indexOf('\n\n## Agreements made'));
    expect(block.split('\n')).toEqual([
      'Launch',
      '',
      '- see the doc',
      '- ask Bob',
      '  - about the budget',
      '  - and the date',
      'Risks',
      '- hiring',
      '1. First',
      '   1. one-a',
    ]);
    // Nothing in it is an indented code block (four spaces or more before text outside a list).
    expect(block).not.toMatch(/\n {4,}\S/);
  });

  it('writes the heading date as given, whatever the machine locale', () => {
    expect(summaryMarkdown(input({ date: '2027-01-05' }))).toMatch(/^# 1:1 with Sam Taylor — 2027-01-05\n/);
  });
});

describe('notes under a section removed from the template', () => {
  it('are titled as the section was, not by its id', () => {
    const mine = {
      sections: [{ id: 'section-a1', title: 'Talk', minutes: 5, prompts: [], kind: 'notes' as const }],
      formerSections: [{ id: 'section-x7k2q9', title: 'Wins' }],
    };
    const markdown = summaryMarkdown(
      input({
        session: { notes: { 'section-x7k2q9': 'Shipped the importer' }, privateNotes: '', checkIn: null },
        template: mine,
      }),
    );
    expect(markdown).toContain('## Wins\n\nShipped the importer');
    expect(markdown).not.toContain('Section x7k2q9');
  });

  it('are titled as text: a title with HTML or a link (an imported template) stays text', () => {
    const imported = {
      sections: [
        {
          id: 'section-a1',
          title: 'Wins <img src=x onerror=alert(1)> [login](https://evil.example)',
          minutes: 5,
          prompts: [],
          kind: 'notes' as const,
        },
      ],
    };
    const markdown = summaryMarkdown(
      input({
        session: { notes: { 'section-a1': 'Shipped' }, privateNotes: '', checkIn: null },
        template: imported,
      }),
    );
    expect(markdown).toContain('## Wins \\<img src=x onerror=alert(1)> \\[login\\](https://evil.example)\n');
  });
});

describe('agreements given a new date in the session', () => {
  it('are listed with their new and old dates, in Markdown and the plain update', () => {
    const moved = agreement({
      owner: 'them',
      text: 'Send the draft',
      dueDate: '2026-12-01',
      history: [
        {
          at: 1,
          action: 'renegotiated',
          sessionId: 's2',
          fromDue: '2026-11-20',
          toDue: '2026-12-01',
          note: '',
        },
      ],
    });
    const markdown = summaryMarkdown(input({ agreementsMoved: [moved] }));
    expect(markdown).toContain(
      '## New dates\n\n- [ ] Sam Taylor: Send the draft (now due 2026-12-01, was 2026-11-20)',
    );
    expect(summaryPlainUpdate(input({ agreementsMoved: [moved] }))).toContain(
      'New dates: Sam Taylor: Send the draft (now due 2026-12-01, was 2026-11-20)',
    );
    expect(summaryMarkdown(input())).not.toContain('New dates');
  });
});

describe('summaryPlainUpdate', () => {
  it('is a few plain lines', () => {
    expect(summaryPlainUpdate(input())).toBe(
      [
        '1:1 with Sam Taylor — 2026-11-18',
        'How are you really doing?: Tired after the launch, but proud of the team.',
        'Your topics: Promotion timeline; Conference budget',
        'Next steps: Agreed on the plan.',
        'Agreed: Sam Taylor: Send the draft (due 2026-11-20); Alice: Update the roadmap; ' +
          'Both: Revisit the plan (due 2026-12-02); Priya: Review the budget (due 2026-11-30)',
        'Closed: Alice: Intro to Priya (done); Sam Taylor: Write the RFC (dropped: Superseded)',
        'Next time: Hiring plan (from Sam Taylor); Team offsite (from Alice)',
        '',
      ].join('\n'),
    );
  });

  it('never includes private notes or check-in scores', () => {
    const text = summaryPlainUpdate(input());
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain('mood');
    expect(text).not.toContain('workload');
  });

  it('has no Markdown syntax of its own and strips the user’s line markers', () => {
    const text = summaryPlainUpdate(
      input({
        session: { notes: { 'how-are-you': '# Big\n> quoted\n* star\n1. one' }, checkIn: null },
      }),
    );
    expect(text).toContain('How are you really doing?: Big; quoted; star; one\n');
    for (const line of text.split('\n')) expect(line).not.toMatch(/^(#|>|- |\* |\d+\. )/);
    expect(text).not.toContain('[ ]');
    expect(text).not.toContain('[x]');
  });

  it('keeps numbers and signs that only look like line markers (no space after them)', () => {
    const text = summaryPlainUpdate(
      input({
        session: {
          notes: {
            'how-are-you': '1.5 days lost to on-call\n-5% churn\n+2 headcount\n#42 closed\n*Not* happy',
          },
          checkIn: null,
        },
      }),
    );
    expect(text).toContain(
      'How are you really doing?: 1.5 days lost to on-call; -5% churn; +2 headcount; #42 closed; *Not* happy\n',
    );
  });

  it('puts long notes on one line, whole: a performance record gets all of them', () => {
    const long = 'Delivered the migration ahead of plan. '.repeat(12).trim();
    const text = summaryPlainUpdate(input({ session: { notes: { 'your-topics': long }, checkIn: null } }));
    expect(text.split('\n')).toContain(`Your topics: ${long}`);
  });

  it('names the kind of 1:1 in the heading', () => {
    expect(summaryMarkdown(input({ kind: 'two-on-one', personName: 'Dana & Carol' }))).toMatch(
      /^# 2-1 with Dana & Carol — /,
    );
    expect(summaryPlainUpdate(input({ kind: 'peer' }))).toMatch(/^Peer 1:1 with Sam Taylor — /);
    expect(summaryPlainUpdate(input())).toMatch(/^1:1 with Sam Taylor — /);
  });

  it('says an agreement made and dropped since was dropped, never an open to-do', () => {
    const dropped = agreement({
      owner: 'me',
      text: 'Send the draft',
      dueDate: '2025-03-07',
      status: 'dropped',
      history: [
        { at: 1, action: 'created', sessionId: 's1', fromDue: null, toDue: '2025-03-07', note: '' },
        { at: 2, action: 'dropped', sessionId: 's1', fromDue: null, toDue: null, note: 'a typo' },
      ],
    });
    const md = summaryMarkdown(input({ agreementsMade: [dropped] }));
    expect(md).not.toContain('- [ ] Alice: Send the draft');
    expect(md).toContain('- Alice: Send the draft (dropped: a typo)');
    expect(summaryPlainUpdate(input({ agreementsMade: [dropped] }))).toContain(
      'Agreed: Alice: Send the draft (dropped: a typo)',
    );
  });

  it('adds the self-assessment, the feedback of the session and the goals with their key results', () => {
    const extra = input({
      assessment: 'not-meeting',
      feedback: [
        { direction: 'given', text: 'Ran the incident call well' },
        { direction: 'received', text: 'Reviews come late' },
      ],
      goals: [
        {
          title: 'Ship search v2',
          status: 'behind',
          keyResults: [{ id: 'k1', text: 'p95 under 300 ms', progress: 40 }],
        },
      ],
    });
    const md = summaryMarkdown(extra);
    expect(md).toContain('## Goals\n\n- Ship search v2: behind (p95 under 300 ms 40%)');
    expect(md).toContain('## Feedback\n\n- Given: Ran the incident call well\n- Received: Reviews come late');
    expect(md).toContain('Self-assessment: not meeting expectations yet');
    const plain = summaryPlainUpdate(extra);
    expect(plain).toContain('Goals: Ship search v2: behind (p95 under 300 ms 40%)');
    expect(plain).toContain('Feedback: Given: Ran the incident call well; Received: Reviews come late');
    expect(plain).toContain('Self-assessment: not meeting expectations yet');
  });

  it('gives a goal’s target day and says a goal or career step finished in the session is done', () => {
    const extra = input({
      goals: [
        {
          title: 'Lead the Q2 planning review',
          status: 'on-track',
          category: 'personal-development',
          targetDate: '2027-03-31',
          keyResults: [],
        },
        {
          title: 'Mentor a new hire',
          status: 'behind',
          category: 'personal-development',
          targetDate: '2026-12-01',
          archived: true,
          keyResults: [{ id: 'k1', text: 'Weekly pairing', progress: 100 }],
        },
      ],
    });
    expect(summaryMarkdown(extra)).toContain(
      '## Goals\n\n- Lead the Q2 planning review: on track, by 2027-03-31\n- Mentor a new hire: done, by 2026-12-01 (Weekly pairing 100%)',
    );
    expect(summaryPlainUpdate(extra)).toContain(
      'Goals: Lead the Q2 planning review: on track, by 2027-03-31; Mentor a new hire: done, by 2026-12-01 (Weekly pairing 100%)',
    );
  });

  it('is only the heading when nothing happened', () => {
    expect(
      summaryPlainUpdate(
        input({
          session: { notes: {}, checkIn: null },
          agreementsMade: [],
          agreementsClosed: [],
          carriedOver: [],
        }),
      ),
    ).toBe('1:1 with Sam Taylor — 2026-11-18\n');
  });
});
