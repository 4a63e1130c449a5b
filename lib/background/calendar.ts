/**
 * Judging Calendar events in the background: which chips are 1:1s, how sure we are, which 1:1 series they
 * belong to and how many agreements are open there. The content script sends only what the page shows;
 * the answer carries only what a badge needs.
 *
 * Whose calendar: a chip's calendar id is its owner's address (`…@m` is @gmail.com). The owner of a person's
 * calendar is me — unless the owner is not among my emails (Gmail addresses compared without dots, +tags or
 * googlemail) and is one of the people of my 1:1s: then it is that colleague's calendar overlaid on mine, never
 * my 1:1 ('another person’s calendar'), never linked to a relationship (no series or email look-up, no
 * count, no reminders from the owner's response). Only a known colleague is evidence enough: an address of
 * mine the settings lack (an alias, another domain) must never hide my own 1:1s — unless the page names its
 * own calendar (the account's principal) and my emails are set: then every other person's calendar on it is
 * someone else's, known or not (my other addresses are what the emails setting is for). A page showing
 * several calendars without saying which is its own (side by side, a month view) names them all: those among
 * my emails are its own; with none of them, an owner not among my emails is not me (fail closed). The same
 * meeting on my own calendar is judged as usual. Group calendars (`…@g`) have no owner: the settings decide
 * who I am, and once the popover's guests are read, a meeting someone else organised on one, without me or a
 * group among its guests, is not mine ('not invited').
 * The user's name (settings.myName) is passed on, so a title's name that is mine is not a counterpart.
 */
import { calendarOwnerEmail, canonicalEmail } from '../domain/email';
import { detectOneOnOne, titleSaysOneOnOne } from '../domain/detection';
import type { Detection, DetectionGuest } from '../domain/detection-types';
import {
  type CalendarEvent,
  type EventDetails,
  EventDetailsSchema,
  type Guest,
} from '../google/calendar/model';
import type { KeptArea } from './session-kept';
import type { CounterpartRef, EventBadge, PanelContext } from '../messaging/protocol';
import { type ClockReading, fixedClock } from '../domain/calendar-clock';
import { chipStartsAt } from './calendar-clock';

export interface LinkedRelationshipRef {
  relationship: { id: string; kind: EventBadge['kind']; personIds: string[] };
  emails: string[];
}

export interface CalendarDeps {
  settings(): Promise<{
    myEmails: readonly string[];
    /** The user's name (options page); '' or absent when not set. */
    myName?: string;
    ignoredSeries: readonly string[];
    /** The user's detection rules (options page); built-in behaviour when absent. */
    detection?: { includeKeywords: readonly string[]; excludeKeywords: readonly string[]; maxGuests: number };
  }>;
  linkedToSeries(
    seriesIds: readonly string[],
  ): Promise<Array<LinkedRelationshipRef & { seriesIds: string[] }>>;
  withPeopleEmails(emails: readonly string[]): Promise<LinkedRelationshipRef[]>;
  /** Which of these addresses are people's in Duet (lower-cased). */
  knownEmails(emails: readonly string[]): Promise<string[]>;
  openAgreementCounts(relationshipIds: readonly string[]): Promise<Map<string, number>>;
}

/** Where the popover reads are kept for a woken worker (`storage.session`: memory only, never on disk). */
export const EVENT_DETAILS_KEY = 'calendar.event-details';
/** How many of them are kept there (the newest): each carries a guest list. */
const KEPT_DETAILS = 100;
/**
 * How much of `storage.session` they may take (their JSON's length, a proxy of its bytes): the area holds
 * 10 MB for all of Duet (tab contexts and frame tokens too), and a compromised page can send reads at will.
 * A 1:1's read is a few hundred characters: a hundred of them fit many times over.
 */
const KEPT_CHARS = 512 * 1024;
/** How much the reads held in this worker's memory may take (full guest lists), the newest always held. */
const HELD_CHARS = 2 * 1024 * 1024;

/** Guest rows kept per event in `storage.session`: more is a large meeting whatever the rest say. */
const KEPT_GUESTS = 60;
/** A guest's name as kept: a real name is far shorter (shown, and matched by its first word). */
const GUEST_NAME_CHARS = 200;
/** No address is longer (RFC 5321's path limit): a longer one is nobody's, kept as no address. */
const GUEST_EMAIL_CHARS = 254;

/** A guest as held: its name cut, an address no one can have dropped. The same object when nothing is cut. */
function heldGuest(guest: Guest): Guest {
  const longName = guest.name.length > GUEST_NAME_CHARS;
  const badEmail = guest.email !== null && guest.email.length > GUEST_EMAIL_CHARS;
  if (!longName && !badEmail) return guest;
  return {
    ...guest,
    name: longName ? guest.name.slice(0, GUEST_NAME_CHARS) : guest.name,
    email: badEmail ? null : guest.email,
  };
}

function heldForm(details: EventDetails): EventDetails {
  return details.guests ? { ...details, guests: details.guests.map(heldGuest) } : details;
}

/**
 * A read as kept for a woken worker: a large meeting's guest list is cut (storage.session is shared and
 * small), its count saying how many more there were — judged the same: rows not read count as other people.
 */
function keptForm(details: EventDetails): EventDetails {
  if (!details.guests || details.guests.length <= KEPT_GUESTS) return details;
  return {
    ...details,
    guests: details.guests.slice(0, KEPT_GUESTS),
    guestCount: Math.max(details.guestCount ?? 0, details.guests.length),
  };
}

/** A read held, with the room it takes in memory and as kept (JSON lengths). */
interface Held {
  details: EventDetails;
  chars: number;
  kept: EventDetails;
  keptChars: number;
}

function held(details: EventDetails): Held {
  const form = heldForm(details);
  const kept = keptForm(form);
  const chars = JSON.stringify(form).length;
  return { details: form, chars, kept, keptChars: kept === form ? chars : JSON.stringify(kept).length };
}

/**
 * Guests and Meet code read from the details popover, remembered per event — also in `storage.session`
 * (given an area), so a worker stopped while idle and woken by the next message (MV3) still has them:
 * without them, a series' 1:1 applied unchecked, and Bob's notes opened for the slot Carol took.
 * `ready()` before reading: it loads what an earlier worker kept (once). Bounded by count and by size, in
 * memory and as kept, the oldest going first: a flood of forged reads must not fill `storage.session`
 * (tab contexts live there too).
 */
export class DetailsCache {
  private readonly byEvent = new Map<string, Held>();
  private heldChars = 0;
  private loaded: Promise<void> | null = null;
  constructor(
    private readonly max = 500,
    private readonly area?: KeptArea,
  ) {}

  ready(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.area) return;
      const read: Record<string, unknown> = await this.area.get(EVENT_DETAILS_KEY).catch(() => ({}));
      const stored = read[EVENT_DETAILS_KEY];
      if (!Array.isArray(stored)) return;
      // Older than anything read since this worker started: first in line, and never over a newer read.
      const since = [...this.byEvent.values()];
      this.byEvent.clear();
      this.heldChars = 0;
      const valid = stored.flatMap((item) => {
        const parsed = EventDetailsSchema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      });
      for (const details of valid.slice(-KEPT_DETAILS)) this.put(held(details));
      for (const entry of since) this.put(entry);
    })();
    return this.loaded;
  }

  get(dataEventId: string): EventDetails | undefined {
    return this.byEvent.get(dataEventId)?.details;
  }

  /** Forgets every read, kept ones too ("Delete everything"). */
  async clear(): Promise<void> {
    await this.ready();
    this.byEvent.clear();
    this.heldChars = 0;
    await this.area?.set({ [EVENT_DETAILS_KEY]: [] }).catch(() => undefined);
  }
  /** A read whose guests are not drawn yet (null) keeps the guests an earlier read of the event found. */
  set(details: EventDetails): void {
    const before = this.byEvent.get(details.dataEventId)?.details;
    const kept: EventDetails =
      details.guests === null && before?.guests
        ? {
            ...details,
            guests: before.guests,
            guestCount: before.guestCount,
            // What could not be read of them goes with them.
            ...(before.countUnread ? { countUnread: true } : {}),
            ...(before.organizerUnread ? { organizerUnread: true } : {}),
          }
        : details;
    this.put(held(kept));
    const area = this.area;
    if (area)
      void this.ready()
        .then(() => area.set({ [EVENT_DETAILS_KEY]: this.keptReads() }))
        .catch(() => undefined);
  }

  /** Holds a read as the newest, the oldest let go beyond the count or the size (never the newest). */
  private put(entry: Held): void {
    const id = entry.details.dataEventId;
    const before = this.byEvent.get(id);
    if (before) {
      this.heldChars -= before.chars;
      this.byEvent.delete(id);
    }
    this.byEvent.set(id, entry);
    this.heldChars += entry.chars;
    while (this.byEvent.size > 1 && (this.byEvent.size > this.max || this.heldChars > HELD_CHARS)) {
      const [oldest, gone] = this.byEvent.entries().next().value!;
      this.byEvent.delete(oldest);
      this.heldChars -= gone.chars;
    }
  }

  /** The newest reads in their kept form, oldest first, within the count and the size kept. */
  private keptReads(): EventDetails[] {
    const newestFirst: EventDetails[] = [];
    let chars = 0;
    for (const entry of [...this.byEvent.values()].reverse()) {
      if (newestFirst.length >= KEPT_DETAILS || chars + entry.keptChars > KEPT_CHARS) break;
      newestFirst.push(entry.kept);
      chars += entry.keptChars;
    }
    return newestFirst.reverse();
  }
}

export interface JudgedEvent {
  event: CalendarEvent;
  detection: Detection;
  relationshipId: string | null;
  openAgreements: number;
  /** Other people invited (not me, not rooms or groups), when the popover was read. */
  others: CounterpartRef[] | null;
  details: EventDetails | undefined;
}

/**
 * Judges a page's chips. `principal` is the signed-in account's own calendar as the page names it, when it
 * does: a chip on any other person's calendar (an overlaid colleague's) is then not mine, known person or not.
 * Several are the calendars the page shows without saying which is its own (side by side, or a month view):
 * those among my emails are mine, and so the page's own.
 */
export async function judgeEvents(
  events: readonly CalendarEvent[],
  deps: CalendarDeps,
  details: DetailsCache,
  principal?: string | readonly string[],
): Promise<JudgedEvent[]> {
  const settings = await deps.settings();
  const ignored = new Set(settings.ignoredSeries);
  const linked = await deps.linkedToSeries([...new Set(events.map((e) => e.seriesId))]);

  // Calendars of colleagues overlaid on mine: owners not among my emails who are people of my 1:1s.
  // Without my emails in the settings there is no telling: every person's calendar is mine (a person record
  // holding my own address must not hide my 1:1s).
  const mine = new Set(settings.myEmails.map(canonicalEmail));
  const strangers =
    mine.size === 0
      ? []
      : [
          ...new Set(
            events
              .map((e) => calendarOwnerEmail(e.calendarId))
              .filter((owner): owner is string => owner !== null && !mine.has(canonicalEmail(owner))),
          ),
        ];
  const known = new Set(
    strangers.length === 0
      ? []
      : (await deps.knownEmails([...new Set([...strangers, ...strangers.map(canonicalEmail)])])).map(
          canonicalEmail,
        ),
  );
  const colleagues = new Set(strangers.map(canonicalEmail).filter((owner) => known.has(owner)));
  // The people whose calendars the page shows: those it names and those of the chips sent.
  const shown = typeof principal === 'string' ? [principal] : (principal ?? []);
  const owners = new Set(
    [...shown, ...events.map((e) => e.calendarId)].flatMap((id) => {
      const owner = calendarOwnerEmail(id);
      return owner === null ? [] : [canonicalEmail(owner)];
    }),
  );
  // The page says whose calendar it is (or, showing several, which of them are among my emails): every other
  // person's calendar on it is someone else's — once my emails are set (without them, an overlaid calendar
  // of my own other account would hide my 1:1s).
  const named = shown.length === 1 ? calendarOwnerEmail(shown[0]!) : null;
  const own =
    mine.size === 0
      ? []
      : named !== null
        ? [canonicalEmail(named)]
        : [...owners].filter((owner) => shown.length > 1 && mine.has(owner));
  if (own.length > 0) {
    for (const owner of own) mine.add(owner);
    for (const owner of owners) if (!mine.has(owner)) colleagues.add(owner);
    for (const owner of own) colleagues.delete(owner); // mine, even if a person record holds its address
  }
  // Several people's calendars shown and none of them told to be mine: an owner not among my emails may be
  // anyone's (a colleague's side by side, in a month view): not me (fail closed). One calendar alone is mine
  // even under an address the settings lack (an alias must never hide my own 1:1s).
  const ownerIsMe = (owner: string) => mine.has(canonicalEmail(owner)) || mine.size === 0 || owners.size <= 1;

  const judged: Array<Omit<JudgedEvent, 'openAgreements'>> = [];
  for (const event of events) {
    const known = details.get(event.dataEventId);
    // Me as Gmail delivers: "Alice.Smith@gmail.com" on a guest row is alicesmith@gmail.com.
    const me = new Set(settings.myEmails.map(canonicalEmail));
    const owner = calendarOwnerEmail(event.calendarId);
    const othersCalendar = owner !== null && colleagues.has(canonicalEmail(owner));
    if (owner && !othersCalendar && ownerIsMe(owner)) me.add(canonicalEmail(owner));
    const guests: DetectionGuest[] | null = known ? known.guests : null;
    const others =
      guests
        ?.filter((g) => g.kind === 'person' && !(g.email && me.has(canonicalEmail(g.email))))
        .map((g) => ({ email: g.email?.toLowerCase() ?? null, name: g.name })) ?? null;
    const otherEmails = (others ?? []).map((o) => o.email).filter((e): e is string => e !== null);
    // A shared calendar (no person owns it: a team's, `@group.calendar.google.com`) shows other people's
    // meetings too. With every guest read and my addresses set, a meeting a person organised (not a calendar:
    // my own secondary calendar organises the events I put on it, and so does a team calendar its own) that
    // neither I nor a group is invited to is not mine. (With no owner, who I am is `mine`: my emails and the
    // page's own calendar. An organiser with no owner, `calendarOwnerEmail`, is a calendar, not a person.)
    const isMe = (g: DetectionGuest) => g.email !== null && mine.has(canonicalEmail(g.email));
    // Every guest read: no unread count, and "N guests" no more than the rows.
    const allRead = guests !== null && !known?.countUnread && (known?.guestCount ?? 0) <= guests.length;
    const withoutMe =
      owner === null &&
      guests !== null &&
      allRead &&
      mine.size > 0 &&
      !guests.some((g) => isMe(g) || g.kind === 'group');
    const notInvited =
      withoutMe &&
      guests.some((g) => g.organizer && g.email !== null && calendarOwnerEmail(g.email) !== null);
    // The popover's words could not all be read (a language Duet has no words for): the rows may be some of
    // the guests only, or who organised a meeting I am not invited to is not told. They prove nothing: at
    // most likely, and no 1:1 of mine is linked to it.
    const unsure =
      (guests !== null && known?.countUnread === true) || (withoutMe && !!known?.organizerUnread);

    // The series' 1:1, if linked — and, when guests are known, only if one of them is its person (fail closed).
    // Nothing links on another person's calendar: no count, no reminders from its owner's response.
    const bySeries =
      othersCalendar || unsure ? [] : linked.filter((l) => l.seriesIds.includes(event.seriesId));
    let relationship: LinkedRelationshipRef | undefined;
    if (guests !== null) {
      // Guests known: the series' 1:1 counts only if one of them is its person — or nothing can say otherwise:
      // it has no person yet, or its people have no email at all (tracked from a title only: "Track as 1:1"
      // on a chip whose guests were never read). People with emails, none of them a guest: not this 1:1.
      // A 1:1 whose person is a guest comes first: an unnamed one on the same series (notes written for a
      // slot someone else took) must not take this person's meetings.
      relationship =
        bySeries.find((l) => l.emails.some((e) => otherEmails.includes(e))) ??
        bySeries.find((l) => l.relationship.personIds.length === 0 || l.emails.length === 0);
      // A new series id with a 1:1's title and the same person: the series was edited or recreated. Without
      // a 1:1 title, a two-person meeting is only offered for tracking (the user's word links it). Only with
      // every guest read: the one other address of two rows drawn of "5 guests" is not the meeting's only one.
      if (
        !relationship &&
        !othersCalendar &&
        !unsure &&
        allRead &&
        otherEmails.length === 1 &&
        titleSaysOneOnOne(event.title, settings.detection)
      ) {
        const byEmail = await deps.withPeopleEmails(otherEmails);
        if (byEmail.length === 1) relationship = byEmail[0];
      }
    } else if (bySeries.length === 1) {
      relationship = bySeries[0];
    }

    const detection = detectOneOnOne({
      title: event.title,
      allDay: event.allDay,
      response: event.response,
      guests,
      guestCount: known?.guestCount ?? null,
      myEmails: [...me],
      myName: settings.myName,
      othersCalendar,
      notInvited,
      guestsUnsure: unsure,
      override: ignored.has(event.seriesId) ? 'not-one-on-one' : null,
      linked: relationship ? { kind: relationship.relationship.kind } : null,
      extraKeywords: settings.detection?.includeKeywords,
      excludedKeywords: settings.detection?.excludeKeywords,
      maxGuests: settings.detection?.maxGuests,
    });
    judged.push({
      event,
      detection,
      relationshipId: relationship?.relationship.id ?? null,
      others,
      details: known,
    });
  }
  const counts = await deps.openAgreementCounts(
    judged.flatMap((j) => (j.relationshipId && j.detection.isOneOnOne ? [j.relationshipId] : [])),
  );
  return judged.map((j) => ({
    ...j,
    openAgreements: j.relationshipId ? (counts.get(j.relationshipId) ?? 0) : 0,
  }));
}

export function badgeOf(judged: JudgedEvent): EventBadge | null {
  const { detection } = judged;
  if (!detection.isOneOnOne) return null;
  return {
    dataEventId: judged.event.dataEventId,
    kind: detection.kind,
    confidence: detection.confidence,
    openAgreements: judged.openAgreements,
  };
}

/** The panel's context for a chip, its start read with its account's Calendar clock (calendar-clock.ts). */
export function panelContextOf(judged: JudgedEvent, clock: ClockReading = fixedClock(0)): PanelContext {
  const { event, detection, details } = judged;
  return {
    surface: 'calendar',
    dataEventId: event.dataEventId,
    eventKey: event.eventId,
    seriesKey: event.seriesId,
    title: event.title,
    day: event.day,
    start: event.start,
    startsAt: chipStartsAt(event, clock),
    recurring: event.eventId !== event.seriesId || Boolean(details?.recurrence),
    // The recurrence line only when the popover showed one (the cadence guess reads it).
    ...(details?.recurrence ? { recurrence: details.recurrence } : {}),
    detection: {
      kind: detection.isOneOnOne ? detection.kind : null,
      confidence: detection.isOneOnOne ? detection.confidence : null,
      counterparts: detection.isOneOnOne ? detection.counterparts.slice(0, 10) : [],
      trackable: detection.isOneOnOne ? null : detection.trackable,
      relationshipId: judged.relationshipId,
    },
    guests: judged.others ? judged.others.slice(0, 50) : null,
    meetCode: details?.meetCode ?? null,
  };
}
