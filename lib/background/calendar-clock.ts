/**
 * Calendar's clock per signed-in account: how far the time zone Calendar shows is from this computer's
 * (lib/domain/calendar-clock), learned from each classified batch of chips and kept in `storage.session`
 * (numbers per account, memory only) so a restarted worker and a batch too small to tell still read chip
 * times right. Reminders plan sessions with it; the panel's "Start prep" gets the instant from it.
 */
import type { CalendarEvent } from '../google/calendar/model';
import { agreedSkew, chipStart, skewSample } from '../domain/calendar-clock';
import { localInstant } from '../domain/reminders';
import { instantFromEventKey } from '../db';
import { type KeptArea, SessionKept } from './session-kept';

export const CLOCK_SKEWS_KEY = 'calendar.clock-skews';
/** The key for a page whose account is not known. */
const ANY_ACCOUNT = '*';

/** A timed chip's wall time read in this computer's zone, and its instance's start (ms), when known. */
export interface ChipTimes {
  wall: number | null;
  instance: number | null;
}

export function chipTimes(event: Pick<CalendarEvent, 'day' | 'start' | 'eventId' | 'allDay'>): ChipTimes {
  if (event.allDay) return { wall: null, instance: null };
  return {
    wall: event.day && event.start ? localInstant(event.day, event.start) : null,
    instance: instantFromEventKey(event.eventId),
  };
}

/** When a chip's event starts, read with this skew; null for all-day events and unreadable chips. */
export function chipStartsAt(
  event: Pick<CalendarEvent, 'day' | 'start' | 'eventId' | 'allDay'>,
  skew: number,
): number | null {
  const { wall, instance } = chipTimes(event);
  return chipStart(wall, instance, skew);
}

/** Stored skews per account, checked: whole quarter hours of at most 27 hours (anything else is dropped). */
function readClockSkews(stored: unknown): Record<string, number> {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const out: Record<string, number> = {};
  for (const [account, skew] of Object.entries(stored)) {
    if (typeof skew === 'number' && skewSample(skew, 0) === skew) out[account] = skew;
  }
  return out;
}

export class CalendarClocks {
  private readonly skews: SessionKept<Record<string, number>>;

  constructor(area: KeptArea) {
    this.skews = new SessionKept(area, CLOCK_SKEWS_KEY, readClockSkews);
  }

  /** Learns from a batch of one account's chips (when they agree) and gives the skew to read them with. */
  async learn(times: readonly ChipTimes[], account: number | null): Promise<number> {
    const agreed = agreedSkew(times.map(({ wall, instance }) => skewSample(wall, instance)));
    const skews = await this.skews.get();
    const key = keyOf(account);
    if (agreed === null) return skews[key] ?? 0;
    if (skews[key] !== agreed) {
      skews[key] = agreed;
      await this.skews.save();
    }
    return agreed;
  }

  /** The account's last known skew; 0 (this computer's zone) when none was learned. */
  async skewFor(account: number | null): Promise<number> {
    return (await this.skews.get())[keyOf(account)] ?? 0;
  }
}

const keyOf = (account: number | null): string => (account === null ? ANY_ACCOUNT : String(account));
