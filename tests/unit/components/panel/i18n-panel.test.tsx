/**
 * Every string the panel shows goes through browser.i18n: with a pseudo-locale (each message wrapped in
 * ⟦…⟧), no English may be left on screen or in labels — only the user's own data, numbers and symbols.
 */
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AgreementList } from '@/components/panel/calendar/AgreementList';
import { formatDay } from '@/components/shared/format';
import { CadenceLine } from '@/components/panel/calendar/CadenceLine';
import { GoalsGlance } from '@/components/panel/calendar/GoalsGlance';
import { LastSessionNotes } from '@/components/panel/calendar/LastSessionNotes';
import { PrepCard } from '@/components/panel/calendar/PrepCard';
import { RelationshipHeader } from '@/components/panel/calendar/RelationshipHeader';
import { SeriesIgnored } from '@/components/panel/calendar/SeriesIgnored';
import { TalkingPoints } from '@/components/panel/calendar/TalkingPoints';
import { TrackCard } from '@/components/panel/calendar/TrackCard';
import { ConflictChoice } from '@/components/panel/ConflictChoice';
import { NoteEditor } from '@/components/panel/NoteEditor';
import { PanelBody } from '@/components/panel/PanelApp';
import { Agenda } from '@/components/panel/session/Agenda';
import { CaptureLine } from '@/components/panel/session/CaptureLine';
import { CareerSection } from '@/components/panel/session/CareerSection';
import { CheckIn } from '@/components/panel/session/CheckIn';
import { FeedbackSection } from '@/components/panel/session/FeedbackSection';
import { GoalsSection } from '@/components/panel/session/GoalsSection';
import { TimerBar } from '@/components/panel/session/TimerBar';
import { storageProblemText } from '@/components/panel/storage-text';
import { tNodes } from '@/components/panel/t-nodes';
import { type Day } from '@/lib/domain/days';
import type { Agreement, Goal, Session, TalkingPoint, Template } from '@/lib/domain/model';
import { startTimer } from '@/lib/domain/session-timer';
import { fallback, type MessageKey, pluralOf, resetI18nForTests, t, tn, uiLocale } from '@/lib/i18n';
import { useRenderContainer } from '../../helpers/dom-container';

const OPEN = '⟦';
const CLOSE = '⟧';
const ok = { ok: true } as const;
const okAsync = () => Promise.resolve(ok);

function pseudoLocale() {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (key: string, subs?: string | string[]) =>
      `${OPEN}${fallback(key as MessageKey, typeof subs === 'string' ? [subs] : (subs ?? []))}${CLOSE}`,
  );
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
}

beforeEach(() => {
  resetI18nForTests();
});

// Registered before the container, so it runs after the unmount.
afterEach(() => {
  resetI18nForTests();
  vi.restoreAllMocks();
});

const container = useRenderContainer();

/** Texts and labels on screen that are neither translated, the user's data, nor numbers and symbols. */
function untranslated(data: readonly string[]): string[] {
  const found: string[] = [];
  const allowed = (text: string) =>
    text.includes(OPEN) ||
    text.includes(CLOSE) ||
    data.some((d) => d === text) ||
    /^[\d\s:·/%↑↓×,.()+–-]*$/.test(text);
  const walker = document.createTreeWalker(container(), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    if (text && !allowed(text)) found.push(text);
  }
  for (const element of container().querySelectorAll('*')) {
    for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'aria-valuetext']) {
      const value = element.getAttribute(name)?.trim();
      if (value && !allowed(value)) found.push(`${name}=${value}`);
    }
  }
  return found;
}

async function show(node: ComponentChild) {
  await act(() => {
    render(node, container());
  });
}

const TODAY = '2026-03-23' as Day;
const base = { createdAt: 1, updatedAt: 1 };
const agreement = (changes: Partial<Agreement>): Agreement => ({
  id: 'a1',
  relationshipId: 'r1',
  owner: 'me',
  ownerName: '',
  text: 'Send the draft',
  dueDate: '2026-03-20' as Day,
  status: 'renegotiated',
  madeInSessionId: null,
  history: [],
  closedAt: null,
  ...base,
  ...changes,
});
const point = (changes: Partial<TalkingPoint>): TalkingPoint => ({
  id: 'p1',
  relationshipId: 'r1',
  text: 'Hiring plan',
  author: 'them',
  status: 'open',
  sessionId: null,
  order: 1,
  discussedAt: null,
  ...base,
  ...changes,
});
const goal: Goal = {
  id: 'g1',
  relationshipId: 'r1',
  category: 'okr',
  title: 'Ship v2',
  keyResults: [{ id: 'k1', text: 'Beta users', progress: 40 }],
  status: 'on-track',
  targetDate: '2026-09-01' as Day,
  archived: false,
  ...base,
};
const template = {
  id: 't1',
  name: 'Weekly',
  sections: [
    { id: 's1', title: 'Check-in', minutes: 5, prompts: ['How are you?'], kind: 'check-in' },
    { id: 's2', title: 'Topics', minutes: 0, prompts: [], kind: 'notes' },
  ],
} as unknown as Template;
const DATA = [
  'Send the draft',
  'Hiring plan',
  'Dana Lee',
  'Dana',
  'dana@example.com',
  'Ship v2',
  'Beta users',
  'Weekly',
  'Check-in',
  'Topics',
  'How are you?',
  'theirs text',
  'Alice / Dana',
  '2026-09-01',
  '2026-03-23',
];

describe('the panel in a pseudo-locale', () => {
  beforeEach(pseudoLocale);

  it('Calendar prep components leave no English', async () => {
    const held = {
      status: 'held',
      scheduledAt: Date.UTC(2026, 2, 9),
      heldAt: null,
      notes: { s2: 'Topics text' },
    };
    await show(
      <>
        <RelationshipHeader eventTitle="" kind="peer" withWhom="Dana" titleGuess onNotOneOnOne={() => {}} />
        <CadenceLine health={{ status: 'due', daysSince: 18, cadenceDays: 14 }} />
        <CadenceLine health={{ status: 'due', daysSince: null, cadenceDays: 10 }} />
        <PrepCard
          session={undefined}
          template={template}
          carried={null}
          onStart={okAsync}
          onStartSession={() => {}}
        />
        <PrepCard
          session={undefined}
          template={template}
          carried={2}
          onStart={okAsync}
          onStartSession={() => {}}
        />
        <PrepCard
          session={held as unknown as Session}
          template={template}
          carried={null}
          onStart={okAsync}
          onStartSession={() => {}}
        />
        <LastSessionNotes session={undefined} template={undefined} />
        <AgreementList
          agreements={[agreement({}), agreement({ id: 'a2', owner: 'both', dueDate: null, status: 'open' })]}
          people={[{ name: 'Dana' }]}
          today={TODAY}
          onDone={okAsync}
          onRenegotiate={okAsync}
          onDrop={okAsync}
          onStillOpen={okAsync}
          reviewedInSession={(a) => a.id === 'a2'}
        />
        <AgreementList
          agreements={[]}
          people={[]}
          today={TODAY}
          onDone={okAsync}
          onRenegotiate={okAsync}
          onDrop={okAsync}
        />
        <TalkingPoints
          points={[point({}), point({ id: 'p2', author: 'me' })]}
          theirName="Dana"
          onAdd={okAsync}
          onMove={okAsync}
          onSetStatus={okAsync}
        />
        <GoalsGlance goals={[goal]} />
        <GoalsGlance goals={[]} />
        <SeriesIgnored onUndo={okAsync} />
        <NoteEditor
          text=""
          status={{ kind: 'saved', at: Date.now() - 60_000 }}
          onInput={() => {}}
          onBlur={() => {}}
        />
        <ConflictChoice
          heading="x"
          intro="y"
          theirs=""
          onKeepMine={() => {}}
          onUseTheirs={() => {}}
          testId="c"
        />
      </>,
    );
    // "x" and "y" are the caller's (already translated) words; dates are formatted by Intl.
    const data = [...DATA, 'x', 'y', 'Topics text', formatDay('2026-03-20' as Day, TODAY)];
    expect(untranslated(data)).toEqual([]);
    // The renegotiate form too.
    await act(() => {
      container().querySelector<HTMLButtonElement>('[data-testid=agreement-renegotiate]')!.click();
    });
    expect(container().querySelector('[data-testid=renegotiate-form]')).not.toBeNull();
    expect(untranslated(data)).toEqual([]);
  });

  it('the Track card, in every mode, leaves no English', async () => {
    const initial = {
      name: 'Dana Lee',
      email: 'dana@example.com',
      relation: 'report',
      kind: 'one-on-one',
      cadenceDays: 14,
    } as const;
    await show(
      <>
        <TrackCard
          mode="track"
          counterpart={{ name: 'Dana Lee', email: 'dana@example.com' }}
          initial={initial}
          cadenceFor={() => 14}
          onTrack={okAsync}
        />
        <TrackCard
          mode="link"
          place="call"
          counterpart={null}
          initial={initial}
          cadenceFor={() => 14}
          onTrack={okAsync}
        />
      </>,
    );
    for (const edit of container().querySelectorAll<HTMLButtonElement>('[data-testid=track-edit]')) {
      await act(() => {
        edit.click();
      });
    }
    expect(container().querySelectorAll('select').length).toBeGreaterThan(0);
    expect(untranslated(DATA)).toEqual([]);
  });

  it('session mode components leave no English', async () => {
    const timer = startTimer(['s1', 's2'], [5, 10], Date.now() - 6 * 60_000);
    await show(
      <>
        <TimerBar
          timer={timer}
          titleOf={(id) => template.sections.find((s) => s.id === id)?.title ?? id}
          onStep={() => {}}
          onJump={() => {}}
        />
        <Agenda
          points={[point({}), point({ id: 'p2', author: 'me', status: 'discussed' })]}
          theirName=""
          ended
          onToggle={okAsync}
          onAdd={okAsync}
        />
        <Agenda points={[point({})]} theirName="Dana" ended={false} onToggle={okAsync} onAdd={okAsync} />
        <CaptureLine counterpartNames={['Dana Lee']} theirLabel="Dana" locale="en" onAdd={okAsync} />
        <CareerSection
          parts={['steps', 'assessment']}
          assessment="ahead"
          steps={[goal]}
          onAssess={okAsync}
          onAddStep={okAsync}
          onSetStepArchived={okAsync}
        />
        <CheckIn value={{ mood: 3, workload: null }} onChange={okAsync} />
        <FeedbackSection feedback={[]} theirName="" onAdd={okAsync} />
        <GoalsSection
          goals={[goal]}
          defaultCategory="okr"
          onUpdate={okAsync}
          onProgress={okAsync}
          onAdd={okAsync}
          onAddKeyResult={okAsync}
        />
        <GoalsSection
          goals={[]}
          defaultCategory="impact"
          onUpdate={okAsync}
          onProgress={okAsync}
          onAdd={okAsync}
          onAddKeyResult={okAsync}
        />
      </>,
    );
    expect(untranslated(DATA)).toEqual([]);
    // The capture preview, once a line parses.
    const input = container().querySelector<HTMLInputElement>('[data-testid=capture-input]')!;
    await act(() => {
      input.value = 'Dana: send the draft by Friday';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(container().querySelector('[data-testid=capture-preview]')).not.toBeNull();
    const captured = container().querySelector('[data-testid=capture-text]')!.textContent!;
    expect(untranslated([...DATA, captured])).toEqual([]);
  });

  it('the panel with nothing to show leaves no English', async () => {
    await show(<PanelBody state={{ status: 'ready', context: null }} place="in-page" />);
    expect(untranslated([])).toEqual([]);
    await show(<PanelBody state={{ status: 'loading' }} place="in-page" />);
    expect(untranslated([])).toEqual([]);
  });
});

describe('i18n helpers', () => {
  it('tNodes puts elements where the message says, keeping the sentence whole', async () => {
    const nodes = () =>
      [...container().querySelector('p')!.childNodes].map((node) => `${node.nodeName}:${node.textContent}`);
    await show(<p>{tNodes('panel_with', <strong>Dana</strong>)}</p>);
    expect(nodes()).toEqual(['#text:with ', 'STRONG:Dana']);
    pseudoLocale();
    resetI18nForTests();
    await show(<p>{tNodes('panel_summary_lead', <time>2026-03-23</time>)}</p>);
    expect(nodes()).toEqual(['#text:⟦Held on ', 'TIME:2026-03-23', '#text:. Here is what came out of it.⟧']);
  });

  it('plurals follow the catalog’s language (English), whatever the UI language', () => {
    expect(pluralOf('panel_prep_carried', 1)).toBe('panel_prep_carried_one');
    expect(pluralOf('panel_prep_carried', 0)).toBe('panel_prep_carried_other');
    expect(tn('panel_prep_carried', 1)).toBe('Prepared: 1 talking point carried over');
    expect(tn('panel_prep_carried', 3)).toBe('Prepared: 3 talking points carried over');
    // French counts 0 as "one", but the English catalog is what a French UI is served: "0 … points".
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('fr');
    resetI18nForTests();
    expect(pluralOf('panel_prep_carried', 0)).toBe('panel_prep_carried_other');
    expect(tn('panel_prep_carried', 0)).toBe('Prepared: 0 talking points carried over');
  });

  it('the UI locale comes from browser.i18n, in BCP 47 form, or is left to the runtime', () => {
    expect(uiLocale()).toBeUndefined(); // the fake browser has none
    const language = vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('de_DE');
    resetI18nForTests();
    expect(uiLocale()).toBe('de-DE');
    expect(uiLocale()).toBe('de-DE');
    expect(language).toHaveBeenCalledTimes(1); // asked once per page: each call crosses into the browser
    language.mockReturnValue('');
    resetI18nForTests();
    expect(uiLocale()).toBeUndefined();
  });

  it('a text without substitutions is looked up once, then kept', () => {
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Einstellungen');
    resetI18nForTests();
    expect(t('popup_settings')).toBe('Einstellungen');
    expect(t('popup_settings')).toBe('Einstellungen');
    expect(getMessage).toHaveBeenCalledTimes(1);
    expect(t('popup_due', 'Mar 3')).toBe('Einstellungen'); // with substitutions: asked every time
    expect(getMessage).toHaveBeenCalledTimes(2);
  });

  it('names every storage problem in words, keeping a validation’s own message', () => {
    expect(storageProblemText({ kind: 'quota', message: '' })).toMatch(/no storage space left/);
    expect(storageProblemText({ kind: 'updated', message: '' })).toMatch(/updated while this page was open/);
    expect(storageProblemText({ kind: 'blocked', message: '' })).toMatch(/finishing an update/);
    expect(storageProblemText({ kind: 'unavailable', message: '' })).toMatch(/can't open its storage/);
    expect(storageProblemText({ kind: 'unknown', message: '' })).toMatch(/Couldn't save just now/);
    expect(storageProblemText({ kind: 'invalid', message: 'Text is too long.' })).toBe('Text is too long.');
  });
});
