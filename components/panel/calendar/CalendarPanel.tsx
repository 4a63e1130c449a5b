/**
 * The Calendar side panel for one event: the prep view of its 1:1 (who, cadence, last time's notes, open
 * agreements, talking points, goals, Start prep), or — for a meeting Duet doesn't track yet — one click to
 * track it. The meeting's own notes stay at the bottom. Data access lives in the hooks next to this file;
 * the components it composes are props in, callbacks out.
 */
import type { ComponentChild } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RelationshipKind } from '@/lib/domain/model';
import { peopleNotAmongGuests } from '@/lib/domain/email';
import { classifyTitle } from '@/lib/domain/one-on-one-title';
import { t } from '@/lib/i18n';
import { CadenceLine } from './CadenceLine';
import {
  counterpartName,
  coCounterpartsOf,
  counterpartOf,
  guessCadenceDays,
  guessRelation,
  guestEmailsOf,
} from './calendar-text';
import { namesOf } from '../../shared/format';
import { EventNotes } from './EventNotes';
import { PrepCard } from './PrepCard';
import { RelationshipSections } from './RelationshipSections';
import { RelationshipHeader } from './RelationshipHeader';
import { SeriesIgnored } from './SeriesIgnored';
import { ArchivedOneOnOne } from './ArchivedOneOnOne';
import { NewAddressCard } from './NewAddressCard';
import { type KeptTrackForm, TrackCard } from './TrackCard';
import { type CalendarActions, scheduledAtOf, useCalendarActions } from './use-calendar-actions';
import { SessionPanel } from '../session/SessionPanel';
import { focusIsFree } from '../focus-guard';
import { useEventState } from './use-event-state';
import { type PrepView, usePrepView } from './use-prep-view';
import { useRelationshipForEvent } from './use-relationship-for-event';
import type { CalendarContext, TrackDraft } from './view-types';
import { AlertLine } from '../AlertLine';

export interface CalendarPanelProps {
  context: CalendarContext;
  /** Something Calendar's badges depend on changed (the caller tells the background). */
  onChanged: () => void;
}

/** A relationship whose people have emails, none of them among this meeting's guests. */
const belongsToOthers = (view: PrepView, guestEmails: readonly string[]): boolean =>
  peopleNotAmongGuests(
    view.overview.people.flatMap((person) => person.emails),
    guestEmails,
  );

export function CalendarPanel({ context, onChanged }: CalendarPanelProps) {
  const { resolution, current: resolutionCurrent, adopt } = useRelationshipForEvent(context);
  const eventState = useEventState(context.eventKey);
  const state = eventState.status === 'ready' ? eventState.value : undefined;
  const guestEmails = guestEmailsOf(context);

  // Not matched, but this very event already has a session (its notes were written here before it was
  // tracked): that session's series is the one to show — unless it is someone else's 1:1 (fail closed).
  const fromSession = resolution.status === 'none' ? (state?.session?.relationshipId ?? null) : null;
  const relationshipId = resolution.status === 'found' ? resolution.relationshipId : fromSession;
  const prep = usePrepView(relationshipId, context.eventKey, context.startsAt ?? null);
  const prepCurrent = prep.status === 'ready' && prep.value.relationshipId === relationshipId;
  const loadedView = prepCurrent ? prep.value.view : undefined;
  const view =
    loadedView && !(fromSession && belongsToOthers(loadedView, guestEmails)) ? loadedView : undefined;

  const [announcement, setAnnouncement] = useState('');
  // What Start prep carried, for the 1:1 it prepared: the panel may switch to another 1:1 for this event
  // (its guests read later), whose prep card must not say "Prepared".
  const [prepared, setPrepared] = useState<{ relationshipId: string | null; carried: number } | null>(null);
  const carried = prepared !== null && prepared.relationshipId === relationshipId ? prepared.carried : null;
  const [ignoreBusy, setIgnoreBusy] = useState(false);
  const [ignoreError, setIgnoreError] = useState<string | null>(null);
  /** Session mode in person ("Start session"): the live panel, without a call. */
  const [live, setLive] = useState(false);
  // Closed from its summary, the session gives way to the prep card: focus goes back to its "Start session"
  // (or the card's title), not to the page's body. Once, on the render the close caused, and only while
  // focus is lost or in this panel: never later, when a prep card drawn again would pull it from elsewhere.
  const root = useRef<HTMLElement>(null);
  const backFromSession = useRef(false);
  /** "Start session" pressed: the session panel drawn for it takes focus to its heading (once). */
  const focusSession = useRef(false);
  useEffect(() => {
    if (live || !backFromSession.current) return;
    backFromSession.current = false;
    const target =
      root.current?.querySelector<HTMLElement>('[data-testid="start-session"]') ??
      root.current?.querySelector<HTMLElement>('#cal-prep-title');
    if (target && focusIsFree(root.current)) target.focus();
  });
  /** "A new address?" is shown above the Track card: tracking a new 1:1 is then the quiet choice. */
  const [newAddressShown, setNewAddressShown] = useState(false);
  /** The track card's form, for the link card that replaces it once notes made the meeting a 1:1. */
  const trackForm = useRef<KeptTrackForm | null>(null);

  const actions = useCalendarActions({
    context,
    relationshipId: view?.overview.relationship.id ?? null,
    personIds: view?.overview.relationship.personIds ?? [],
    announce: setAnnouncement,
    onChanged,
    adopt,
    onPrepared: (count: number) => setPrepared({ relationshipId, carried: count }),
  });

  const hasPeople = (view?.overview.people.length ?? 0) > 0;
  const ignored = !hasPeople && (state?.settings.ignoredSeries.includes(context.seriesKey) ?? false);
  const guessedKind: RelationshipKind | null =
    context.detection.kind ?? classifyTitle(context.title)?.kind ?? null;
  const kind = view?.overview.relationship.kind ?? (ignored ? null : guessedKind);
  const titleGuess =
    !ignored && !hasPeople && guessedKind !== null && context.detection.confidence !== 'confirmed';
  // "Not a 1:1": for any meeting detected as one (a title guess, or confirmed by its guests) that no tracked
  // 1:1 holds. Not for a series linked to a 1:1 or one shown with its people: unlinking is the options page's.
  const canSayNot = !ignored && !hasPeople && guessedKind !== null && resolution.status !== 'found';
  const withWhom = view
    ? namesOf(view.overview.people) || view.overview.relationship.title || t('panel_untitled_1on1')
    : null;

  const notOneOnOne = async () => {
    setIgnoreBusy(true);
    const result = await actions.ignoreSeries();
    setIgnoreBusy(false);
    setIgnoreError(result.ok ? null : result.message);
  };

  const resolved = resolution.status !== 'resolving' && eventState.status !== 'loading';
  const prepReady = prepCurrent || prep.status === 'error';
  const loading = !resolved || (relationshipId !== null && !prepReady);

  // The notes' 1:1, fixed once known for this panel: the one the event resolved to (a slot handed to another
  // person never shows or takes the other 1:1's notes), else none — the event's own session, as before.
  // Fixed, so tracking the event later never moves the notes being written to another session.
  const hiddenAsOthers = loadedView !== undefined && view === undefined;
  // An archived 1:1 takes no notes here: they would go into a 1:1 hidden everywhere else. "Bring back" first.
  const archived = view?.overview.relationship.archived ?? false;
  const settled = resolved && resolutionCurrent && (fromSession === null || prepReady);
  // Fixed per guest list: guests read after a badge opened the panel may show the slot is someone else's.
  const guestsKey = guestEmails.join('\n');
  const notesOf = useRef<{ guests: string; relationshipId: string | null } | undefined>(undefined);
  if (settled && (notesOf.current === undefined || notesOf.current.guests !== guestsKey)) {
    notesOf.current = {
      guests: guestsKey,
      relationshipId: resolution.status === 'found' ? resolution.relationshipId : null,
    };
  }
  // Guests changed and not matched yet: no notes box until they are (never the earlier 1:1's).
  const notesRelationship =
    notesOf.current?.guests === guestsKey ? notesOf.current.relationshipId : undefined;
  const noteTarget = useMemo(
    () =>
      notesRelationship === undefined
        ? null
        : {
            eventKey: context.eventKey,
            seriesKey: context.seriesKey,
            title: context.title,
            relationshipId: notesRelationship,
            // With no 1:1 found: never another person's 1:1's session or series (a slot handed over).
            guestEmails,
            startsAt: context.startsAt ?? null,
          },
    // The guests by value (guestsKey), not by array identity.
    [notesRelationship, context.eventKey, context.seriesKey, context.title, guestsKey, context.startsAt],
  );

  let body;
  if (resolution.status === 'error') {
    body = (
      <p class="duet-error" role="alert" data-testid="panel-error">
        {resolution.message}
      </p>
    );
  } else if (eventState.status === 'error' || prep.status === 'error') {
    body = (
      <p class="duet-error" role="alert" data-testid="panel-error">
        {t('panel_read_error')}
      </p>
    );
  } else if (loading || !state) {
    body = (
      <p class="duet-muted" data-testid="panel-loading">
        {t('common_loading')}
      </p>
    );
  } else if (ignored) {
    body = <SeriesIgnored onUndo={actions.unignoreSeries} />;
  } else {
    const counterpart = counterpartOf(context);
    const name = counterpartName(counterpart);
    const defaults = state.settings.cadenceDays;
    const cadenceFor = (k: RelationshipKind) =>
      guessCadenceDays(context.title, k, defaults, context.recurrence ?? null);
    const others = coCounterpartsOf(context).map((other) => ({
      name: counterpartName(other),
      email: other.email?.trim().toLowerCase() ?? '',
    }));
    const draftFor = (k: RelationshipKind, cadenceDays: number): TrackDraft => ({
      name,
      email: counterpart?.email?.trim().toLowerCase() ?? '',
      relation: guessRelation(k),
      kind: k,
      cadenceDays,
      // A 2-1's other person: tracked along while the card's kind is a 2-1 (TrackCard decides).
      ...(others.length > 0 ? { others } : {}),
    });
    const known = name ? { name, email: counterpart?.email ?? '' } : null;
    if (view && live) {
      return (
        <SessionPanel
          target={{
            relationshipId: view.overview.relationship.id,
            meetCode: context.meetCode,
            calendarEventId: context.eventKey,
            sessionId: view.eventSession?.id ?? null,
            scheduledAt: scheduledAtOf(context),
          }}
          mode="in-person"
          focusOnOpen={focusSession}
          onClose={() => {
            focusSession.current = false;
            backFromSession.current = true;
            setLive(false);
          }}
        />
      );
    }
    if (view?.overview.relationship.archived) {
      body = (
        <ArchivedOneOnOne
          name={namesOf(view.overview.people) || view.overview.relationship.title}
          onBringBack={actions.bringBack}
        />
      );
    } else if (view) {
      const relationship = view.overview.relationship;
      body = (
        <PrepBody
          onStartSession={() => {
            focusSession.current = true;
            setLive(true);
          }}
          view={view}
          carried={carried}
          actions={actions}
          link={
            hasPeople ? null : (
              <TrackCard
                mode="link"
                counterpart={known}
                initial={draftFor(relationship.kind, relationship.cadenceDays)}
                cadenceFor={cadenceFor}
                onTrack={actions.link}
                keep={trackForm}
              />
            )
          }
        />
      );
    } else {
      const k = guessedKind ?? 'one-on-one';
      body = (
        <>
          {/* The series' 1:1 whose person the guest seems to be, under a new address: asked before Track. */}
          <NewAddressCard context={context} onAdded={onChanged} onShown={setNewAddressShown} />
          <TrackCard
            quiet={newAddressShown}
            mode="track"
            counterpart={known}
            initial={draftFor(k, cadenceFor(k))}
            cadenceFor={cadenceFor}
            onTrack={actions.track}
            keep={trackForm}
          />
        </>
      );
    }
  }

  return (
    <section class="event cal" data-testid="panel-event" ref={root}>
      <RelationshipHeader
        eventTitle={context.title}
        kind={kind}
        withWhom={withWhom}
        titleGuess={titleGuess}
        onNotOneOnOne={canSayNot && !loading ? () => void notOneOnOne() : undefined}
        notOneOnOneBusy={ignoreBusy}
      />
      <AlertLine message={ignoreError} testId="not-one-on-one-error" />
      {body}
      <p class="cal-sr-only" role="status" aria-live="polite" data-testid="panel-announcement">
        {announcement}
      </p>
      {/* Loaded once the 1:1 this event is shown as is known: its notes are that 1:1's session's. The
          event's session of someone else's 1:1 (hidden above) keeps its notes to itself. */}
      {hiddenAsOthers || archived ? null : <EventNotes target={noteTarget} />}
      <p class="privacy duet-muted">{t('common_privacy_short')}</p>
    </section>
  );
}

interface PrepBodyProps {
  view: PrepView;
  onStartSession: () => void;
  carried: number | null;
  actions: CalendarActions;
  /** "Who is this 1:1 with?", for a series Duet tracks without knowing its people. */
  link: ComponentChild;
}

function PrepBody({ view, carried, actions, link, onStartSession }: PrepBodyProps) {
  const { overview } = view;
  return (
    <div class="cal-body">
      <CadenceLine health={overview.cadence} />
      {link}
      <PrepCard
        session={view.eventSession}
        template={view.upcomingTemplate}
        carried={carried}
        onStart={actions.startPrep}
        onStartSession={onStartSession}
      />
      <RelationshipSections view={view} actions={actions} />
    </div>
  );
}
