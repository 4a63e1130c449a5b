/**
 * Runs a live session: starts it once (finding the planned session or creating it, idempotently) and
 * reads everything the session view shows, live — a change in another tab or the popup shows up here.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  loadSessionView,
  runningSessionOfCall,
  sessionForCall,
  type SessionView,
  startLiveSession,
} from '@/lib/db';
import { useLiveQuery } from '../../shared/use-live-query';
import { describeProblem } from '../storage-text';

export interface LiveSessionTarget {
  relationshipId: string;
  meetCode: string | null;
  calendarEventId: string | null;
  /** Run this session (e.g. the one prepared in Calendar) rather than finding one. */
  sessionId?: string | null;
  /** When a session created now is scheduled (the Calendar event's start). */
  scheduledAt?: number;
  /**
   * False after a call ended: show that call's session (its summary) if there is one, but never start
   * a new session for a call that is over; false too while the call waits for its other person. Default
   * true. Turning true later starts it.
   */
  startIfMissing?: boolean;
  /**
   * The call waits for its other person: show the session this call is running (a rejoin), else nothing
   * (`missing`) — never an earlier meeting's session that shares the Meet code.
   */
  waiting?: boolean;
}

export type LiveSessionState =
  | { status: 'starting' }
  | { status: 'error'; message: string }
  /** Not to be started yet (`startIfMissing: false`) and none found for this call. */
  | { status: 'missing' }
  | { status: 'ready'; view: SessionView };

export function useLiveSession(target: LiveSessionTarget | null): LiveSessionState {
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const key = target
    ? `${target.relationshipId}|${target.meetCode}|${target.calendarEventId}|${target.sessionId}|${target.startIfMissing !== false}|${target.waiting === true}`
    : '';

  useEffect(() => {
    if (!target) return;
    let cancelled = false;
    setError(null);
    setMissing(false);
    const find = target.waiting
      ? target.meetCode
        ? runningSessionOfCall(target.relationshipId, target.meetCode)
        : Promise.resolve(undefined)
      : target.startIfMissing === false
        ? target.meetCode
          ? sessionForCall(target.relationshipId, target.meetCode)
          : Promise.resolve(undefined)
        : startLiveSession(target);
    find
      .then((session) => {
        if (cancelled) return;
        if (session) setSessionId(session.id);
        else setMissing(true);
      })
      .catch((reason: unknown) => {
        if (!cancelled) setError(describeProblem(reason).message);
      });
    return () => {
      cancelled = true;
    };
  }, [key]);

  const view = useLiveQuery(
    async () => (sessionId ? await loadSessionView(sessionId) : undefined),
    [sessionId],
  );
  if (error) return { status: 'error', message: error };
  if (missing && !sessionId) return { status: 'missing' };
  if (view.status === 'error') return { status: 'error', message: describeProblem(view.error).message };
  if (view.status === 'ready' && view.value) return { status: 'ready', view: view.value };
  return { status: 'starting' };
}
