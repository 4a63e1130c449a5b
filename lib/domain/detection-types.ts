/** The inputs and outputs of 1:1 detection (lib/domain/detection.ts). Pure types, no logic. */
import type { OneOnOneKind } from './one-on-one-title';

export type Confidence = 'confirmed' | 'likely';

export interface DetectionGuest {
  email: string | null;
  name: string;
  organizer: boolean;
  kind: 'person' | 'room' | 'resource' | 'group';
  response: 'accepted' | 'declined' | 'tentative' | 'needs-action' | 'unknown';
}

export interface DetectionInput {
  title: string;
  allDay: boolean;
  /** My response to the event. */
  response: 'accepted' | 'declined' | 'tentative' | 'needs-action' | 'unknown';
  /** Guests from the details popover; `null` when not known (only the chip was seen). */
  guests: DetectionGuest[] | null;
  /** "N guests" from the popover, when shown (may be more than the rows read). */
  guestCount: number | null;
  /** Who "me" is (settings), lower-case; the calendar owner is added by the caller when it is mine. */
  myEmails: readonly string[];
  /** My name (settings): a title name with the same first word is me, not a counterpart. */
  myName?: string;
  /** The event was read on another person's calendar overlaid on mine (its owner is not one of my emails). */
  othersCalendar?: boolean;
  /**
   * The event is on a shared calendar (a team's or a resource's: no person owns it), its guests are known and
   * none of them is me: someone else's meeting that the calendar shows me.
   */
  notInvited?: boolean;
  /**
   * The guests read prove nothing for sure: they may be some of them only (a guest count that could not be
   * read), or may not tell that the meeting is someone else's (who organised it could not be read). At most
   * likely.
   */
  guestsUnsure?: boolean;
  /** The user's word for this series, remembered: a kind ("Track as 1:1") or "not a 1:1". */
  override: { kind: OneOnOneKind } | 'not-one-on-one' | null;
  /** A relationship already linked to this series (found by series id AND a guest's email). */
  linked: { kind: OneOnOneKind } | null;
  /** Words the user added to (or removed from) title detection (options page). */
  extraKeywords?: readonly string[];
  excludedKeywords?: readonly string[];
  /** The most guests (me included) a 1:1 can have (options page); 3 when not given. */
  maxGuests?: number;
}

export interface Counterpart {
  email: string | null;
  name: string;
}

export type Detection =
  | {
      isOneOnOne: true;
      kind: OneOnOneKind;
      confidence: Confidence;
      counterparts: Counterpart[];
      reason: string;
    }
  | {
      isOneOnOne: false;
      reason: string;
      /** Exactly one other person: offer "Track as 1:1 with <name>". */ trackable: Counterpart | null;
    };
