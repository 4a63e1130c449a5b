/**
 * The built-in 1:1 templates, one per method Duet supports (PRODUCT.md, "The methods it supports").
 * They are code, not stored records: every install gets the same ids, so sessions and relationships can
 * point at `builtin:<method>` and pick up wording fixes on update. Pure: no browser, no database.
 */
import type { RelationshipKind, Template, TemplateSection } from './model';

type BuiltInMethod = Exclude<Template['method'], 'custom'>;

function builtIn(
  method: BuiltInMethod,
  name: string,
  description: string,
  sections: TemplateSection[],
): Template {
  // Frozen: these objects are shared by every caller, so an edit must go through a copy.
  for (const section of sections) Object.freeze(Object.freeze(section).prompts);
  return Object.freeze({
    id: `builtin:${method}`,
    name,
    method,
    description,
    sections: Object.freeze(sections) as TemplateSection[],
    builtIn: true,
    retired: false,
    createdAt: 0,
    updatedAt: 0,
  });
}

const GROWTH_PERFORMANCE = builtIn(
  'growth-performance',
  'Growth & performance 1-1 / 2-1',
  'A regular look at how someone is growing and performing, held by their lead, or by two leads together ' +
    'in a 2-1. Before you meet, reread the notes from last time and prepare a short status update. ' +
    "Afterwards, copy the summary into the person's performance record. In a 2-1 both leads take part; " +
    'ask for consent before anyone records the conversation, and agree upfront if a skip-level guest will join.',
  [
    {
      id: 'development',
      title: 'Development',
      minutes: 10,
      prompts: [
        'What have you learned since we last met?',
        'Which skill do you want to build next, and where could you practise it?',
        'Is there a project, course or person that would help you grow?',
      ],
      kind: 'notes',
    },
    {
      id: 'growth-performance',
      title: 'Growth & performance',
      minutes: 15,
      prompts: [
        'How are your areas of responsibility going?',
        'Where do your KPIs stand compared with last time?',
        'Where are you above, at or below the bar we expect for your role?',
        'What would move one of these numbers before we meet again?',
      ],
      kind: 'goals',
    },
    {
      id: 'engagement',
      title: 'Engagement',
      minutes: 5,
      prompts: [
        'Which part of your work gives you energy right now?',
        'What feels like a chore, and could we change it?',
        'Would you tell a friend this is a good team to join? Why or why not?',
      ],
      kind: 'notes',
    },
    {
      id: 'alignment',
      title: 'Alignment with company goals',
      minutes: 5,
      prompts: [
        'How does your work connect to what the company is aiming for this quarter?',
        'Is anything you are doing pulling in a different direction?',
        'What context from leadership would help you make better calls?',
      ],
      kind: 'notes',
    },
    {
      id: 'well-being',
      title: 'Well-being',
      minutes: 5,
      prompts: [
        'How are you feeling, from 1 to 5?',
        'Is your workload sustainable right now?',
        'Is there anything outside work you would like me to keep in mind?',
      ],
      kind: 'check-in',
    },
    {
      id: 'next-steps',
      title: 'Summary & next steps',
      minutes: 5,
      prompts: [
        'What did we agree today, who owns it and by when?',
        'What from today belongs in the performance record?',
        'What should we look at first next time?',
      ],
      kind: 'agreements',
    },
  ],
);

const YOUR_SESSION = builtIn(
  'your-session',
  '“Your session” 1:1',
  'The 1:1 that belongs to the report: their time and their agenda. Start with how they are really doing, ' +
    'not with task status, and keep operational syncs for a separate meeting. Both of you prepare in ' +
    "advance by adding talking points. If the slot doesn't work, reschedule it; never just cancel it. " +
    'Usually every two weeks, in a 45–60 minute slot that often needs only 20–45 minutes.',
  [
    {
      id: 'how-are-you',
      title: 'How are you really doing?',
      minutes: 10,
      prompts: [
        'How are you, honestly? Not the project, you.',
        'What has been on your mind since we last talked?',
        'How are your energy and workload this week?',
      ],
      kind: 'check-in',
    },
    {
      id: 'your-topics',
      title: 'Your topics',
      minutes: 20,
      prompts: [
        'What would you like to use this time for?',
        'What is the hardest thing you are dealing with at the moment?',
        'Is there a decision you would like a second opinion on?',
      ],
      kind: 'notes',
    },
    {
      id: 'support',
      title: 'How I can help',
      minutes: 5,
      prompts: [
        'What is in your way that I could clear?',
        'Is there anything you need from me before we meet again?',
      ],
      kind: 'notes',
    },
    {
      id: 'feedback',
      title: 'Feedback both ways',
      minutes: 5,
      prompts: [
        'What could I do differently to make your work easier?',
        'Here is something I noticed recently. How did it look from your side?',
        'What are you proud of since last time?',
      ],
      kind: 'feedback',
    },
    {
      id: 'next-steps',
      title: 'Next steps',
      minutes: 5,
      prompts: [
        'What is each of us taking away from today?',
        'Which open agreements are done, and which need a new date?',
        'Anything to put on the agenda for next time?',
      ],
      kind: 'agreements',
    },
  ],
);

const STRUCTURED_50 = builtIn(
  'structured-50',
  'Structured 50-minute 1:1',
  'A tightly timeboxed 1:1 that fits into 50 minutes: a short personal check-in, a moment to reconnect ' +
    'with why the work matters, most of the time on personal and business OKRs, then developmental feedback, ' +
    'and a close on clear agreements. Each agreement says who does what by when, specific enough to check. ' +
    'Open agreements from earlier sessions are reviewed every time: are they still relevant, and were they kept? ' +
    'The timeboxes add up to 45 minutes, leaving five spare for whatever runs over.',
  [
    {
      id: 'check-in',
      title: 'Personal check-in',
      minutes: 5,
      prompts: [
        'How are you arriving today?',
        'What was one good thing and one hard thing this past week?',
        'How heavy is your workload, from 1 to 5?',
      ],
      kind: 'check-in',
    },
    {
      id: 'purpose',
      title: 'Purpose alignment',
      minutes: 5,
      prompts: [
        'Why does the work in front of you matter to you right now?',
        "How does it tie back to the team's mission?",
        'Has anything made that purpose feel blurry lately?',
      ],
      kind: 'notes',
    },
    {
      id: 'okrs',
      title: 'Personal & business OKRs',
      minutes: 25,
      prompts: [
        'Which key results moved since last time, and by how much?',
        'Which ones are stuck, and what is holding them back?',
        'How are your personal development objectives coming along?',
        'Should any objective change or be dropped?',
      ],
      kind: 'goals',
    },
    {
      id: 'feedback',
      title: 'Developmental feedback',
      minutes: 5,
      prompts: [
        'What is one thing you did well that you should keep doing?',
        'What is one thing to try differently next time?',
        'What feedback do you have for me?',
      ],
      kind: 'feedback',
    },
    {
      id: 'agreements',
      title: 'Impeccable agreements',
      minutes: 5,
      prompts: [
        'Are our existing agreements still relevant, and were they kept?',
        'Who will do what, and by which date?',
        'How will we both know an agreement is done?',
      ],
      kind: 'agreements',
    },
  ],
);

const CAREER = builtIn(
  'career',
  'Career 1:1',
  "A conversation about the longer arc of someone's career, every four to six weeks and kept apart from " +
    'performance check-ins. Look at goals in four areas (impact, team building, community and personal ' +
    'development), reflect on what gives and drains energy, name the support needed, and settle on one or ' +
    'two action steps for the next six months. Close with an honest self-assessment against the current ' +
    'level: ahead, on track, or not meeting expectations yet.',
  [
    {
      id: 'goals',
      title: 'Goals in four areas',
      minutes: 15,
      prompts: [
        'Impact: what outcome do you want your work to be known for?',
        'Team building: how are you helping the team grow, hire or onboard?',
        'Community: where do you contribute beyond your own team?',
        'Personal development: what do you want to get better at?',
      ],
      kind: 'goals',
    },
    {
      id: 'reflection',
      title: 'Reflection',
      minutes: 10,
      prompts: [
        'Which work energises you, and which drains you?',
        'What expertise would you like to build over the next year?',
        'What experience would you like next: a project, a role, a stretch?',
      ],
      kind: 'notes',
    },
    {
      id: 'support',
      title: 'Support needed',
      minutes: 5,
      prompts: [
        'What support would make the biggest difference?',
        'Who else could help: a mentor, a sponsor, a peer?',
        'What can I do before we meet again?',
      ],
      kind: 'notes',
    },
    {
      id: 'action-steps',
      title: 'Action steps for the next six months',
      minutes: 10,
      prompts: [
        'Which one or two steps will you commit to for the next six months?',
        'What does done look like for each step?',
        'When will we look at them together again?',
      ],
      kind: 'career-steps',
    },
    {
      id: 'self-assessment',
      title: 'Self-assessment',
      minutes: 10,
      prompts: [
        'Against your current level, are you ahead, on track, or not meeting expectations yet?',
        'What examples back up that view?',
        'Where do we see it differently, and why?',
      ],
      kind: 'career-assessment',
    },
  ],
);

const PEER = builtIn(
  'peer',
  'Peer 1:1',
  'A relaxed, regular catch-up between peers: weekly, every two weeks or monthly, in person, on video or ' +
    "by phone. Keep the agenda light: swap news, share what you're each working on, and trade help or " +
    'ideas. Jot down any follow-ups so neither of you has to remember them.',
  [
    {
      id: 'catch-up',
      title: 'Catch-up',
      minutes: 5,
      prompts: ['How have you been?', 'What was the best part of your week?'],
      kind: 'notes',
    },
    {
      id: 'working-on',
      title: "What we're each working on",
      minutes: 10,
      prompts: [
        'What are you focused on right now?',
        'Is anything coming up that touches my team?',
        'What have you learned lately that I might find useful?',
      ],
      kind: 'notes',
    },
    {
      id: 'help-ideas',
      title: 'Help & ideas',
      minutes: 10,
      prompts: [
        'Where are you stuck, and could I help?',
        'Is there something we could do together instead of twice?',
        'Who else should we be talking to?',
      ],
      kind: 'notes',
    },
    {
      id: 'follow-ups',
      title: 'Follow-ups',
      minutes: 5,
      prompts: ['What did we each offer to do?', 'Is anything from last time still open?'],
      kind: 'agreements',
    },
  ],
);

/** In the order the options page lists them. */
export const BUILT_IN_TEMPLATES: readonly Template[] = Object.freeze([
  YOUR_SESSION,
  GROWTH_PERFORMANCE,
  STRUCTURED_50,
  CAREER,
  PEER,
]);

export const DEFAULT_TEMPLATE_FOR_KIND: Record<RelationshipKind, string> = {
  'one-on-one': YOUR_SESSION.id,
  'two-on-one': GROWTH_PERFORMANCE.id,
  // A skip-level is a listening meeting owned by the person; performance stays with their direct lead.
  'skip-level': YOUR_SESSION.id,
  peer: PEER.id,
  career: CAREER.id,
};

const BY_ID: ReadonlyMap<string, Template> = new Map(
  BUILT_IN_TEMPLATES.map((template) => [template.id, template]),
);

export function getBuiltInTemplate(id: string): Template | undefined {
  return BY_ID.get(id);
}

/** True only for the ids above, not for any id that merely starts with `builtin:`. */
export function isBuiltInTemplateId(id: string): boolean {
  return BY_ID.has(id);
}

/** Planned length of a session: the sum of its sections' timeboxes (0 = untimed). */
export function templateMinutes(template: Template): number {
  return template.sections.reduce((total, section) => total + section.minutes, 0);
}
