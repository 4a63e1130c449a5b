/**
 * Runs a live session: starts it once (finding the planned session or creating it, idempotently) and
 * reads everything the session view shows, live — a change in another tab or the popup shows up here.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadSessionView, sessionForCall, type SessionView, startLiveSession } from '@/lib/db';
import { t } from '@/lib/i18n';
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
   * a new session for a call that is over. Default true.
   */
  startIfMissing?: boolean;
}

export type LiveSessionState =
  { status: 'starting' } | { status: 'error'; message: string } | { status: 'ready'; view: SessionView };

export function useLiveSession(target: LiveSessionTarget | null): LiveSessionState {
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = target
    ? `${target.relationshipId}|${target.meetCode}|${target.calendarEventId}|${target.sessionId}`
    : '';

  useEffect(() => {
    if (!target) return;
    let cancelled = false;
    setError(null);
    const find =
      target.startIfMissing === false
        ? target.meetCode
          ? sessionForCall(target.relationshipId, target.meetCode)
          : Promise.resolve(undefined)
        : startLiveSession(target);
    find
      .then((session) => {
        if (cancelled) return;
        if (session) setSessionId(session.id);
        else setError(t('panel_session_call_ended'));
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
  if (view.status === 'error') return { status: 'error', message: describeProblem(view.error).message };
  if (view.status === 'ready' && view.value) return { status: 'ready', view: view.value };
  return { status: 'starting' };
}
