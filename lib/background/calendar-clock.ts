/**
 * Calendar's clock per signed-in account: how far the time zone Calendar shows is from this computer's
 * (lib/domain/calendar-clock), read from each classified batch of chips and kept in `storage.session`
 * (numbers per account and this computer's zone, memory only) so a restarted worker and a batch too small to tell still read chip
 * times right. Reminders plan sessions with it; the panel's "Start prep" gets the instant from it.
 */
import type { CalendarEvent } from '../google/calendar/model';
import {
  type ChipTime,
  chipStart,
  type ClockReading,
  fixedClock,
  readClock,
  skewSample,
} from '../domain/calendar-clock';
import { localInstant } from '../domain/reminders';
import { instantFromEventKey } from '../db';
import { type KeptArea, readNumbers, SessionKept } from './session-kept';

export const CLOCK_SKEWS_KEY = 'calendar.clock-skews';
/** The key for a page whose account is not known. */
const ANY_ACCOUNT = '*';

type TimedFacts = Pick<CalendarEvent, 'day' | 'start' | 'eventId' | 'seriesId' | 'allDay'>;

/** A timed chip's wall time (in this computer's zone) and instance start; all-day chips give neither. */
export function chipTime(event: TimedFacts): ChipTime {
  if (event.allDay) return { seriesId: event.seriesId, wall: null, instance: null };
  return {
    seriesId: event.seriesId,
    wall: event.day && event.start ? localInstant(event.day, event.start) : null,
    instance: instantFromEventKey(event.eventId),
  };
}

/**
 * When a chip's event starts, read with this clock. An all-day event "starts" at local midnight of its day
 * (else its instance id's date); null when nothing tells.
 */
export function chipStartsAt(event: TimedFacts, clock: ClockReading): number | null {
  if (event.allDay)
    return (event.day ? localInstant(event.day, '00:00') : null) ?? instantFromEventKey(event.eventId);
  return chipStart(chipTime(event), clock);
}

/** Stored skews per account, checked: whole quarter hours of at most 27 hours (anything else is dropped). */
const readClockSkews = (stored: unknown): Record<string, number> =>
  readNumbers(stored, (skew) => skewSample(skew, 0) === skew);

export class CalendarClocks {
  private readonly skews: SessionKept<Record<string, number>>;
  /** Per account, the latest batch being read: a panel opened meanwhile waits for it. */
  private readonly reading = new Map<string, Promise<unknown>>();

  constructor(area: KeptArea) {
    this.skews = new SessionKept(area, CLOCK_SKEWS_KEY, readClockSkews);
  }

  /** Reads a batch of one account's chips with what that account showed before, and remembers what it settles. */
  learn(chips: readonly ChipTime[], account: number | null): Promise<ClockReading> {
    const key = keyOf(account);
    const read = (async () => {
      const skews = await this.skews.get();
      const clock = readClock(chips, skews[key] ?? null);
      if (clock.learned !== null && skews[key] !== clock.learned) {
        skews[key] = clock.learned;
        await this.skews.save();
      }
      return clock;
    })();
    this.reading.set(
      key,
      read.catch(() => undefined),
    );
    return read;
  }

  /** The account's clock as last learned (after a batch being read); this computer's zone when none was. */
  async clockFor(account: number | null): Promise<ClockReading> {
    const key = keyOf(account);
    await this.reading.get(key);
    return fixedClock((await this.skews.get())[key] ?? 0);
  }
}

/**
 * An account's key, with this computer's time zone: a skew is the distance between Calendar's zone and this
 * one, so one learned before the computer changed zone (a traveller's laptop, the browser left running) is
 * not this zone's and must not be read with: under a key of its own, the first batch (two series) settles the
 * new one, where a skew kept under the account alone would need three series in one batch to be overruled
 * and would meanwhile put every chip hours off (and a note written in prep could mark the 1:1 held).
 */
const keyOf = (account: number | null): string =>
  `${account === null ? ANY_ACCOUNT : String(account)}@${Intl.DateTimeFormat().resolvedOptions().timeZone}`;
