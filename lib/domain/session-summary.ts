/**
 * The end-of-session summary: Markdown to paste into a doc, and a compact plain-text update for a
 * performance tracker or a chat. Pure. Private notes are never read: they stay private even in summaries
 * the user copies. Dates are the `YYYY-MM-DD` day strings Duet stores, so the output never depends on the
 * machine's locale.
 */
import type { Day } from './days';
import type {
  Agreement,
  CareerAssessment,
  Feedback,
  Goal,
  RelationshipKind,
  Session,
  TalkingPoint,
  Template,
} from './model';

type SummaryAgreement = Pick<Agreement, 'owner' | 'ownerName' | 'text' | 'dueDate' | 'status'> &
  Partial<Pick<Agreement, 'history'>>;

export interface SessionSummaryInput {
  /** `privateNotes` may be passed along with the session; it is never used. */
  session: Pick<Session, 'notes' | 'checkIn'> & Partial<Pick<Session, 'privateNotes'>>;
  template: Pick<Template, 'sections' | 'formerSections'>;
  /** Other templates (one switched away from): notes of their sections keep those sections' titles. */
  others?: readonly Pick<Template, 'sections' | 'formerSections'>[];
  /** The other person's display name. */
  personName: string;
  /** A 2-1's member, when said (`memberOf`): its name, or "me"; the heading says whom it is about. */
  about?: string;
  myName: string;
  agreementsMade: SummaryAgreement[];
  /** Agreements closed in this session (done or dropped). */
  agreementsClosed: SummaryAgreement[];
  /** Earlier agreements given a new due date in this session (their history says from which). */
  agreementsMoved?: SummaryAgreement[];
  /** Talking points carried over to the next session. */
  carriedOver: Pick<TalkingPoint, 'text' | 'author'>[];
  /** The session's day. */
  date: Day;
  /** The kind of 1:1 (the heading says "2-1 with …", "Peer 1:1 with …"); a 1:1 when not given. */
  kind?: RelationshipKind;
  /** The career self-assessment given in this session. */
  assessment?: CareerAssessment | null;
  /** Feedback given or received in this session. */
  feedback?: Pick<Feedback, 'direction' | 'text'>[];
  /**
   * The 1:1's goals (for sessions whose template has a goals section), with their key results and target
   * day; those archived in this session (finished, a career step done) say "done".
   */
  goals?: (Pick<Goal, 'title' | 'status' | 'keyResults'> &
    Partial<Pick<Goal, 'targetDate' | 'category' | 'archived'>>)[];
}

const ASSESSMENT_WORDS: Record<CareerAssessment, string> = {
  ahead: 'ahead',
  'on-track': 'on track',
  'not-meeting': 'not meeting expectations yet',
};
const GOAL_STATUS_WORDS: Record<Goal['status'], string> = {
  ahead: 'ahead',
  'on-track': 'on track',
  behind: 'behind',
};

/** A title made from a section id with no template left ("how-are-you" → "How are you"). */
function titleFromId(id: string): string {
  const words = id.replace(/[-_.:]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : id;
}

/**
 * The title of a notes field: 'general' is `generalTitle` ("Notes", written beside a Calendar event), else its
 * section's in the first of `templates` that has it (the session's, then others: one switched away from),
 * else the title it had in one that has since removed it, else one made from the id.
 */
export function sectionTitleIn(
  id: string,
  templates: ReadonlyArray<Pick<Template, 'sections' | 'formerSections'> | undefined>,
  generalTitle: string,
): string {
  if (id === 'general') return generalTitle;
  for (const template of templates) {
    const section = template?.sections.find((s) => s.id === id);
    if (section) return section.title;
  }
  // A section removed from its template since: the title it last had there.
  for (const template of templates) {
    const former = template?.formerSections?.find((s) => s.id === id);
    if (former) return former.title;
  }
  return titleFromId(id);
}

/** One line of user text: newlines and runs of spaces become single spaces. */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What gives a line meaning in Markdown when it starts it: headings, quotes, setext underlines and rules,
 * bullets, code fences, tables (a row, or a delimiter row like ":-- | :--"), HTML, link definitions,
 * ordered-list numbers.
 */
const BLOCK_START = /^([#>=\-*+_`~|<[:]|\d{1,9}[.)](?=\s|$))/;
const LIST_ITEM = /^([-*+]|\d{1,9}[.)])(\s+)(\S.*)$/;

/** Escapes a leading Markdown marker so user text stays text. */
export function escapeStart(text: string): string {
  return text.replace(BLOCK_START, (marker) =>
    /^\d/.test(marker) ? `${marker.slice(0, -1)}\\${marker.slice(-1)}` : `\\${marker}`,
  );
}

/**
 * Backslashes that would escape the character after them (or make a hard line break at a line's end) are
 * escaped themselves, so the user's `\<` cannot undo the escaping below.
 */
const ACTIVE_BACKSLASH = /\\(?=[!-/:-@[-`{-~]|[^\S\n]*$)/gm;

/**
 * User text with no way to become HTML, an autolink, a link, an image or an entity reference. The rest of
 * the user's inline formatting (emphasis, code) is left as typed: these are their notes.
 */
export function escapeHtmlAndLinks(text: string): string {
  return text
    .replace(ACTIVE_BACKSLASH, '\\\\')
    .replace(/[<[\]]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/** Where a bullet's text starts, counted from its line's start: what a nested bullet indents to. */
type ListLevel = { contentAt: number };

/**
 * A line of notes as Markdown: the user's own bullets stay bullets (their content escaped), anything else
 * that would start a heading, quote, rule, code block or HTML is escaped. Indentation is dropped, except a
 * bullet under a bullet, which is indented to its parent's text (one level deeper at most): an indented
 * bullet after a paragraph or a blank line would otherwise become an indented code block or run into the
 * paragraph.
 */
function noteLine(line: string, parent: ListLevel | null): { text: string; level: ListLevel | null } {
  const body = line.trim();
  const item = LIST_ITEM.exec(body);
  if (!item) return { text: escapeStart(body), level: null };
  const at = parent?.contentAt ?? 0;
  const marker = item[1] ?? '-';
  return {
    text: `${' '.repeat(at)}${marker} ${escapeStart(item[3] ?? '')}`,
    level: { contentAt: at + marker.length + 1 },
  };
}

/** Notes as Markdown lines: one line per line typed, blank runs collapsed, each escaped by `noteLine`. */
export function noteBlock(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trimEnd());
  const out: string[] = [];
  /** The bullets the last lines opened, outermost first, with the indentation typed for each. */
  let levels: { typed: number; level: ListLevel }[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      continue;
    }
    const typed = (/^\s*/.exec(line)?.[0] ?? '').replace(/\t/g, '  ').length;
    // The parent is the nearest bullet typed less indented than this line (none for a line not indented).
    while (levels.length > 0 && levels[levels.length - 1]!.typed >= typed) levels.pop();
    const parent = typed > 0 && levels.length > 0 ? levels[levels.length - 1]!.level : null;
    const { text: markdown, level } = noteLine(line, parent);
    out.push(markdown);
    if (level) levels.push({ typed, level });
    else levels = [];
  }
  while (out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * Sections with notes, in template order; notes for sections the template no longer has come last, titled
 * by the template they came from (`others`: a template switched away from), else by the title they had
 * before they were removed, else from their id.
 */
export function notesBySection(
  input: Pick<SessionSummaryInput, 'session' | 'template' | 'others'>,
): { title: string; text: string }[] {
  const notes = input.session.notes;
  const known = new Set(input.template.sections.map((s) => s.id));
  const ordered = [
    ...input.template.sections.map((s) => ({ id: s.id, title: s.title })),
    ...Object.keys(notes)
      .filter((id) => !known.has(id))
      .map((id) => ({ id, title: sectionTitleIn(id, [input.template, ...(input.others ?? [])], 'Notes') })),
  ];
  return ordered
    .map(({ id, title }) => ({
      title: oneLine(title),
      text: Object.hasOwn(notes, id) ? (notes[id] ?? '') : '',
    }))
    .filter((section) => section.text.trim().length > 0);
}

function ownerLabel(agreement: SummaryAgreement, input: SessionSummaryInput): string {
  switch (agreement.owner) {
    case 'me':
      return oneLine(input.myName) || 'Me';
    case 'them':
      return oneLine(input.personName) || 'Them';
    case 'both':
      return 'Both';
    case 'named':
      return oneLine(agreement.ownerName) || 'Someone';
  }
}

function agreementText(agreement: SummaryAgreement, input: SessionSummaryInput): string {
  const due = agreement.dueDate ? ` (due ${agreement.dueDate})` : '';
  return `${ownerLabel(agreement, input)}: ${oneLine(agreement.text)}${due}`;
}

function closedText(agreement: SummaryAgreement, input: SessionSummaryInput): string {
  const base = `${ownerLabel(agreement, input)}: ${oneLine(agreement.text)}`;
  if (agreement.status !== 'dropped') return `${base} (${agreement.status})`;
  const reason = [...(agreement.history ?? [])].reverse().find((e) => e.action === 'dropped')?.note ?? '';
  return `${base} (dropped${oneLine(reason) ? `: ${oneLine(reason)}` : ''})`;
}

/** An agreement given a new date: "Sam: Send the draft (now due 2026-12-01, was 2026-11-20)". */
function movedText(agreement: SummaryAgreement, input: SessionSummaryInput): string {
  const moved = [...(agreement.history ?? [])].reverse().find((e) => e.action === 'renegotiated');
  const now = agreement.dueDate ? `now due ${agreement.dueDate}` : 'no due date now';
  const was = moved?.fromDue ? `, was ${moved.fromDue}` : '';
  return `${ownerLabel(agreement, input)}: ${oneLine(agreement.text)} (${now}${was})`;
}

/** An agreement made in the session, as it stands now: one dropped since says so (with why). */
function madeText(agreement: SummaryAgreement, input: SessionSummaryInput): string {
  return agreement.status === 'dropped' ? closedText(agreement, input) : agreementText(agreement, input);
}

/** "Ship search v2: behind, by 2026-06-30 (p95 under 300 ms 40%)"; a goal finished in the session is "done". */
function goalText(goal: NonNullable<SessionSummaryInput['goals']>[number]): string {
  const results = goal.keyResults.map((kr) => `${oneLine(kr.text)} ${Math.round(kr.progress)}%`);
  const status = goal.archived ? 'done' : GOAL_STATUS_WORDS[goal.status];
  const by = goal.targetDate ? `, by ${goal.targetDate}` : '';
  return `${oneLine(goal.title)}: ${status}${by}${results.length > 0 ? ` (${results.join(', ')})` : ''}`;
}

function feedbackText(item: NonNullable<SessionSummaryInput['feedback']>[number]): string {
  return `${item.direction === 'given' ? 'Given' : 'Received'}: ${oneLine(item.text)}`;
}

function talkingPointText(point: Pick<TalkingPoint, 'text' | 'author'>, input: SessionSummaryInput): string {
  const from = point.author === 'them' ? oneLine(input.personName) || 'them' : oneLine(input.myName) || 'me';
  return `${oneLine(point.text)} (from ${from})`;
}

function checkInText(checkIn: SessionSummaryInput['session']['checkIn']): string {
  if (!checkIn) return '';
  const parts = [
    checkIn.mood !== null ? `mood ${checkIn.mood}/5` : '',
    checkIn.workload !== null ? `workload ${checkIn.workload}/5` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `Check-in: ${parts.join(', ')}` : '';
}

const KIND_WORDS: Record<RelationshipKind, string> = {
  'one-on-one': '1:1',
  'two-on-one': '2-1',
  'skip-level': 'Skip-level 1:1',
  peer: 'Peer 1:1',
  career: 'Career 1:1',
};

function heading(input: SessionSummaryInput): string {
  const about = input.about ? `, about ${oneLine(input.about)}` : '';
  return `${KIND_WORDS[input.kind ?? 'one-on-one']} with ${oneLine(input.personName) || 'them'}${about} — ${input.date}`;
}

/** One line of user text in the Markdown copy: no HTML, link or entity in it, nothing it starts with a block. */
const markdownText = (text: string) => escapeStart(escapeHtmlAndLinks(text));

export function summaryMarkdown(input: SessionSummaryInput): string {
  const lines: string[] = [`# ${escapeHtmlAndLinks(heading(input))}`, ''];
  const checkIn = checkInText(input.session.checkIn);
  if (checkIn) lines.push(checkIn, '');
  for (const section of notesBySection(input)) {
    lines.push(
      `## ${escapeHtmlAndLinks(section.title)}`,
      '',
      ...noteBlock(escapeHtmlAndLinks(section.text)),
      '',
    );
  }
  const list = (title: string, items: string[]) => {
    if (items.length > 0) lines.push(`## ${title}`, '', ...items, '');
  };
  list(
    'Agreements made',
    input.agreementsMade.map((a) =>
      a.status === 'dropped'
        ? `- ${markdownText(madeText(a, input))}`
        : `- [${a.status === 'done' ? 'x' : ' '}] ${markdownText(madeText(a, input))}`,
    ),
  );
  list(
    'Closed',
    input.agreementsClosed.map(
      (a) => `- ${a.status === 'done' ? '[x] ' : ''}${markdownText(closedText(a, input))}`,
    ),
  );
  list(
    'New dates',
    (input.agreementsMoved ?? []).map((a) => `- [ ] ${markdownText(movedText(a, input))}`),
  );
  list(
    'Carried over',
    input.carriedOver.map((p) => `- ${markdownText(talkingPointText(p, input))}`),
  );
  list(
    'Goals',
    (input.goals ?? []).map((g) => `- ${markdownText(goalText(g))}`),
  );
  list(
    'Feedback',
    (input.feedback ?? []).map((f) => `- ${markdownText(feedbackText(f))}`),
  );
  if (input.assessment) lines.push(`Self-assessment: ${ASSESSMENT_WORDS[input.assessment]}`, '');
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A section's notes on one line, without the user's own bullet or heading markers. Never shortened. */
function plainNotes(text: string): string {
  const joined = text
    .split(/\r\n|\r|\n/)
    // A marker only when a space follows it (as Markdown reads one): "1.5 days", "-5%", "#42" stay.
    .map((line) => line.trim().replace(/^(?:[-*+•]|\d{1,9}[.)]|#{1,6}|>)(?:\s+|$)/, ''))
    .filter((line) => line.length > 0)
    .reduce((all, line) => (all === '' ? line : `${all}${/[.,;:!?]$/.test(all) ? ' ' : '; '}${line}`), '');
  return oneLine(joined);
}

/**
 * A few plain lines for a performance tracker or a chat: no Markdown, no private notes, and no check-in
 * scores (mood and workload are the person's to share, not a record's).
 */
export function summaryPlainUpdate(input: SessionSummaryInput): string {
  const lines = [heading(input)];
  for (const section of notesBySection(input)) lines.push(`${section.title}: ${plainNotes(section.text)}`);
  const joined = (label: string, items: string[]) => {
    if (items.length > 0) lines.push(`${label}: ${items.join('; ')}`);
  };
  joined(
    'Agreed',
    input.agreementsMade.map((a) => madeText(a, input)),
  );
  joined(
    'Closed',
    input.agreementsClosed.map((a) => closedText(a, input)),
  );
  joined(
    'New dates',
    (input.agreementsMoved ?? []).map((a) => movedText(a, input)),
  );
  joined(
    'Next time',
    input.carriedOver.map((p) => talkingPointText(p, input)),
  );
  joined('Goals', (input.goals ?? []).map(goalText));
  joined('Feedback', (input.feedback ?? []).map(feedbackText));
  if (input.assessment) lines.push(`Self-assessment: ${ASSESSMENT_WORDS[input.assessment]}`);
  return `${lines.join('\n')}\n`;
}
