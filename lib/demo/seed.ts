/**
 * The offline demo's data: a manager (Alice) with a few reports and some history, matching the bundled
 * Calendar demo week. Only built into the demo (`__DUET_DEMO__`); never runs on a user's data — it
 * writes nothing unless the database is empty.
 */
import { countNotes, type Note, putNotes } from '../db';

const DAY = 24 * 60 * 60 * 1000;

interface DemoNote {
  eventKey: string;
  seriesKey: string;
  title: string;
  text: string;
  daysAgo: number;
}

/** Event ids decode from the demo week's chips (tests/fixtures/google/gcal-week.html). */
export const DEMO_NOTES: readonly DemoNote[] = [
  {
    eventKey: '9q7kdlrmoh7cfue81kf5u8fmkk_20260316T170000Z',
    seriesKey: '9q7kdlrmoh7cfue81kf5u8fmkk',
    title: 'Alice / Bob',
    text: 'Bob is ramping on the billing migration; feels good about scope, worried about the on-call load.\nAgreed: Bob drafts the rollout plan by Friday; I ask Priya about a second on-call.\nNext time: career goals for H2.',
    daysAgo: 7,
  },
  {
    eventKey: '9q7kdlrmoh7cfue81kf5u8fmkk_20260323T170000Z',
    seriesKey: '9q7kdlrmoh7cfue81kf5u8fmkk',
    title: 'Alice / Bob',
    text: 'Rollout plan is in review. Talk about the conference talk proposal.',
    daysAgo: 0,
  },
  {
    eventKey: '11ac1qu56ggeilm5ld733ifsqp_20260316T180000Z',
    seriesKey: '11ac1qu56ggeilm5ld733ifsqp',
    title: '1:1 Alice <> Carol',
    text: 'Carol wants more ownership of the design system. Workload 4/5 — keep an eye on it.\nAgreed: Carol writes a one-pager on the component audit.',
    daysAgo: 7,
  },
  {
    eventKey: 'vk29vnk07i3ri2ldj3msbt0lg3',
    seriesKey: 'vk29vnk07i3ri2ldj3msbt0lg3',
    title: 'Bob & Alice 1-on-1',
    text: 'Prep: ask Bob how the new team setup is working; feedback on his incident write-up (clear, well structured).',
    daysAgo: 1,
  },
];

export async function seedDemoDataIfEmpty(now: number = Date.now()): Promise<boolean> {
  if ((await countNotes()) > 0) return false;
  const notes: Note[] = DEMO_NOTES.map(({ daysAgo, ...note }) => ({
    ...note,
    createdAt: now - daysAgo * DAY,
    updatedAt: now - daysAgo * DAY,
  }));
  await putNotes(notes);
  return true;
}
