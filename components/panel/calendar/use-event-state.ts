/**
 * Live facts about the event itself: its session (if one was prepared or notes were written) and the
 * settings the panel needs (ignored series, cadence defaults). Read-only, so safe inside a live query.
 */
import { getSettings, sessionForCalendarEvent } from '@/lib/db';
import type { Session, Settings } from '@/lib/domain/model';
import { useLiveQuery } from '../../shared/use-live-query';

export interface EventState {
  session: Session | undefined;
  settings: Settings;
}

export function loadEventState(eventKey: string): Promise<EventState> {
  return Promise.all([sessionForCalendarEvent(eventKey), getSettings()]).then(([session, settings]) => ({
    session,
    settings,
  }));
}

export function useEventState(eventKey: string) {
  return useLiveQuery(() => loadEventState(eventKey), [eventKey]);
}
