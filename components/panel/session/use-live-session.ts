/**
 * Runs a live session: starts it once (finding the planned session or creating it, idempotently) and
 * reads everything the session view shows, live — a change in another tab or the popup shows up here.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  describeStorageProblem,
  loadSessionView,
  runningSessionOfCall,
  type SessionView,
  startLiveSession,
} from '@/lib/db';
import { t } from '@/lib/i18n';
import { useLiveQuery } from '../../shared/use-live-query';
import { describeProblem, storageProblemText } from '../storage-text';

/** How long a start (or find) that failed waits before it is tried again (as the notes' saves do). */
export const START_RETRY_MS = 4000;

/**
 * Why the session could not start, and whether it is tried again: a full disk, storage closed or busy
 * (another tab's upgrade), or an unknown failure may pass, so it is retried every few seconds and the
 * message says so; a Duet updated under this page needs a reload, and invalid input never passes.
 */
function startFailure(reason: unknown): { message: string; retry: boolean } {
  const problem = describeStorageProblem(reason);
  switch (problem.kind) {
    case 'quota':
      return { message: t('panel_session_start_quota'), retry: true };
    case 'unavailable':
    case 'blocked':
    case 'unknown':
      return { message: t('panel_session_start_failed'), retry: true };
    case 'updated':
    case 'invalid':
      return { message: storageProblemText(problem), retry: false };
  }
}

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
   * a new session for a call that is over. Default true. `waiting` wins over it; once waiting is over, a
   * true `startIfMissing` starts the session.
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
  /** Which session this target is: a new target (another 1:1, call or session) starts from nothing. */
  const identity = target
    ? `${target.relationshipId}|${target.meetCode}|${target.calendarEventId}|${target.sessionId}`
    : '';
  /** What to do without a session: wait (the other person has not joined), find (the call ended), start. */
  const mode = !target
    ? 'none'
    : target.waiting
      ? 'wait'
      : target.startIfMissing === false
        ? 'find'
        : 'start';
  const [resolved, setResolved] = useState<{ for: string; id: string } | null>(null);
  const [failed, setFailed] = useState<{ for: string; message: string } | null>(null);
  const [missingFor, setMissingFor] = useState<string | null>(null);
  /** Bumped by the retry timer after a failed start: the effect below runs again. */
  const [attempt, setAttempt] = useState(0);
  /** The session and mode of the last start or find that succeeded. */
  const lastRun = useRef('');
  // The session found stays when the target comes to name it (Calendar: "Start session" gives the prepared
  // view its session id): no teardown and second start of the same session.
  const sessionId =
    resolved && (resolved.for === identity || resolved.id === target?.sessionId) ? resolved.id : null;
  const error = failed?.for === identity ? failed.message : null;

  // Starting (again: idempotent, it continues this call's session) whenever the target says start; finding
  // only while no session is known yet (the call's end keeps the session it ran, never looks up another).
  useEffect(() => {
    if (!target || mode === 'wait' || (mode === 'find' && sessionId !== null)) return;
    // The target now names the session this very run found: nothing to do again.
    if (sessionId !== null && target.sessionId === sessionId && lastRun.current === `${sessionId}|${mode}`)
      return;
    let cancelled = false;
    const find =
      mode === 'find'
        ? target.meetCode
          ? runningSessionOfCall(target.relationshipId, target.meetCode)
          : Promise.resolve(undefined)
        : startLiveSession(target);
    let retry: ReturnType<typeof setTimeout> | undefined;
    find
      .then((session) => {
        if (cancelled) return;
        setFailed(null);
        if (session) {
          lastRun.current = `${session.id}|${mode}`;
          setResolved({ for: identity, id: session.id });
        } else setMissingFor(`${identity}|${mode}`);
      })
      .catch((reason: unknown) => {
        if (cancelled) return;
        const failure = startFailure(reason);
        setFailed({ for: identity, message: failure.message });
        // Tried again until it works (in Meet, the user has nowhere else to write mid-call); a new target or
        // mode starts its own run and this timer goes.
        if (failure.retry) retry = setTimeout(() => setAttempt((n) => n + 1), START_RETRY_MS);
      });
    return () => {
      cancelled = true;
      clearTimeout(retry);
    };
  }, [identity, mode, attempt]);

  // Waiting: the session this call runs, if any, live — a rejoin shows it, and "Start now" in another of
  // this tab's panels (the side panel) shows here too.
  const running = useLiveQuery(
    async () =>
      mode === 'wait' && target?.meetCode
        ? ((await runningSessionOfCall(target.relationshipId, target.meetCode))?.id ?? null)
        : null,
    [identity, mode],
  );
  useEffect(() => {
    if (mode === 'wait' && running.status === 'ready' && running.value)
      setResolved({ for: identity, id: running.value });
  }, [mode, identity, running.status === 'ready' ? running.value : undefined]);
  const missing =
    sessionId === null &&
    (mode === 'wait'
      ? running.status === 'ready' && running.value === null
      : missingFor === `${identity}|${mode}`);

  const view = useLiveQuery(
    async () => (sessionId ? await loadSessionView(sessionId) : undefined),
    [sessionId],
  );
  if (error) return { status: 'error', message: error };
  if (missing) return { status: 'missing' };
  if (view.status === 'error') return { status: 'error', message: describeProblem(view.error).message };
  if (view.status === 'ready' && view.value) return { status: 'ready', view: view.value };
  return { status: 'starting' };
}
