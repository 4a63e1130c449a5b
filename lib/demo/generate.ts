/**
 * Demo data, generated: a whole history of 1:1s as an export file's records (the same shape `lib/io`
 * imports), so the demo, the benchmarks and tests can load it through the ordinary import path.
 *
 * - `realistic`: Alice Smith, a manager with 8 reports, 2 peers, her manager and a skip-level report;
 *   two years of sessions (from before the bundled Calendar demo week, if that was longer ago) that line
 *   up with that week (tests/fixtures/google/fixtures-index.json), so opening its events shows real history.
 * - `large`: ~200 people × 5 years of weekly sessions (~52k sessions, ~100k agreements) with short notes;
 *   `scale` multiplies the number of people.
 *
 * Pure and deterministic: the same (profile, now, seed, scale) always gives the same records. No browser,
 * no database, no clock, no Math.random — a small seeded PRNG (mulberry32) drives every choice.
 */
import {
  type Agreement,
  type AgreementEvent,
  type AgreementOwner,
  type CheckIn,
  DEFAULT_CADENCE_DAYS,
  defaultSettings,
  type Feedback,
  GOAL_CATEGORIES,
  type Goal,
  type Person,
  type Relation,
  type Relationship,
  type RelationshipKind,
  type Session,
  type TalkingPoint,
  type Template,
} from '../domain/model';
import { DEFAULT_TEMPLATE_FOR_KIND, getBuiltInTemplate } from '../domain/templates';
import type { ExportData, ExportTable } from '../io/export-format';

export type DemoProfile = 'realistic' | 'large';

export interface GenerateOptions {
  /** The demo's "now" (epoch ms): history ends here, one upcoming session per series lies after it. */
  now: number;
  seed?: number;
  /** `large` only: multiplies the number of people (1 → ~200). */
  scale?: number;
}

export const DEMO_ME = { name: 'Alice Smith', email: 'alice@acme.example' } as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The section the Calendar panel writes free-form notes into (lib/db/migrations.ts GENERAL_NOTES_SECTION). */
const GENERAL_NOTES_SECTION = 'general';

// Randomness ----------------------------------------------------------------------------------------

/** Mixes two 32-bit values into a well-spread seed. */
function mix(a: number, b: number): number {
  let h = Math.imul((a ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(b >>> 0, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A time in [from, to] (integer ms); `from` when the range is empty. */
  between(from: number, to: number): number {
    return to <= from ? from : from + Math.floor(this.next() * (to - from));
  }

  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
}

// Days and Calendar ids -----------------------------------------------------------------------------

const dayIndexOf = (instant: number) => Math.floor(instant / DAY);
const dayStrings = new Map<number, string>();

/** `YYYY-MM-DD` of a UTC day index (cached: the large profile shares these strings). */
function dayString(dayIndex: number): string {
  let day = dayStrings.get(dayIndex);
  if (day === undefined) {
    day = new Date(dayIndex * DAY).toISOString().slice(0, 10);
    dayStrings.set(dayIndex, day);
  }
  return day;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const FULL_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** People agree on working days: a Saturday moves back to Friday, a Sunday on to Monday. */
function workingDay(dayIndex: number): number {
  const weekday = new Date(dayIndex * DAY).getUTCDay();
  return weekday === 6 ? dayIndex - 1 : weekday === 0 ? dayIndex + 1 : dayIndex;
}

/** "Fri, Mar 27" */
function shortDay(dayIndex: number): string {
  const date = new Date(dayIndex * DAY);
  return `${WEEKDAYS[date.getUTCDay()]}, ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** A recurring instance's id: `<series>_YYYYMMDDTHHMMSSZ` (its original start, even if moved). */
function instanceId(seriesId: string, at: number): string {
  return `${seriesId}_${new Date(at).toISOString().replace(/[-:]|\.\d{3}/g, '')}`;
}

// Phrase banks (placeholders: {first} the other person, {colleague}, {named}, {project}, {project2},
// {quarter}, {level}, {month}) -------------------------------------------------------------------------

const PROJECTS = [
  'billing migration',
  'design system',
  'Q3 roadmap',
  'search relaunch',
  'on-call rotation',
  'mobile onboarding',
  'data retention policy',
  'API v2',
  'pricing page experiment',
  'incident review process',
  'accessibility audit',
  'observability stack',
  'SSO rollout',
  'checkout redesign',
  'hiring loop',
] as const;

/** People outside the 1:1s who own things ("named" agreements); none of them is a demo person. */
const NAMED_OWNERS = ['Priya', 'Jonas', 'Mei', 'Rafael', 'Sofia', 'Dmitri'] as const;
const LEVELS = ['senior', 'staff', 'tech lead'] as const;

type Audience = 'report' | 'peer' | 'manager' | 'skip' | 'two-on-one';
type Mood = 'low' | 'ok' | 'good';

const CHECK_IN_BANK: Record<Mood, readonly string[]> = {
  good: [
    '{first} is in good spirits: the {project} demo landed well and people noticed.',
    'Energy is high. {first} enjoyed pairing with {colleague} on the {project}.',
    'Rested after the long weekend; says the workload is finally manageable.',
    'Upbeat. The {project} is unblocked and {first} is proud of the last release.',
    'Good week. Fewer meetings, more focus time, and it shows.',
  ],
  ok: [
    'Doing okay. A bit stretched between the {project} and interviews, but coping.',
    '{first} said "fine, busy". Asked again: mostly the context switching is draining.',
    'Steady week. Some frustration with flaky CI, otherwise good.',
    'Mixed: excited about the {project}, tired of the meeting load on Tuesdays.',
    'Fine overall; sleeping badly since the clocks changed.',
  ],
  low: [
    '{first} is tired: two on-call pages at night this week. Asked to go lighter next sprint.',
    'Rough stretch: things at home plus the {project} deadline. Offered flexible hours.',
    'Frustrated that the {project} scope keeps changing; wants clearer decisions from product.',
    'Low energy, feels stuck on the {project}. We agreed to break it into smaller pieces.',
    'Worried about the reorg rumours. Shared what I know and what I do not.',
  ],
};

const MANAGER_CHECK_IN_BANK: Record<Mood, readonly string[]> = {
  good: [
    'Told {first} the team is in a good place; the {project} is ahead of plan.',
    'Good week for me: hiring closed, two promotions went through.',
  ],
  ok: [
    'Told {first} I am stretched between eight reports and the {project}. She suggested delegating the hiring loop.',
    'Okay week. Too many escalations from the {project2} side.',
  ],
  low: [
    'Honest with {first}: I am running on empty after the {project} crunch. Planning two days off.',
    'Hard week: an attrition risk on the team and the {project} slipped.',
  ],
};

const SECTION_BANKS: Record<string, readonly string[]> = {
  'your-topics': [
    'Wants to talk about the {project}: the estimate doubled and {first} is unsure how to tell stakeholders.',
    'Asked for my take on splitting the {project} into two milestones. Agreed: ship the read path first.',
    'Raised the on-call rotation: too few people know the {project} internals. Needs a second owner.',
    'Brought up the promotion timeline. Walked through the {level} expectations together.',
    'Wants to run the next retro. Good idea; {first} will pick the format.',
    'Second opinion on a hiring decision for the {project}: strong coder, weak collaboration signals.',
    'Tension with {colleague} over review turnaround. {first} will try a direct conversation first.',
    'Asked about the {quarter} planning and where the {project} fits. Shared what I know so far.',
    'Thinking about a conference talk on the {project}. Encouraged the proposal; deadline is end of month.',
    'Interested in mentoring the new joiner. Paired {first} with the onboarding buddy plan.',
    'Walked through the {project} incident: root cause understood, follow-ups mostly owned by {first}.',
    'Wants to move from the {project} to the {project2} next quarter. Open to it once the handover is clear.',
  ],
  support: [
    "Needs me to push for a decision on the {project} API contract with {named}'s team.",
    'Asked for budget for a course on distributed systems. I will check with Nora.',
    'Wants fewer interviews this month to focus on the {project}. Moved two slots to {colleague}.',
    'Nothing blocking right now. Will ping me if the {project} review slips.',
    'Needs access to the production dashboards; I will raise it with IT.',
    'Asked me to keep ad-hoc requests away from the team during the {project} freeze.',
  ],
  feedback: [
    'Gave feedback: the {project} write-up was clear and well structured. Keep doing that.',
    'Told {first} the status updates are sometimes late; agreed on Friday noon.',
    '{first} said my reviews come too late in the week. Fair: I will block Thursday mornings.',
    'Praised how {first} ran the incident call: calm, clear owners for each action.',
    'Suggested speaking up earlier in design reviews; the {project} concern was right but came late.',
    '{first} asked for more context when priorities change. I will share the leadership notes.',
  ],
  'next-steps': [
    'No new agreements; went through the open ones and they are on track.',
    'Next time: start with the {project} milestones.',
    'Nothing new to own this week. Revisit the {quarter} goals next time.',
  ],
  development: [
    '{first} finished the system design course and wants to apply it on the {project}.',
    'Next skill to build: leading a cross-team design review. The {project} is a good place to practise.',
    'Talked about a mentor outside the team; {named} could be a good fit.',
    'Wants to get better at estimating. Will track estimates against actuals on the {project}.',
  ],
  'growth-performance': [
    'Areas of responsibility: the {project} is on track, on-call health improved (pages down a third).',
    'KPIs: review turnaround 1.2 days (goal 1), weekly deploys. At the bar for the level, above on ownership.',
    'Solidly at the bar. To go above it: drive the {project} decision end to end.',
    'Below the bar on planning this quarter: two missed milestones on the {project}. Clear plan to recover.',
  ],
  engagement: [
    'Energised by mentoring; the release checklist feels like a chore, so we will rotate it.',
    'Would recommend the team to a friend, "mostly because of the people".',
    'Engagement dipped during the {project} crunch; better now that scope is fixed.',
  ],
  alignment: [
    'Connected the {project} to the company goal of reducing churn; {first} had not seen that link.',
    'Shared the {quarter} priorities: the {project} stays in, the {project2} moves out.',
    'Some of the {project} work pulls against the platform strategy. Flagged it to Nora.',
  ],
  'catch-up': [
    '{first} is just back from vacation; busy planning season on their side.',
    'Quick catch-up on the reorg rumours; neither of us knows much more.',
    'Both tired after the offsite. Compared notes on how our teams took the news.',
    'Swapped notes on hiring: both struggling to close senior candidates.',
  ],
  'working-on': [
    "{first}'s team is on the {project}; mine is deep in the {project2}. Both depend on the auth changes.",
    '{first} is hiring two engineers. I shared our interview rubric.',
    '{first} is rolling out a new on-call policy; worth copying.',
    'Their {project} launch moved a month; our {project2} timeline is unaffected.',
  ],
  'help-ideas': [
    'Could lend one staff engineer to the {project} design review.',
    'Idea: a joint brown-bag on what we learned from the {project}.',
    '{first} suggested talking to {named} about the budget process.',
    'We are both building the same dashboard for the {project}. Let us build it once.',
  ],
  'follow-ups': [
    'Nothing new; last time’s follow-ups are done.',
    'Check in again after the {quarter} planning.',
  ],
};

/** Manager (and skip-level) variants of the "your session" sections. */
const AUDIENCE_BANKS: Partial<Record<Audience, Record<string, readonly string[]>>> = {
  manager: {
    'your-topics': [
      'Walked {first} through team health: the {project} on track, one attrition risk.',
      'Asked for headcount for the {project}; {first} will take it to the planning review.',
      'Discussed the {quarter} trade-offs: {first} wants the {project2} first, I argued for the {project}.',
      "Prepared {colleague}'s promotion case together; {first} thinks it is ready.",
      'Debriefed the incident on the {project} and the customer call that followed.',
    ],
    support: [
      'Asked {first} to unblock the vendor contract for the {project}.',
      'Need air cover for saying no to the {project2} request this quarter.',
      "Asked {first} to introduce me to {named}'s team for the {project}.",
    ],
    feedback: [
      '{first}: my updates to leadership could be shorter. Lead with the ask.',
      'Told {first} the last-minute priority changes cost the team a week.',
      '{first} liked how I handled the {project} escalation.',
    ],
  },
  skip: {
    'your-topics': [
      '{first} shared how the team feels about the reorg: cautious but positive.',
      'Asked {first} what she would change if she ran the team: fewer status meetings.',
      '{first} wants more exposure to the {project}; will mention it to her lead.',
      'Onboarding went well; {first} would like clearer docs for the {project}.',
    ],
  },
};

const FALLBACK_BY_KIND: Record<string, readonly string[]> = {
  notes: ['Talked through the {project}: progress is steady.', 'Covered the {quarter} priorities briefly.'],
  goals: ['Key results on the {project} moved; one is stuck on a dependency.'],
  career: [
    'Next six months: lead the {project} and mentor one new joiner.',
    'Self-assessment: on track for the level; examples from the {project}.',
  ],
  feedback: ['Swapped feedback; nothing new.'],
  agreements: ['No new agreements.'],
};

const MANAGER_PRIVATE_NOTES = [
  'Ask about my own promotion timeline next time.',
  '{first} seemed distracted; follow up on the reorg.',
  'Do not overcommit the team to the {project2} again.',
];
const PRIVATE_NOTES = [
  'Watch for burnout: third late night this month.',
  'Possible attrition risk; talk to Nora about a retention plan.',
  'Consider {first} for the {project} lead role next quarter.',
  'Remember: {first} prefers written feedback first, then discussion.',
  'Compensation question coming at the next review cycle.',
  'Health issue in the family; keep it confidential.',
];

const AGREEMENT_TEXTS: Record<AgreementOwner, readonly string[]> = {
  them: [
    'Send the rollout plan for the {project}',
    'Write a one-pager on the {project} trade-offs',
    'Share the {project} estimate with stakeholders',
    'Send the conference talk proposal',
    'Set up the retro for the {project}',
    'Update the runbook for the {project}',
    'Pair with {colleague} on the flaky tests',
    'Prepare the demo for the {quarter} review',
    'Book time with {named} about the {project} API contract',
    'Write up the incident timeline',
    'Pick a course and send me the link',
    'Break the {project} into milestones',
  ],
  me: [
    'Ask {named} about a second on-call person',
    'Send the promotion packet template',
    'Check the training budget with Nora',
    'Raise dashboard access with IT',
    'Introduce {first} to {named}',
    'Share the leadership notes on the {quarter} plan',
    'Review the {project} design doc',
    'Move two interview slots to {colleague}',
    'Follow up on the headcount request',
  ],
  both: [
    'Agree the scope of the {project} milestone 1',
    'Review the career plan together',
    'Decide on the {project} launch date',
    'Go through the feedback from the {project} retro',
  ],
  named: [
    'Review the {project} security checklist',
    'Confirm the budget for the {project}',
    'Send the vendor contract for the {project}',
    'Share the hiring plan for {quarter}',
    'Sign off on the {project} launch',
  ],
};

const RENEGOTIATION_REASONS = [
  'Blocked on the {project} review',
  'Vacation week in between',
  'Priorities shifted to the {project2}',
  'Waiting for input from {named}',
  'Bigger than we thought; new date agreed',
];
const DROP_REASONS = [
  'No longer needed after the reorg',
  'Superseded by the {quarter} plan',
  '{named} picked it up instead',
  'Out of scope for this quarter',
  'The {project} was paused',
];

const TALKING_POINTS: Record<'me' | 'them', readonly string[]> = {
  them: [
    'Feedback on my {project} design doc',
    'Can I skip the Thursday sync?',
    'Career: what does {level} look like for me?',
    'Vacation in {month}',
    'Conference talk idea',
    'On-call load',
    'Ideas for the team offsite',
    'Budget for tooling',
    'How is the {project} perceived upstairs?',
  ],
  me: [
    'Follow up on the {project} estimate',
    'Promotion cycle timeline',
    "Feedback from {named}'s team",
    'Headcount update',
    'Reorg questions',
    'Engagement survey results',
    '{quarter} goals check',
    'Handover plan for the {project}',
  ],
};

const FEEDBACK_TEXTS: Record<'given' | 'received', readonly string[]> = {
  given: [
    'Your write-up of the {project} incident was clear and calm: exactly what people needed.',
    'Status updates arrived late twice this month; Friday noon works better for me.',
    'Great facilitation of the {project} retro; everyone got to speak.',
    'In the design review you held back a concern that turned out right. Say it earlier next time.',
    'The way you onboarded {colleague} was generous and well organised.',
  ],
  received: [
    'My reviews land late in the week; Thursday mornings would help.',
    'The shared 1:1 agenda works well. Keep it.',
    'More context when priorities change, please.',
    'Thanks for keeping the team out of the {project} escalations.',
    'I could delegate more of the {project} decisions.',
  ],
};

interface GoalIdea {
  title: string;
  keyResults: readonly string[];
}
const GOAL_IDEAS: Record<(typeof GOAL_CATEGORIES)[number], readonly GoalIdea[]> = {
  impact: [
    {
      title: 'Ship the {project} to all customers',
      keyResults: ['Migrate 100% of accounts', 'Error rate below 0.1%', 'p95 latency under 300 ms'],
    },
    {
      title: 'Make the {project} the default path',
      keyResults: ['Adoption above 60%', 'Retire the old flow', 'Support tickets down by a quarter'],
    },
  ],
  team: [
    {
      title: "Grow the team's on-call bench",
      keyResults: [
        'Two new people shadowing on-call',
        'Runbooks for the top 10 alerts',
        'Run 3 onboarding sessions',
      ],
    },
    {
      title: 'Help hire for the {project}',
      keyResults: ['Run 8 interviews', 'Join the interview calibration', 'Onboard one new joiner'],
    },
  ],
  community: [
    {
      title: 'Share knowledge beyond the team',
      keyResults: [
        'Give one internal tech talk',
        'Submit a conference proposal',
        'Write two engineering blog posts',
      ],
    },
  ],
  'personal-development': [
    {
      title: 'Grow into the {level} role',
      keyResults: [
        'Lead one cross-team design review',
        'Finish the system design course',
        'Mentor one new joiner',
      ],
    },
    {
      title: 'Get better at estimating',
      keyResults: ['Track estimates against actuals for a quarter', 'Estimates within 20% on the {project}'],
    },
  ],
  okr: [
    {
      title: '{quarter}: make the {project} reliable',
      keyResults: ['Reduce pages by 30%', 'Zero sev-1 incidents', 'Automate the release checklist'],
    },
  ],
};

/** Short, name-free notes for the large profile (pooled: the same strings are shared by many records). */
const LEAN_NOTES: Record<string, readonly string[]> = {
  'check-in': [
    'Good week overall; workload manageable, a bit tired after the release.',
    'Stretched: on-call plus the {project} deadline. Will lighten next sprint.',
    'Steady. Enjoying the {project}, fewer meetings helped.',
  ],
  notes: [
    'Discussed the {project} estimate; splitting it into two milestones, read path first.',
    'Talked about the {level} expectations and where the {project} gives evidence.',
    'Blocked on the {project} API review; I will chase it this week.',
    'Wants to own the {project} retro. Agreed.',
  ],
  feedback: [
    'Feedback: the {project} write-up was clear. Status updates could come earlier.',
    'Asked me for faster reviews on the {project}; fair point.',
  ],
  agreements: ['Reviewed open agreements; two done, one moved.', 'New: plan for the {project} by next week.'],
  goals: ['Key results on the {project} moved; one stuck on a dependency.'],
  career: ['Next six months: lead the {project}, mentor a new joiner.'],
};

// Text filling --------------------------------------------------------------------------------------

interface Voice {
  /** First name of the other person (the member in a 2-1). */
  first: string;
  colleagues: readonly string[];
  /** Seed for the relationship's focus project, which changes every quarter. */
  projectSeed: number;
}

function quarterOf(at: number): string {
  return `Q${Math.floor(new Date(at).getUTCMonth() / 3) + 1}`;
}

function focusProject(voice: Voice, at: number): string {
  return PROJECTS[(voice.projectSeed + Math.floor(at / (91 * DAY))) % PROJECTS.length] as string;
}

function fill(template: string, rng: Rng, voice: Voice, at: number): string {
  if (!template.includes('{')) return template;
  const project = rng.chance(0.8) ? focusProject(voice, at) : rng.pick(PROJECTS);
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'first':
        return voice.first;
      case 'colleague':
        return voice.colleagues.length > 0 ? rng.pick(voice.colleagues) : rng.pick(NAMED_OWNERS);
      case 'named':
        return rng.pick(NAMED_OWNERS);
      case 'project':
        return project;
      case 'project2': {
        const other = rng.pick(PROJECTS);
        return other === project
          ? (PROJECTS[(PROJECTS.indexOf(other) + 1) % PROJECTS.length] as string)
          : other;
      }
      case 'quarter':
        return quarterOf(at);
      case 'level':
        return rng.pick(LEVELS);
      case 'month':
        return FULL_MONTHS[(new Date(at).getUTCMonth() + rng.int(1, 4)) % 12] as string;
      default:
        return key;
    }
  });
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// The generator -------------------------------------------------------------------------------------

type Detail = 'rich' | 'lean';

interface Context {
  now: number;
  today: number;
  detail: Detail;
  out: ExportData;
  /** Lean profile: filled strings shared between records. */
  pools: Map<string, string[]>;
  poolRng: Rng;
}

interface SeriesLink {
  /** Calendar series id, or a single event's id. */
  id: string;
  recurring: boolean;
}

interface RelationshipPlan {
  index: number;
  personIds: string[];
  kind: RelationshipKind;
  title: string;
  cadenceDays: number;
  /** One instant on the session grid: sessions fall on anchor + k × cadence. */
  anchor: number;
  /** Earliest instant a session may have. */
  from: number;
  series: SeriesLink | null;
  /** Extra one-off Calendar events of this series (held sessions off the grid). */
  extraEvents: ReadonlyArray<{ id: string; at: number }>;
  calendarSeriesIds: string[];
  meetCodes: string[];
  audience: Audience;
  voice: Voice;
  /** The person feedback is about (`null` if none). */
  feedbackPersonId: string | null;
  goals: number;
  /** The next session was moved (status `rescheduled`, still to happen). */
  nextRescheduled?: boolean;
  /** Hand-written notes and agreements for particular Calendar instances (the demo week). */
  overrides?: ReadonlyMap<string, SessionOverride>;
}

interface SessionOverride {
  notes: Record<string, string>;
  checkIn?: CheckIn;
  agreements?: ReadonlyArray<{ owner: AgreementOwner; ownerName?: string; text: string; dueInDays: number }>;
}

interface HeldRef {
  id: string;
  at: number;
}

/** Pooled texts speak of "them", not of a particular person (they are shared across relationships). */
const POOL_VOICE: Voice = { first: 'them', colleagues: NAMED_OWNERS, projectSeed: 0 };

/** Lean profile: one of 48 pre-filled texts from `bank`, so many records share a few strings. */
function pooled(ctx: Context, key: string, bank: readonly string[], rng: Rng): string {
  let pool = ctx.pools.get(key);
  if (!pool) {
    pool = [];
    for (let i = 0; i < 48; i++)
      pool.push(fill(ctx.poolRng.pick(bank), ctx.poolRng, POOL_VOICE, i * 97 * DAY));
    ctx.pools.set(key, pool);
  }
  return rng.pick(pool);
}

function relationshipId(plan: RelationshipPlan): string {
  return `demo-rel-${plan.index}`;
}

function emitRelationship(ctx: Context, plan: RelationshipPlan, rng: Rng): void {
  const template = getBuiltInTemplate(DEFAULT_TEMPLATE_FOR_KIND[plan.kind]);
  if (!template) throw new Error(`No built-in template for ${plan.kind}`);
  const relId = relationshipId(plan);
  const createdAt = Math.max(0, plan.from - 7 * DAY);
  const relationship: Relationship = {
    id: relId,
    personIds: plan.personIds,
    kind: plan.kind,
    title: plan.title,
    cadenceDays: plan.cadenceDays,
    templateId: template.id,
    calendarSeriesIds: plan.calendarSeriesIds,
    meetCodes: plan.meetCodes,
    archived: false,
    createdAt,
    updatedAt: createdAt,
  };
  ctx.out.relationships.push(relationship);

  // The grid: every anchor + k × cadence from `from` through `now`, plus the first one after `now`.
  const step = plan.cadenceDays * DAY;
  const kMin = Math.ceil((plan.from - plan.anchor) / step);
  const kMax = Math.floor((ctx.now - plan.anchor) / step);
  // A recurring series has an instance (and its Meet code) per slot; a single event only its own slot.
  // Slots of the Calendar demo week are always held, on time.
  const meetCode = plan.meetCodes[0] ?? null;
  const slots: Array<{ at: number; eventId: string | null; meetCode: string | null; fixed: boolean }> = [];
  for (let k = kMin; k <= kMax + 1; k++) {
    const at = plan.anchor + k * step;
    const series = plan.series;
    if (series?.recurring) {
      const eventId = instanceId(series.id, at);
      slots.push({ at, eventId, meetCode, fixed: plan.overrides?.has(eventId) === true });
    } else if (series && at === plan.anchor) {
      slots.push({ at, eventId: series.id, meetCode: null, fixed: true });
    } else {
      slots.push({ at, eventId: null, meetCode: series ? null : meetCode, fixed: false });
    }
  }
  for (const extra of plan.extraEvents) {
    if (extra.at >= plan.from && extra.at <= ctx.now) {
      slots.push({ at: extra.at, eventId: extra.id, meetCode: null, fixed: true });
    }
  }
  slots.sort((a, b) => a.at - b.at);

  const sessions: Session[] = [];
  const held: HeldRef[] = [];
  slots.forEach((slot, seq) => {
    const future = slot.at > ctx.now;
    let status: Session['status'] = future ? 'upcoming' : 'held';
    let at = slot.at;
    if (future && plan.nextRescheduled) {
      status = 'rescheduled';
      at += 2 * DAY;
    } else if (!future && !slot.fixed) {
      const roll = rng.next();
      if (roll < 0.03) status = 'cancelled';
      else if (roll < 0.06) {
        // Moved to another day and held there; Calendar keeps the instance's original id.
        const moved = at + rng.int(1, 3) * DAY + rng.int(-2, 2) * HOUR;
        if (moved <= ctx.now) at = moved;
      }
    }
    const lastAt = sessions.at(-1)?.scheduledAt ?? plan.from - step;
    const session: Session = {
      id: `demo-session-${plan.index}-${seq + 1}`,
      relationshipId: relId,
      scheduledAt: at,
      calendarEventId: slot.eventId,
      meetCode: slot.meetCode,
      status,
      templateId: template.id,
      notes: {},
      privateNotes: '',
      checkIn: null,
      heldAt: status === 'held' ? at : null,
      live: null,
      assessment: null,
      createdAt: Math.max(
        0,
        Math.min(
          ctx.now,
          status === 'upcoming' || status === 'rescheduled' ? lastAt + HOUR : at - rng.int(1, 3) * DAY,
        ),
      ),
      updatedAt: 0,
    };
    session.updatedAt =
      status === 'held'
        ? Math.max(session.createdAt, Math.min(ctx.now, at + rng.int(30, 90) * MINUTE))
        : status === 'cancelled'
          ? Math.max(session.createdAt, at - rng.int(1, 20) * HOUR)
          : session.createdAt;
    sessions.push(session);
    if (status === 'held') held.push({ id: session.id, at });
  });
  ctx.out.sessions.push(...sessions);

  let agreementSeq = 0;
  let pointSeq = 0;
  let feedbackSeq = 0;
  let heldIndex = 0;
  let previousAt = plan.from - step;
  /** The 1:1's open talking points (of every planned session): nobody queues the same point twice. */
  const queued = new Set<string>();
  for (const session of sessions) {
    if (session.status === 'held') {
      const override = session.calendarEventId ? plan.overrides?.get(session.calendarEventId) : undefined;
      const checkIn = makeCheckIn(ctx, template, rng, override);
      session.checkIn = checkIn;

      const made: Agreement[] = [];
      const specs = override?.agreements ?? randomAgreementSpecs(ctx, plan, rng, session.scheduledAt);
      for (const spec of specs) {
        const agreement = makeAgreement(ctx, plan, rng, held, heldIndex, ++agreementSeq, spec);
        made.push(agreement);
        ctx.out.agreements.push(agreement);
      }
      session.notes = makeNotes(ctx, plan, template, rng, session.scheduledAt, checkIn, made, override);
      if (ctx.detail === 'rich' && rng.chance(0.12)) {
        const bank = plan.audience === 'manager' ? MANAGER_PRIVATE_NOTES : PRIVATE_NOTES;
        session.privateNotes = fill(rng.pick(bank), rng, plan.voice, session.scheduledAt);
      }
      if (ctx.detail === 'rich') {
        pointSeq = discussedPoints(ctx, plan, rng, session, previousAt, pointSeq);
      }
      if (rng.chance(ctx.detail === 'rich' ? 0.15 : 0.02)) {
        ctx.out.feedback.push(makeFeedback(ctx, plan, rng, session, ++feedbackSeq));
      }
      heldIndex++;
    } else if (session.status === 'upcoming' || session.status === 'rescheduled') {
      const count = ctx.detail === 'rich' ? rng.int(1, 4) : rng.int(1, 2);
      const since = held.at(-1)?.at ?? plan.from;
      let order = 0;
      for (let drawn = 0; drawn < count; drawn++) {
        const author = rng.chance(0.5) ? 'me' : 'them';
        const createdAt = rng.between(Math.min(since + HOUR, ctx.now), ctx.now);
        const draw = () =>
          ctx.detail === 'rich'
            ? fill(rng.pick(TALKING_POINTS[author]), rng, plan.voice, ctx.now)
            : pooled(ctx, `point-${author}`, TALKING_POINTS[author], rng);
        // A repeat is drawn again (a few times), else left out.
        let text = draw();
        for (let retry = 0; retry < 5 && queued.has(text); retry++) text = draw();
        if (queued.has(text)) continue;
        queued.add(text);
        order++;
        ctx.out.talkingPoints.push({
          id: `demo-point-${plan.index}-${++pointSeq}`,
          relationshipId: relId,
          text,
          author,
          status: 'open',
          sessionId: session.id,
          order,
          discussedAt: null,
          createdAt,
          updatedAt: createdAt,
        });
      }
    }
    previousAt = session.scheduledAt;
  }

  for (let g = 1; g <= plan.goals; g++) ctx.out.goals.push(makeGoal(ctx, plan, rng, g));
}

function makeCheckIn(ctx: Context, template: Template, rng: Rng, override?: SessionOverride): CheckIn | null {
  if (override?.checkIn) return override.checkIn;
  if (!template.sections.some((s) => s.kind === 'check-in')) return null;
  if (!rng.chance(ctx.detail === 'rich' ? 0.65 : 0.3)) return null;
  const mood = rng.pick([2, 3, 3, 4, 4, 4, 5, 5]);
  const workload = rng.pick([2, 3, 3, 3, 4, 4, 5]);
  return { mood: rng.chance(0.05) ? null : mood, workload: rng.chance(0.05) ? null : workload };
}

function moodOf(checkIn: CheckIn | null): Mood {
  const mood = checkIn?.mood ?? 3;
  return mood <= 2 ? 'low' : mood >= 4 ? 'good' : 'ok';
}

function bankFor(plan: RelationshipPlan, sectionId: string, kind: string): readonly string[] {
  return (
    AUDIENCE_BANKS[plan.audience]?.[sectionId] ??
    SECTION_BANKS[sectionId] ??
    FALLBACK_BY_KIND[kind] ??
    (FALLBACK_BY_KIND.notes as readonly string[])
  );
}

function ownerLabel(plan: RelationshipPlan, agreement: Pick<Agreement, 'owner' | 'ownerName'>): string {
  switch (agreement.owner) {
    case 'me':
      return 'Me';
    case 'them':
      return plan.voice.first;
    case 'both':
      return 'Both';
    case 'named':
      return agreement.ownerName;
  }
}

function makeNotes(
  ctx: Context,
  plan: RelationshipPlan,
  template: Template,
  rng: Rng,
  at: number,
  checkIn: CheckIn | null,
  agreements: readonly Agreement[],
  override?: SessionOverride,
): Record<string, string> {
  const notes: Record<string, string> = {};
  if (ctx.detail === 'lean') {
    const count = rng.chance(0.6) ? 1 : 2;
    for (let i = 0; i < count; i++) {
      const section = rng.pick(template.sections);
      const bank = LEAN_NOTES[section.kind] ?? (LEAN_NOTES.notes as readonly string[]);
      notes[section.id] = pooled(ctx, `lean-${section.kind}`, bank, rng);
    }
    return notes;
  }
  for (const section of template.sections) {
    const forced = override?.notes[section.id];
    if (forced !== undefined) {
      notes[section.id] = forced;
      continue;
    }
    if (section.kind === 'agreements') {
      if (agreements.length > 0) {
        notes[section.id] = agreements
          .map(
            (a) =>
              `${ownerLabel(plan, a)}: ${a.text}${a.history[0]?.toDue ? ` (by ${shortDay(dayIndexFromString(a.history[0].toDue))})` : ''}`,
          )
          .join('\n');
      } else if (rng.chance(0.5)) {
        notes[section.id] = fill(rng.pick(bankFor(plan, section.id, section.kind)), rng, plan.voice, at);
      }
      continue;
    }
    if (!rng.chance(section.kind === 'check-in' ? 0.85 : 0.75)) continue;
    if (section.kind === 'check-in') {
      const bank = plan.audience === 'manager' ? MANAGER_CHECK_IN_BANK : CHECK_IN_BANK;
      notes[section.id] = fill(rng.pick(bank[moodOf(checkIn)]), rng, plan.voice, at);
      continue;
    }
    const bank = bankFor(plan, section.id, section.kind);
    const first = fill(rng.pick(bank), rng, plan.voice, at);
    const second = rng.chance(0.25) ? fill(rng.pick(bank), rng, plan.voice, at) : null;
    notes[section.id] = second && second !== first ? `${first}\n${second}` : first;
  }
  // Most sections have notes: make sure at least two do.
  for (const section of template.sections) {
    if (Object.keys(notes).length >= 2) break;
    if (notes[section.id] !== undefined || section.kind === 'agreements') continue;
    const bank =
      section.kind === 'check-in'
        ? (plan.audience === 'manager' ? MANAGER_CHECK_IN_BANK : CHECK_IN_BANK)[moodOf(checkIn)]
        : bankFor(plan, section.id, section.kind);
    notes[section.id] = fill(rng.pick(bank), rng, plan.voice, at);
  }
  const general = override?.notes[GENERAL_NOTES_SECTION];
  if (general !== undefined) notes[GENERAL_NOTES_SECTION] = general;
  return notes;
}

function dayIndexFromString(day: string): number {
  return dayIndexOf(Date.parse(`${day}T00:00:00Z`));
}

interface AgreementSpec {
  owner: AgreementOwner;
  ownerName?: string;
  text: string;
  dueInDays: number;
}

const OWNERS: readonly AgreementOwner[] = [
  'them',
  'them',
  'them',
  'them',
  'me',
  'me',
  'me',
  'both',
  'named',
  'named',
];

function randomAgreementSpecs(ctx: Context, plan: RelationshipPlan, rng: Rng, at: number): AgreementSpec[] {
  const count = ctx.detail === 'rich' ? rng.pick([0, 1, 1, 1, 2, 2, 3]) : rng.int(0, 4);
  const specs: AgreementSpec[] = [];
  for (let i = 0; i < count; i++) {
    const owner = rng.pick(OWNERS);
    const ownerName = owner === 'named' ? rng.pick(NAMED_OWNERS) : '';
    const text =
      ctx.detail === 'rich'
        ? fill(rng.pick(AGREEMENT_TEXTS[owner]), rng, plan.voice, at)
        : pooled(ctx, `agreement-${owner}`, AGREEMENT_TEXTS[owner], rng);
    specs.push({ owner, ownerName, text, dueInDays: rng.int(3, 21) });
  }
  return specs;
}

/** Index of the first held session after index `after` that is on or after `at` (binary search), or -1. */
function firstHeldFrom(held: readonly HeldRef[], after: number, at: number): number {
  let lo = after + 1;
  let hi = held.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((held[mid] as HeldRef).at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo < held.length ? lo : -1;
}

function makeAgreement(
  ctx: Context,
  plan: RelationshipPlan,
  rng: Rng,
  held: readonly HeldRef[],
  heldIndex: number,
  seq: number,
  spec: AgreementSpec,
): Agreement {
  const made = held[heldIndex] as HeldRef;
  const createdAt = Math.min(ctx.now, made.at + rng.int(10, 40) * MINUTE);
  const dueIndex = workingDay(dayIndexOf(made.at) + spec.dueInDays);
  const dueDate = dayString(dueIndex);
  const history: AgreementEvent[] = [
    { at: createdAt, action: 'created', sessionId: made.id, fromDue: null, toDue: dueDate, note: '' },
  ];
  const rich = ctx.detail === 'rich';
  const note = (bank: readonly string[], at: number) =>
    rich
      ? fill(rng.pick(bank), rng, plan.voice, at)
      : pooled(ctx, bank === DROP_REASONS ? 'drop' : 'renegotiate', bank, rng);
  /** A moment during a session (or `[from, now]` without one), never before creation or after now. */
  const during = (session: HeldRef) =>
    Math.max(createdAt, Math.min(ctx.now, session.at + rng.int(5, 45) * MINUTE));
  const close = (action: 'done' | 'dropped', at: number, sessionId: string | null, reason: string) =>
    history.push({ at, action, sessionId, fromDue: null, toDue: null, note: reason });

  let status: Agreement['status'] = 'open';
  let currentDue = dueIndex;
  const reviewIndex = firstHeldFrom(held, heldIndex, dueIndex * DAY);
  const review = held[reviewIndex];
  const recentReview = review !== undefined && review.at >= ctx.now - 56 * DAY;
  if (review) {
    const roll = rng.next();
    if (roll < 0.72 || (roll >= 0.97 && !recentReview)) {
      status = 'done';
      close('done', during(review), review.id, '');
    } else if (roll < 0.82) {
      status = 'dropped';
      close('dropped', during(review), review.id, note(DROP_REASONS, review.at));
    } else if (roll < 0.97) {
      const renegotiatedAt = during(review);
      currentDue = workingDay(dayIndexOf(review.at) + rng.int(7, 21));
      history.push({
        at: renegotiatedAt,
        action: 'renegotiated',
        sessionId: review.id,
        fromDue: dueDate,
        toDue: dayString(currentDue),
        note: note(RENEGOTIATION_REASONS, review.at),
      });
      status = 'renegotiated';
      const second = held[firstHeldFrom(held, reviewIndex, currentDue * DAY)];
      if (second) {
        status = rng.chance(0.85) ? 'done' : 'dropped';
        close(
          status,
          Math.max(renegotiatedAt, during(second)),
          second.id,
          status === 'dropped' ? note(DROP_REASONS, second.at) : '',
        );
      } else if (currentDue < ctx.today && rng.chance(0.5)) {
        status = 'done';
        close('done', rng.between(Math.max(renegotiatedAt, currentDue * DAY), ctx.now), null, '');
      }
    }
    // else: still open, forgotten since the last review (overdue).
  } else if (dueIndex < ctx.today) {
    const roll = rng.next();
    if (roll < 0.35) {
      status = 'done';
      close('done', rng.between(Math.max(createdAt, (dueIndex - 2) * DAY), ctx.now), null, '');
    } else if (roll < 0.5) {
      status = 'renegotiated';
      currentDue = workingDay(ctx.today + rng.int(3, 14));
      history.push({
        at: rng.between(Math.max(createdAt, dueIndex * DAY), ctx.now),
        action: 'renegotiated',
        sessionId: null,
        fromDue: dueDate,
        toDue: dayString(currentDue),
        note: note(RENEGOTIATION_REASONS, ctx.now),
      });
    }
    // else: open and overdue.
  } else {
    const roll = rng.next();
    if (roll >= 0.95) {
      status = 'dropped';
      close('dropped', rng.between(createdAt, ctx.now), null, note(DROP_REASONS, ctx.now));
    } else if (roll >= 0.8) {
      status = 'done';
      close('done', rng.between(createdAt, ctx.now), null, '');
    }
  }

  const last = history[history.length - 1] as AgreementEvent;
  return {
    id: `demo-agreement-${plan.index}-${seq}`,
    relationshipId: relationshipId(plan),
    owner: spec.owner,
    ownerName: spec.owner === 'named' ? (spec.ownerName ?? 'Priya') : '',
    text: spec.text,
    dueDate: dayString(currentDue),
    status,
    madeInSessionId: made.id,
    history,
    closedAt: status === 'done' || status === 'dropped' ? last.at : null,
    createdAt,
    updatedAt: last.at,
  };
}

function discussedPoints(
  ctx: Context,
  plan: RelationshipPlan,
  rng: Rng,
  session: Session,
  previousAt: number,
  seq: number,
): number {
  const count = rng.pick([0, 1, 1, 2]);
  for (let order = 1; order <= count; order++) {
    const author = rng.chance(0.5) ? 'me' : 'them';
    const createdAt = rng.between(Math.max(0, previousAt + HOUR), session.scheduledAt);
    const dropped = rng.chance(0.05);
    const discussedAt = Math.max(createdAt, Math.min(ctx.now, session.scheduledAt + rng.int(5, 40) * MINUTE));
    const point: TalkingPoint = {
      id: `demo-point-${plan.index}-${++seq}`,
      relationshipId: relationshipId(plan),
      text: fill(rng.pick(TALKING_POINTS[author]), rng, plan.voice, session.scheduledAt),
      author,
      status: dropped ? 'dropped' : 'discussed',
      sessionId: session.id,
      order,
      discussedAt: dropped ? null : discussedAt,
      createdAt,
      updatedAt: discussedAt,
    };
    ctx.out.talkingPoints.push(point);
  }
  return seq;
}

function makeFeedback(
  ctx: Context,
  plan: RelationshipPlan,
  rng: Rng,
  session: Session,
  seq: number,
): Feedback {
  const receivedChance = plan.audience === 'manager' ? 0.7 : 0.35;
  const direction = rng.chance(receivedChance) ? 'received' : 'given';
  const at = Math.min(ctx.now, session.scheduledAt + rng.int(10, 40) * MINUTE);
  const text =
    ctx.detail === 'rich'
      ? fill(rng.pick(FEEDBACK_TEXTS[direction]), rng, plan.voice, at)
      : pooled(ctx, `feedback-${direction}`, FEEDBACK_TEXTS[direction], rng);
  return {
    id: `demo-feedback-${plan.index}-${seq}`,
    relationshipId: relationshipId(plan),
    personId: plan.feedbackPersonId,
    direction,
    text,
    sessionId: session.id,
    at,
    createdAt: at,
    updatedAt: at,
  };
}

function makeGoal(ctx: Context, plan: RelationshipPlan, rng: Rng, seq: number): Goal {
  // Distinct categories per relationship: the n-th goal takes the n-th of a per-relationship shuffle.
  const categories = new Rng(mix(plan.voice.projectSeed, 0x60a1)).shuffled(GOAL_CATEGORIES);
  const category = categories[(seq - 1) % categories.length] as Goal['category'];
  const idea = rng.pick(GOAL_IDEAS[category]);
  const createdAt = Math.max(0, ctx.now - rng.int(20, 300) * DAY);
  const at = createdAt;
  const count = Math.min(idea.keyResults.length, rng.int(1, 3));
  const keyResults = rng
    .shuffled(idea.keyResults)
    .slice(0, count)
    .map((text, i) => ({
      id: `demo-goal-${plan.index}-${seq}-kr${i + 1}`,
      text: fill(text, rng, plan.voice, at),
      progress: rng.int(0, 20) * 5,
    }));
  const average = keyResults.reduce((sum, kr) => sum + kr.progress, 0) / keyResults.length;
  const status: Goal['status'] = average >= 70 ? 'ahead' : average >= 35 ? 'on-track' : 'behind';
  return {
    id: `demo-goal-${plan.index}-${seq}`,
    relationshipId: relationshipId(plan),
    category,
    title: capitalised(fill(idea.title, rng, plan.voice, at)),
    keyResults,
    status: rng.chance(0.15) ? 'on-track' : status,
    targetDate: rng.chance(0.1) ? null : dayString(ctx.today + rng.int(20, 200)),
    archived: false,
    createdAt,
    updatedAt: rng.between(createdAt, ctx.now),
  };
}

// Profiles ------------------------------------------------------------------------------------------

function newContext(now: number, detail: Detail, seed: number): Context {
  const out: ExportData = {
    people: [],
    relationships: [],
    sessions: [],
    talkingPoints: [],
    agreements: [],
    goals: [],
    feedback: [],
    templates: [],
    settings: [{ ...defaultSettings(now), myName: DEMO_ME.name, myEmails: [DEMO_ME.email] }],
  };
  return { now, today: dayIndexOf(now), detail, out, pools: new Map(), poolRng: new Rng(mix(seed, 0x9001)) };
}

function person(
  ctx: Context,
  index: number,
  name: string,
  email: string,
  relation: Relation,
  from: number,
): string {
  const id = `demo-person-${index}`;
  const createdAt = Math.max(0, from - 10 * DAY);
  const record: Person = {
    id,
    name,
    emails: [email],
    relation,
    archived: false,
    createdAt,
    updatedAt: createdAt,
  };
  ctx.out.people.push(record);
  return id;
}

const utc = (month: number, day: number, hour: number, minute = 0) =>
  Date.UTC(2026, month - 1, day, hour, minute);

interface RealisticSpec {
  name: string;
  email: string;
  relation: Relation;
  kind: RelationshipKind;
  title: string;
  anchor: number;
  series?: SeriesLink;
  extraEvents?: Array<{ id: string; at: number }>;
  meetCodes?: string[];
  nextRescheduled?: boolean;
}

// The Calendar demo week (tests/fixtures/google/fixtures-index.json; PDT, so 10:00 local is 17:00Z).
/** The demo week's first day, Sunday 22 March 2026 (its events' instants are in the specs below). */
const DEMO_WEEK_START = utc(3, 22, 7);
const BOB_SERIES = '9q7kdlrmoh7cfue81kf5u8fmkk';
const BOB_SINGLE = 'vk29vnk07i3ri2ldj3msbt0lg3';
const CAROL_SERIES = '11ac1qu56ggeilm5ld733ifsqp';
const TWO_ON_ONE_EVENT = '1dp1grlrhqvaopcfd4c84025dc';
const IVY_EVENT = 'lacs0f256n8p6d5j5keobv8119';
const EVAN_EVENT = 'vi0rjimmstn1s8gobqroqhgm90';
const FRANK_EVENT = 'p5cei7a8gavd6bsgqfs398fhj8';

const REALISTIC_PEOPLE: readonly RealisticSpec[] = [
  {
    name: 'Bob Jones',
    email: 'bob.jones@acme.example',
    relation: 'report',
    kind: 'one-on-one',
    title: 'Alice / Bob',
    anchor: utc(3, 23, 17),
    series: { id: BOB_SERIES, recurring: true },
    extraEvents: [{ id: BOB_SINGLE, at: utc(3, 24, 16) }],
    meetCodes: ['abc-defg-hij'],
  },
  {
    name: 'Carol Nguyen',
    email: 'carol.nguyen@acme.example',
    relation: 'report',
    kind: 'one-on-one',
    title: '1:1 Alice <> Carol',
    anchor: utc(3, 23, 18),
    series: { id: CAROL_SERIES, recurring: true },
  },
  {
    name: 'Frank Osei',
    email: 'frank.osei@acme.example',
    relation: 'report',
    kind: 'one-on-one',
    title: 'Alice / Frank',
    anchor: utc(3, 27, 16, 30),
    series: { id: FRANK_EVENT, recurring: false },
  },
  // Reports without a Calendar link: their 1:1s fall in the other weeks of the biweekly rhythm.
  {
    name: 'Grace Kim',
    email: 'grace.kim@acme.example',
    relation: 'report',
    kind: 'one-on-one',
    title: 'Alice / Grace',
    anchor: utc(3, 17, 22),
  },
  {
    name: 'Hana Sato',
    email: 'hana.sato@acme.example',
    relation: 'report',
    kind: 'one-on-one',
    title: 'Alice / Hana',
    anchor: utc(3, 18, 17),
    nextRescheduled: true,
  },
  {
    name: 'Omar Haddad',
    email: 'omar.haddad@acme.example',
    relation: 'report',
    kind: 'one-on-one',
    title: 'Alice / Omar',
    anchor: utc(3, 19, 18, 30),
  },
  {
    name: 'Lena Fischer',
    email: 'lena.fischer@acme.example',
    relation: 'report',
    kind: 'one-on-one',
    title: 'Alice / Lena',
    anchor: utc(3, 20, 16),
  },
  {
    name: 'Theo Martin',
    email: 'theo.martin@acme.example',
    relation: 'report',
    kind: 'one-on-one',
    title: 'Alice / Theo',
    anchor: utc(3, 16, 21),
  },
  {
    name: 'Evan Brooks',
    email: 'evan.brooks@acme.example',
    relation: 'peer',
    kind: 'peer',
    title: 'Peer 1:1 — Alice & Evan',
    anchor: utc(3, 26, 17, 30),
    series: { id: EVAN_EVENT, recurring: false },
  },
  {
    name: 'Sam Rivera',
    email: 'sam.rivera@acme.example',
    relation: 'peer',
    kind: 'peer',
    title: 'Peer sync: Alice & Sam',
    anchor: utc(3, 12, 20),
  },
  {
    name: 'Nora Lindqvist',
    email: 'nora.lindqvist@acme.example',
    relation: 'manager',
    kind: 'one-on-one',
    title: 'Nora / Alice',
    anchor: utc(3, 19, 23),
  },
  {
    name: 'Ivy Chen',
    email: 'ivy.chen@acme.example',
    relation: 'skip-level-report',
    kind: 'skip-level',
    title: 'Skip-level: Alice / Ivy',
    anchor: utc(3, 25, 22),
    series: { id: IVY_EVENT, recurring: false },
  },
];

const REALISTIC_OVERRIDES = new Map<string, SessionOverride>([
  [
    `${BOB_SERIES}_20260309T170000Z`,
    {
      notes: {
        'your-topics':
          'Bob is ramping on the billing migration; feels good about the scope, worried about the on-call load.',
        'how-are-you': 'Settling in after the team change. Energy okay, sleep not great with the pager.',
      },
    },
  ],
  [
    `${BOB_SERIES}_20260323T170000Z`,
    {
      notes: {
        'how-are-you':
          'Good week. Bob feels settled on the billing migration, still wary of the on-call load.',
        'your-topics':
          'The rollout plan for the billing migration is in review. Bob wants to submit a conference talk about it.',
        support: 'Needs a second on-call person while the migration runs; I will ask Priya.',
        feedback: 'Told Bob his incident write-up was clear and well structured. Keep doing that.',
        [GENERAL_NOTES_SECTION]: 'Rollout plan is in review. Talk about the conference talk proposal.',
      },
      checkIn: { mood: 4, workload: 4 },
      agreements: [
        { owner: 'them', text: 'Send the rollout plan for the billing migration', dueInDays: 4 },
        { owner: 'me', text: 'Ask Priya about a second on-call person', dueInDays: 7 },
      ],
    },
  ],
  [
    BOB_SINGLE,
    {
      notes: {
        'your-topics': 'Bob asked for this one: how the new team setup is working, and the on-call split.',
        feedback: 'Feedback on his incident write-up: clear, well structured, good timeline.',
        [GENERAL_NOTES_SECTION]:
          'Prep: ask Bob how the new team setup is working; feedback on his incident write-up (clear, well structured).',
      },
      agreements: [],
    },
  ],
  [
    `${CAROL_SERIES}_20260323T180000Z`,
    {
      notes: {
        'how-are-you': 'Busy but positive. Workload 4/5; keep an eye on it.',
        'your-topics':
          'Carol wants more ownership of the design system. Suggested she lead the component audit.',
        [GENERAL_NOTES_SECTION]:
          'Carol wants more ownership of the design system. Workload 4/5 — keep an eye on it.',
      },
      checkIn: { mood: 4, workload: 4 },
      agreements: [
        { owner: 'them', text: 'Write a one-pager on the design system component audit', dueInDays: 10 },
      ],
    },
  ],
  [
    TWO_ON_ONE_EVENT,
    {
      notes: {
        'growth-performance':
          'Carol is above the bar on ownership of the design system; planning is at the bar.',
        development: 'Next: lead a cross-team design review. Nora offered to sponsor it.',
        [GENERAL_NOTES_SECTION]:
          '2-1 with Nora: Carol above the bar on ownership; next, a cross-team design review.',
      },
    },
  ],
  [
    IVY_EVENT,
    {
      notes: {
        'your-topics':
          'Ivy likes the team rituals; standups feel long. Wants more exposure to the billing migration.',
        [GENERAL_NOTES_SECTION]: 'Ivy: standups feel long; interested in the billing migration.',
      },
    },
  ],
  [
    EVAN_EVENT,
    {
      notes: {
        'working-on':
          "Evan's team is on the search relaunch; mine on the billing migration. Both need the auth changes.",
        [GENERAL_NOTES_SECTION]:
          'Evan: search relaunch needs the same auth changes as our billing migration.',
      },
    },
  ],
  [
    FRANK_EVENT,
    {
      notes: {
        'your-topics': 'Frank wants to move to the API v2 work next quarter once the handover is clear.',
        [GENERAL_NOTES_SECTION]: 'Frank: wants to move to API v2 next quarter; plan the handover.',
      },
    },
  ],
]);

function realistic(now: number, seed: number): ExportData {
  const ctx = newContext(now, 'rich', seed);
  // Two years back, and never less than back to before the Calendar demo week: the bundled demo pages (and
  // the E2E tests on them) show that week, whatever the date.
  const from = Math.max(0, Math.min(now - 730 * DAY, DEMO_WEEK_START - 28 * DAY));
  const firstName = (name: string) => name.split(' ')[0] as string;
  const reportFirstNames = REALISTIC_PEOPLE.filter((p) => p.relation === 'report').map((p) =>
    firstName(p.name),
  );
  const personIds = REALISTIC_PEOPLE.map((spec, i) =>
    person(ctx, i + 1, spec.name, spec.email, spec.relation, from),
  );
  const plans: RelationshipPlan[] = REALISTIC_PEOPLE.map((spec, i) => {
    const first = firstName(spec.name);
    const audience: Audience =
      spec.relation === 'manager'
        ? 'manager'
        : spec.relation === 'peer'
          ? 'peer'
          : spec.kind === 'skip-level'
            ? 'skip'
            : 'report';
    const calendarSeriesIds = [
      ...(spec.series ? [spec.series.id] : []),
      ...(spec.extraEvents ?? []).map((e) => e.id),
    ];
    return {
      index: i + 1,
      personIds: [personIds[i] as string],
      kind: spec.kind,
      title: spec.title,
      cadenceDays: DEFAULT_CADENCE_DAYS[spec.kind],
      anchor: spec.anchor,
      from,
      series: spec.series ?? null,
      extraEvents: spec.extraEvents ?? [],
      calendarSeriesIds,
      meetCodes: spec.meetCodes ?? [],
      audience,
      voice: {
        first,
        colleagues: reportFirstNames.filter((n) => n !== first),
        projectSeed: mix(seed, i + 1),
      },
      feedbackPersonId: personIds[i] as string,
      goals: spec.relation === 'report' ? 2 + (mix(seed, 100 + i) % 2) : 0,
      nextRescheduled: spec.nextRescheduled,
      overrides: REALISTIC_OVERRIDES,
    };
  });
  // The 2-1: Carol with two leads (me and Nora), every six weeks, linked to the single "2-1 with Carol" event.
  const carol = personIds[1] as string;
  const nora = personIds[REALISTIC_PEOPLE.findIndex((p) => p.relation === 'manager')] as string;
  plans.push({
    index: plans.length + 1,
    personIds: [carol, nora],
    kind: 'two-on-one',
    title: '2-1 with Carol',
    cadenceDays: DEFAULT_CADENCE_DAYS['two-on-one'],
    anchor: utc(3, 25, 20),
    from,
    series: { id: TWO_ON_ONE_EVENT, recurring: false },
    extraEvents: [],
    calendarSeriesIds: [TWO_ON_ONE_EVENT],
    meetCodes: [],
    audience: 'two-on-one',
    voice: {
      first: 'Carol',
      colleagues: reportFirstNames.filter((n) => n !== 'Carol'),
      projectSeed: mix(seed, 99),
    },
    feedbackPersonId: carol,
    goals: 0,
    overrides: REALISTIC_OVERRIDES,
  });
  for (const plan of plans) emitRelationship(ctx, plan, new Rng(mix(seed, 0x1000 + plan.index)));
  return ctx.out;
}

const FIRST_NAMES = [
  'Aaron',
  'Beatriz',
  'Chen',
  'Daria',
  'Elif',
  'Farid',
  'Greta',
  'Hugo',
  'Ines',
  'Jamal',
  'Kaito',
  'Leila',
  'Marco',
  'Nadia',
  'Oskar',
  'Paula',
  'Quinn',
  'Ravi',
  'Selma',
  'Tariq',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Anja',
  'Bruno',
  'Camila',
  'Diego',
  'Emma',
  'Felix',
  'Gita',
  'Henrik',
  'Isla',
  'Jonah',
  'Kira',
  'Luca',
  'Maren',
  'Nils',
] as const;
const LAST_NAMES = [
  'Abbott',
  'Berg',
  'Castro',
  'Dubois',
  'Eriksen',
  'Fontaine',
  'Gupta',
  'Hoffmann',
  'Ibrahim',
  'Jensen',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Novak',
  'Okafor',
  'Petrov',
  'Quispe',
  'Rossi',
  'Silva',
  'Tanaka',
  'Ueda',
  'Vargas',
  'Weber',
  'Xu',
  'Yilmaz',
  'Zimmermann',
  'Alvarez',
  'Brandt',
  'Costa',
  'Dahl',
] as const;

function large(now: number, seed: number, scale: number): ExportData {
  const ctx = newContext(now, 'lean', seed);
  const from = Math.max(0, now - 5 * 365 * DAY);
  const count = Math.max(1, Math.round(200 * scale));
  const firstHour = Math.floor(now / HOUR) * HOUR;
  for (let i = 0; i < count; i++) {
    const index = i + 1;
    const rng = new Rng(mix(seed, 0x2000 + index));
    const first = FIRST_NAMES[i % FIRST_NAMES.length] as string;
    const last = LAST_NAMES[(i + Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length] as string;
    const relation: Relation =
      i === 0 ? 'manager' : i % 12 === 5 ? 'peer' : i % 20 === 7 ? 'skip-level-report' : 'report';
    const kind: RelationshipKind =
      relation === 'peer' ? 'peer' : relation === 'skip-level-report' ? 'skip-level' : 'one-on-one';
    const email = `${first}.${last}.${index}@acme.example`.toLowerCase();
    const personId = person(ctx, index, `${first} ${last}`, email, relation, from);
    const title =
      kind === 'peer'
        ? `Peer 1:1 — Alice & ${first}`
        : kind === 'skip-level'
          ? `Skip-level: Alice / ${first}`
          : `Alice / ${first}`;
    emitRelationship(
      ctx,
      {
        index,
        personIds: [personId],
        kind,
        title,
        cadenceDays: 7,
        // The next session is within the coming week, on the hour.
        anchor: firstHour + rng.int(1, 7 * 24 - 1) * HOUR,
        from,
        series: null,
        extraEvents: [],
        calendarSeriesIds: [],
        meetCodes: [],
        audience: relation === 'manager' ? 'manager' : relation === 'peer' ? 'peer' : 'report',
        voice: { first, colleagues: [], projectSeed: mix(seed, index) },
        feedbackPersonId: personId,
        goals: relation === 'report' ? 1 : 0,
      },
      rng,
    );
  }
  return ctx.out;
}

/** A whole demo data set, ready for `validateImport` / `applyImport`. Deterministic for the same inputs. */
export function generateProfile(profile: DemoProfile, options: GenerateOptions): ExportData {
  const { now } = options;
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  if (!Number.isInteger(now) || now < 0) throw new RangeError('now must be an instant in whole milliseconds');
  if (!Number.isFinite(seed)) throw new RangeError('seed must be a finite number');
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError('scale must be a positive number');
  const seedBits = mix(Math.floor(seed) >>> 0, Math.floor(seed / 4294967296) >>> 0);
  return profile === 'realistic' ? realistic(now, seedBits) : large(now, mix(seedBits, 0x1a7e), scale);
}

/** Record counts per table. */
export function profileStats(data: ExportData): Record<ExportTable, number> {
  return {
    people: data.people.length,
    relationships: data.relationships.length,
    sessions: data.sessions.length,
    talkingPoints: data.talkingPoints.length,
    agreements: data.agreements.length,
    goals: data.goals.length,
    feedback: data.feedback.length,
    templates: data.templates.length,
    settings: data.settings.length,
  };
}
