/**
 * The panel in a Google Meet tab. A call linked to a 1:1 runs session mode (the live panel); an unknown
 * two-person call offers "Track as 1:1 with <name>" (a call titled as a 2-1 with two others: "Track as 2-1"); a wrong link is corrected here and remembered.
 */
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import {
  getPerson,
  getRelationship,
  getSettings,
  listPeople,
  listRelationships,
  namingOf,
  relationshipLabel,
  updateSettings,
} from '@/lib/db';
import type { Person, RelationshipKind } from '@/lib/domain/model';
import { namesOf } from '../../shared/format';
import { foldName } from '@/lib/domain/meet-link';
import { isNoteTaker } from '@/lib/domain/note-takers';
import { classifyTitle } from '@/lib/domain/one-on-one-title';
import { t } from '@/lib/i18n';
import type { PanelContext } from '@/lib/messaging/protocol';
import { useLiveQuery } from '../../shared/use-live-query';
import { guessCadenceDays, guessRelation } from '../calendar/calendar-text';
import { type KeptTrackForm, TrackCard } from '../calendar/TrackCard';
import { PresentingStrip, SessionPanel } from '../session/SessionPanel';
import { meetActions } from './meet-actions';
import { AlertLine } from '../AlertLine';
import { focusIsFree } from '../focus-guard';
import { ContextRefresh } from '../context-refresh';

export type MeetContext = Extract<PanelContext, { surface: 'meet' }>;

export interface MeetPanelProps {
  context: MeetContext;
  onOpenSidePanel?: () => void;
}

export function MeetPanel({ context, onOpenSidePanel }: MeetPanelProps) {
  const actions = meetActions(context.meetingCode, context.title);
  const [correcting, setCorrecting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** While presenting, the chooser (who I have 1:1s with) shows only when asked. */
  const [reveal, setReveal] = useState(false);
  useEffect(() => {
    if (!context.presenting) setReveal(false);
  }, [context.presenting]);
  const inCallOrEnded = context.state === 'in-call' || context.state === 'ended';

  // The chooser the user opened, closed (Cancel, Escape or a link made): focus goes back to the button that
  // opened it ("Wrong 1:1?", or "Choose"), not to the page's body. Each request is for the render its click
  // caused, and only while focus is lost or still in this panel: never later, when the chooser (presenting
  // hid it) or its opener (the chooser showed by itself) comes back while the user is in Meet elsewhere.
  const root = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);
  const focusChooser = useRef(false);
  const openChooser = () => {
    focusChooser.current = true;
    setCorrecting(true);
  };
  const closeChooser = () => {
    refocus.current = true;
    setCorrecting(false);
  };
  useEffect(() => {
    // The chooser's own effect (run before this one) has taken its request, or it was not drawn.
    focusChooser.current = false;
    if (correcting || !refocus.current) return;
    refocus.current = false;
    const opener = root.current?.querySelector<HTMLElement>(
      '[data-testid="meet-correct-link"], [data-testid="meet-choose"]',
    );
    if (opener && focusIsFree(root.current)) opener.focus();
  });

  // The chooser's track card as the user left it (a name typed, a kind or cadence changed), for this call:
  // Cancel, Escape or presenting close the chooser, and it comes back with nothing lost. Another call, or
  // this one linked, starts afresh.
  const trackForm = useRef({ code: context.meetingCode, kept: { current: null as KeptTrackForm | null } });
  // A call that ended is over: the next one in this tab and room is another meeting, maybe with someone else.
  if (
    trackForm.current.code !== context.meetingCode ||
    context.state === 'ended' ||
    (context.link && trackForm.current.kept.current)
  )
    trackForm.current = { code: context.meetingCode, kept: { current: null } };

  const refresh = useContext(ContextRefresh);
  const run = async (work: Promise<{ ok: boolean; message?: string }>) => {
    const result = await work;
    setError(result.ok ? null : (result.message ?? null));
    if (!result.ok) return;
    // The new link first (the side panel re-reads it): leaving the chooser on the old one would show that
    // 1:1 again and start its session anew, after the background let it go.
    await refresh().catch(() => undefined);
    closeChooser();
  };

  /** The 1:1s "Not a 1:1" took this call's room from (a linked call corrected): Undo gives it back. */
  const unlinkedFrom = useRef<{ code: string; ids: string[] }>({ code: '', ids: [] });
  // "Not a 1:1" said for this call: the idle panel says so, with Undo (as Calendar's card does).
  const ignored = useLiveQuery(() => actions.isIgnored(), [context.meetingCode]);
  const saidNot = ignored.status === 'ready' && ignored.value;

  const linkKey = context.link ? `${context.link.relationshipId}|${context.meetingCode}` : '';
  // In a call, the session starts once its person has been seen in it (or the user linked the call, or
  // said to start now): not while I wait alone, nor in a call that turns out to be someone else's.
  const [startedFor, setStartedFor] = useState('');
  const mayWait =
    context.state === 'in-call' &&
    context.link !== null &&
    !context.link.seen &&
    !context.link.chosen &&
    startedFor !== linkKey;
  // Cleared when the call ends: the next call in this tab waits again.
  useEffect(() => {
    if (context.state === 'ended') setStartedFor('');
  }, [context.state]);
  const waitingFor = useLiveQuery(
    async () => ({
      key: linkKey,
      names: context.link ? await peopleNames(context.link.relationshipId) : '',
    }),
    [linkKey],
  );
  // The names of this link's people (never an earlier link's answer still showing).
  const names =
    waitingFor.status === 'ready' && waitingFor.value.key === linkKey ? waitingFor.value.names : null;
  // A 1:1 whose people Duet does not know (written before it was tracked) has nobody to wait for.
  const waiting = mayWait && names !== '';

  let body;
  if (context.link && inCallOrEnded && !correcting) {
    body = (
      <SessionPanel
        key={linkKey}
        target={{
          relationshipId: context.link.relationshipId,
          meetCode: context.meetingCode,
          calendarEventId: null,
          startIfMissing: context.state === 'in-call',
        }}
        waiting={
          waiting
            ? {
                title: context.title,
                names: names ?? '',
                onStart: () => setStartedFor(linkKey),
              }
            : undefined
        }
        mode="call"
        // Ended here while another tab is still in the call: the session goes on there, not ended here.
        callEnded={context.state === 'ended' && !context.goesOnElsewhere}
        presenting={context.presenting}
        onOpenSidePanel={onOpenSidePanel}
      />
    );
  } else if (
    (correcting || (!context.link && context.trackable && inCallOrEnded)) &&
    context.presenting &&
    !reveal
  ) {
    // The chooser lists the people of my 1:1s: not on a screen I am sharing.
    body = (
      <PresentingStrip
        hides="duet"
        onReveal={() => {
          // Shown by the user's own click: the chooser it shows takes focus (the strip's button goes).
          focusChooser.current = true;
          setReveal(true);
        }}
        onOpenSidePanel={onOpenSidePanel}
      />
    );
  } else if (correcting || (!context.link && context.trackable && inCallOrEnded)) {
    body = (
      <LinkChooser
        context={context}
        onTrack={(draft) => actions.track(draft)}
        onLink={(id) => void run(actions.linkTo(id))}
        onNotOneOnOne={() =>
          void run(
            actions.notOneOnOne((ids) => {
              unlinkedFrom.current = { code: context.meetingCode, ids };
            }),
          )
        }
        onCancel={correcting ? closeChooser : undefined}
        focusRequest={focusChooser}
        trackForm={trackForm.current.kept}
      />
    );
  } else {
    body = (
      <section class="duet-empty" data-testid="panel-meet-idle">
        <h1 class="event-title">{context.title || t('panel_meet_call')}</h1>
        <p class="duet-muted">
          {context.state === 'prejoin'
            ? t('panel_meet_prejoin')
            : saidNot
              ? t('panel_meet_ignored')
              : t('panel_meet_unknown')}
        </p>
        {saidNot && inCallOrEnded ? (
          <button
            type="button"
            class="cal-button cal-button-small cal-button-quiet"
            data-testid="meet-undo-not-one-on-one"
            onClick={() =>
              void run(
                actions.undoNotOneOnOne(
                  unlinkedFrom.current.code === context.meetingCode ? unlinkedFrom.current.ids : [],
                ),
              )
            }
          >
            {t('panel_ignored_undo')}
          </button>
        ) : inCallOrEnded ? (
          <button
            type="button"
            class="cal-button cal-button-small"
            data-testid="meet-choose"
            onClick={openChooser}
          >
            {t('panel_meet_choose')}
          </button>
        ) : null}
      </section>
    );
  }

  return (
    <div class="meet-panel" data-testid="panel-meet" ref={root}>
      {body}
      <AlertLine message={error} testId="meet-link-error" />
      {context.link && !correcting ? <AutoOpenToggle /> : null}
      {context.link && !correcting ? (
        <p class="cal-small duet-muted meet-link-line">
          {context.link.via === 'meet-code'
            ? t('panel_meet_linked_code')
            : context.link.via === 'title'
              ? t('panel_meet_linked_title')
              : t('panel_meet_linked_people')}{' '}
          <button type="button" class="cal-link-button" data-testid="meet-correct-link" onClick={openChooser}>
            {t('panel_meet_wrong')}
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** Whether the panel opens by itself when a tracked 1:1 call starts, or waits collapsed on its rail. */
function AutoOpenToggle() {
  const settings = useLiveQuery(getSettings, []);
  if (settings.status !== 'ready') return null;
  const open = settings.value.meetPanel === 'open';
  return (
    <label class="cal-small duet-muted ses-check meet-auto-open">
      <input
        type="checkbox"
        checked={open}
        data-testid="meet-auto-open"
        onChange={(event) =>
          void updateSettings({ meetPanel: event.currentTarget.checked ? 'open' : 'collapsed' }).catch(
            () => undefined,
          )
        }
      />
      {t('panel_meet_auto_open')}
    </label>
  );
}

interface LinkChooserProps {
  context: MeetContext;
  onTrack: Parameters<typeof TrackCard>[0]['onTrack'];
  onLink: (relationshipId: string) => void;
  onNotOneOnOne: () => void;
  onCancel?: () => void;
  /** Set by the click that opened the chooser: focus moves to its heading once, when that click drew it. */
  focusRequest?: { current: boolean };
  /** Where the track card's form is kept while the chooser is closed (see `TrackCardProps.keep`). */
  trackForm?: { current: KeptTrackForm | null };
}

function LinkChooser({
  context,
  onTrack,
  onLink,
  onNotOneOnOne,
  onCancel,
  focusRequest,
  trackForm,
}: LinkChooserProps) {
  const options = useLiveQuery(async () => {
    const [relationships, people] = await Promise.all([listRelationships(), listPeople()]);
    const byId = new Map(people.map((p) => [p.id, p]));
    // By its people and its title ("Bob Jones — Bob career"): Bob's 1:1 and his career 1:1 read apart.
    return relationships.map((r) => ({
      id: r.id,
      label: relationshipLabel(namingOf(r, byId)) || t('panel_untitled_1on1'),
    }));
  }, []);
  // The user's per-kind cadence defaults (Options), as the Calendar panel suggests them: the title's
  // cadence first, then these. The card waits for them (it reads `initial` once); unreadable → built-ins.
  const settings = useLiveQuery(getSettings, []);
  const [choice, setChoice] = useState('');
  // A call titled as a 2-1 with two other people: both are tracked (the background offered the first).
  const people = context.others.filter((other) => !isNoteTaker(other));
  const kind: RelationshipKind = classifyTitle(context.title)?.kind ?? 'one-on-one';
  // One click ("Track as 1:1 with Dana") only when the call is plausibly a 1:1: one other person, or two in a
  // call titled as a 2-1. A bigger call (opened with "Choose") asks who it is with: never its first participant.
  const plausible = people.length === 1 || (kind === 'two-on-one' && people.length === 2);
  const name = context.trackable ?? (plausible ? people[0] : undefined) ?? '';
  const second =
    kind === 'two-on-one' && people.length === 2
      ? people.find((other) => foldName(other) !== foldName(name))
      : undefined;
  const defaults = settings.status === 'ready' ? settings.value.cadenceDays : {};
  // Opened by the user's click (it can be cancelled): focus moves into it, on its heading; Escape cancels it.
  // Not when it shows by itself for an unknown call, nor when it comes back after presenting hid it (focus
  // stays where the user is in Meet).
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusRequest?.current) return;
    focusRequest.current = false;
    if (focusIsFree(heading.current?.closest('.meet-panel'))) heading.current?.focus();
  }, []);
  return (
    <section
      class="cal-body"
      data-testid="meet-link-chooser"
      onKeyDown={(event) => {
        // Escape during an IME composition (Japanese, Chinese, Korean) cancels the candidate, not the chooser.
        if (event.isComposing || event.keyCode === 229) return;
        if (event.key !== 'Escape' || !onCancel) return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <h1 class="event-title" tabIndex={-1} ref={heading} data-testid="meet-link-chooser-title">
        {context.title || t('panel_meet_this_call')}
      </h1>
      {!context.link && settings.status !== 'loading' ? (
        <TrackCard
          mode="track"
          place="call"
          counterpart={name ? { name, email: '' } : null}
          initial={{
            name,
            email: '',
            relation: guessRelation(kind),
            kind,
            cadenceDays: guessCadenceDays(context.title, kind, defaults),
            ...(second ? { others: [{ name: second, email: '' }] } : {}),
          }}
          cadenceFor={(k) => guessCadenceDays(context.title, k, defaults)}
          onTrack={onTrack}
          keep={trackForm}
        />
      ) : null}
      {options.status === 'ready' ? (
        <form
          class="cal-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (choice) onLink(choice);
          }}
        >
          {/* Linking needs a 1:1 to link to; "Not a 1:1" and Cancel do not (a first call, nothing tracked yet). */}
          {options.value.length > 0 ? (
            <>
              <label for="meet-link-select" class="cal-label">
                {context.link ? t('panel_meet_link_label') : t('panel_meet_link_other')}
              </label>
              <select
                id="meet-link-select"
                class="cal-input"
                data-testid="meet-link-select"
                value={choice}
                onChange={(event) => setChoice(event.currentTarget.value)}
              >
                <option value="">{t('panel_meet_choose_option')}</option>
                {options.value.map((o) => (
                  <option value={o.id} key={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            </>
          ) : null}
          <div class="cal-actions">
            {options.value.length > 0 ? (
              <button
                type="submit"
                class="cal-button cal-button-small"
                data-testid="meet-link-confirm"
                disabled={!choice}
              >
                {t('panel_meet_link_confirm')}
              </button>
            ) : null}
            <button
              type="button"
              class="cal-button cal-button-small cal-button-quiet"
              data-testid="meet-not-one-on-one"
              onClick={onNotOneOnOne}
            >
              {t('panel_not_1on1')}
            </button>
            {onCancel ? (
              <button
                type="button"
                class="cal-button cal-button-small cal-button-quiet"
                data-testid="meet-link-cancel"
                onClick={onCancel}
              >
                {t('common_cancel')}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}

/**
 * The names of a 1:1's people, as the panel writes them ("Dana Lee & Carol Diaz"): archived ones too (they
 * are this 1:1's own people: the one the call is linked to is the one being waited for).
 */
async function peopleNames(relationshipId: string): Promise<string> {
  const relationship = await getRelationship(relationshipId);
  if (!relationship) return '';
  const people = await Promise.all(relationship.personIds.map((id) => getPerson(id)));
  return namesOf(people.filter((person): person is Person => person !== undefined));
}
