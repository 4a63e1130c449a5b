/**
 * The notes of a live session, per template section plus private notes: shown at once, journalled on
 * every keystroke (components/shared/note-journal.ts), saved to the database within SAVE_DELAY_MS of typing, and flushed
 * on blur, `pagehide`, when the page is hidden, when the call ends, when another session is shown and on
 * unmount. Every field saves on its own: one that fails says so (naming its section) and the others still
 * save. A failed write keeps the text on screen and in the journal and retries; a field refused as invalid
 * waits until it is edited. If another window saved a field since this page last saw it, nothing is
 * overwritten: both versions are shown and the user picks, one field at a time. Unsaved text belongs to
 * the session it was typed in, even when the hook shows another one by the time it is saved.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { EditConflictError, savePrivateNotes, saveSectionNotes } from '@/lib/db';
import type { Session } from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import { describeProblem } from '../storage-text';
import type { SaveStatus } from '../use-note-draft';
import { journalForget, journalSettle, journalWrite, unsavedJournal } from '../../shared/note-journal';
import { useJournalWriter } from '../../shared/use-journal-writer';

export const SAVE_DELAY_MS = 300;
const RETRY_MS = 4000;
/** The field id of the private notes (section ids never contain a colon-free "private" of their own). */
export const PRIVATE_FIELD = ':private';

function savedText(session: Session, field: string): string {
  return field === PRIVATE_FIELD ? session.privateNotes : (session.notes[field] ?? '');
}

/** Another window saved this field meanwhile: `theirs` is what it saved; the draft on screen is mine. */
export type NotesConflict = { field: string; theirs: string };

/** A field that is not saved: `title` names its section, `message` says why. */
export type NotesError = { field: string; title: string; message: string };

export interface SessionNotesOptions {
  /** A section's title, to name it in messages (without it, the section's id; private notes are named). */
  titleOf?: (field: string) => string | undefined;
}

export interface SessionNotes {
  text: (field: string) => string;
  update: (field: string, text: string) => void;
  /**
   * Saves everything typed, now. True when the database holds all of it; false when something is not
   * saved (a conflict to resolve, a field refused as invalid, a failed write): that text stays on screen
   * and in the journal.
   */
  flush: () => Promise<boolean>;
  status: SaveStatus;
  /** Every field of this session changed in another window too, oldest first. */
  conflicts: NotesConflict[];
  /** The first of `conflicts` (the one to offer now), or null. */
  conflict: NotesConflict | null;
  /** Fields of this session that are not saved, and why (conflicts aside). */
  errors: NotesError[];
  /** Resolve a field's conflict (the first one by default): keep what I typed (overwrites theirs) or take theirs. */
  resolve: (choice: 'mine' | 'theirs', field?: string) => void;
}

/** Why a field is not saved until the user acts: another window's text, or text the database refuses. */
type Hold = { kind: 'conflict'; theirs: string } | { kind: 'invalid'; message: string };

/** What this page holds for one session. */
interface SessionState {
  /** Text on screen for the fields touched here (typed, recovered, or taken from another window). */
  drafts: Map<string, string>;
  /** Typed text the database does not hold yet; an entry leaves only once saved (or dropped for theirs). */
  pending: Map<string, string>;
  /** Per field, the stored text this page last saw (read or saved): what a save expects to replace. */
  base: Map<string, string>;
  /** Pending fields not saved until the user acts (insertion order: the order they happened). */
  held: Map<string, Hold>;
  /** Pending fields whose last write failed (and is retried): why. */
  failed: Map<string, string>;
  savedAt: number | null;
}

function newState(): SessionState {
  return {
    drafts: new Map(),
    pending: new Map(),
    base: new Map(),
    held: new Map(),
    failed: new Map(),
    savedAt: null,
  };
}

export function useSessionNotes(
  session: Session | undefined,
  options: SessionNotesOptions = {},
): SessionNotes {
  const sessionId = session?.id ?? null;
  const [, setVersion] = useState(0);
  const rerender = useCallback(() => setVersion((v) => v + 1), []);
  /** By session id: unsaved text stays with the session it was typed in. */
  const store = useRef(new Map<string, SessionState>());
  /** This view's entries in the journal (another tab's are its own). */
  const writer = useJournalWriter();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const idRef = useRef<string | null>(sessionId);
  idRef.current = sessionId;
  const sessionRef = useRef(session);
  sessionRef.current = session;

  const stateOf = (id: string): SessionState => {
    let state = store.current.get(id);
    if (!state) {
      state = newState();
      store.current.set(id, state);
    }
    return state;
  };

  const allSaved = () => [...store.current.values()].every((state) => state.pending.size === 0);

  /** The next pending text to save: not held, and not already failed in this pass. */
  const nextToSave = (failedNow: Set<string>): [string, SessionState, string, string] | null => {
    for (const [id, state] of store.current) {
      for (const [field, text] of state.pending) {
        if (!state.held.has(field) && !failedNow.has(`${id}\n${field}`)) return [id, state, field, text];
      }
    }
    return null;
  };

  /** One pass: each field on its own, until nothing is left that can be saved now. */
  const saveNow = async (): Promise<boolean> => {
    const failedNow = new Set<string>();
    for (let next = nextToSave(failedNow); next; next = nextToSave(failedNow)) {
      const [id, state, field, text] = next;
      try {
        const saveOptions = { expected: state.base.get(field) };
        const saved =
          field === PRIVATE_FIELD
            ? await savePrivateNotes(id, text, undefined, saveOptions)
            : await saveSectionNotes(id, field, text, undefined, saveOptions);
        state.base.set(field, text);
        state.failed.delete(field);
        state.savedAt = saved.updatedAt;
        if (state.pending.get(field) === text) state.pending.delete(field); // else newer text is waiting
        journalSettle(id, field, text, writer);
      } catch (error) {
        if (error instanceof EditConflictError) {
          // Never overwrite another window's text: mine stays on screen (and journalled) until the user picks.
          state.held.set(field, { kind: 'conflict', theirs: error.theirs });
          state.failed.delete(field);
        } else {
          const problem = describeProblem(error);
          if (problem.kind === 'invalid') {
            state.held.set(field, { kind: 'invalid', message: problem.message });
            state.failed.delete(field);
          } else {
            state.failed.set(field, problem.message);
            failedNow.add(`${id}\n${field}`);
          }
        }
      }
      rerender();
    }
    // A session no longer shown, with nothing left to save, is read afresh if it is shown again.
    for (const [id, state] of store.current) {
      if (id !== idRef.current && state.pending.size === 0) store.current.delete(id);
    }
    if (failedNow.size > 0 && timer.current === undefined) {
      timer.current = setTimeout(() => void flushRef.current(), RETRY_MS);
    }
    rerender();
    return allSaved();
  };

  /** Saves run one after another: a save must know what the previous one stored (see `base`). */
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const flush = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const run = chain.current.then(saveNow, saveNow).catch(() => false);
    chain.current = run;
    return run;
  }, []);
  const flushRef = useRef(flush);
  flushRef.current = flush;

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [flush]);

  // A session on screen: recover anything typed in it but never saved (tab closed, Duet reloaded). Text
  // typed over a stored version that has changed since is not saved over it: the user chooses. Leaving the
  // session (another one shown, or unmount) saves what was typed in it, to it.
  useEffect(() => {
    if (session && !store.current.has(session.id)) {
      const state = stateOf(session.id);
      let toSave = false;
      for (const [field, entry] of unsavedJournal(session.id, (f) => savedText(session, f), writer)) {
        const stored = savedText(session, field);
        const changedSince = entry.base !== undefined ? entry.base !== stored : session.updatedAt > entry.at;
        state.drafts.set(field, entry.text);
        state.pending.set(field, entry.text);
        state.base.set(field, stored);
        if (changedSince) state.held.set(field, { kind: 'conflict', theirs: stored });
        else toSave = true;
      }
      if (toSave) schedule();
    }
    rerender();
    return () => void flush();
  }, [sessionId]);

  // Another view (the side panel, another tab) saved a field this page typed in and has nothing unsaved
  // for: show what is stored now, and let the next keystroke replace that (not the older text). Only a
  // write after this page's own last save counts: until the live read catches up with that save, the
  // stored text is merely older than the draft.
  useEffect(() => {
    const state = session ? store.current.get(session.id) : undefined;
    if (!session || !state || session.updatedAt <= (state.savedAt ?? -Infinity)) return;
    let changed = false;
    for (const [field, draft] of state.drafts) {
      if (state.pending.has(field) || state.held.has(field)) continue;
      const stored = savedText(session, field);
      if (stored === draft) continue;
      state.drafts.delete(field);
      state.base.set(field, stored);
      changed = true;
    }
    if (changed) rerender();
  }, [session]);

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [flush]);

  const update = useCallback(
    (field: string, text: string) => {
      const id = idRef.current;
      const current = sessionRef.current;
      if (!id || !current) return;
      const state = stateOf(id);
      // The first keystroke in a field: what is stored now is what this edit replaces.
      if (!state.base.has(field)) state.base.set(field, savedText(current, field));
      journalWrite(id, field, text, Date.now(), state.base.get(field), writer);
      state.drafts.set(field, text);
      state.pending.set(field, text);
      // Edited: worth trying again. (A conflict stays until the user picks; the pick keeps this text.)
      if (state.held.get(field)?.kind === 'invalid') state.held.delete(field);
      rerender();
      schedule();
    },
    [schedule],
  );

  const resolve = useCallback(
    (choice: 'mine' | 'theirs', field?: string) => {
      const id = idRef.current;
      const state = id ? store.current.get(id) : undefined;
      if (!id || !state) return;
      const which = field ?? [...state.held].find(([, hold]) => hold.kind === 'conflict')?.[0];
      const hold = which === undefined ? undefined : state.held.get(which);
      if (which === undefined || hold?.kind !== 'conflict') return;
      state.held.delete(which);
      // Either way, what is stored now (theirs) is what the next save replaces.
      state.base.set(which, hold.theirs);
      if (choice === 'theirs') {
        state.drafts.set(which, hold.theirs);
        state.pending.delete(which);
        state.failed.delete(which);
        journalForget(id, which, writer);
        state.savedAt = Date.now();
        rerender();
        return;
      }
      const mine = state.pending.get(which) ?? state.drafts.get(which) ?? '';
      state.pending.set(which, mine);
      journalWrite(id, which, mine, Date.now(), hold.theirs, writer);
      rerender();
      schedule();
    },
    [schedule],
  );

  const state = sessionId ? store.current.get(sessionId) : undefined;
  const titleOf = (field: string) =>
    field === PRIVATE_FIELD ? t('panel_session_private_short') : (options.titleOf?.(field) ?? field);

  const conflicts: NotesConflict[] = [];
  const errors: NotesError[] = [];
  for (const [field, hold] of state?.held ?? []) {
    if (hold.kind === 'conflict') conflicts.push({ field, theirs: hold.theirs });
    else errors.push({ field, title: titleOf(field), message: hold.message });
  }
  for (const [field, message] of state?.failed ?? []) errors.push({ field, title: titleOf(field), message });

  const text = (field: string) => state?.drafts.get(field) ?? (session ? savedText(session, field) : '');

  return {
    text,
    update,
    flush,
    status: statusOf(state, conflicts, errors),
    conflicts,
    conflict: conflicts[0] ?? null,
    errors,
    resolve,
  };
}

function statusOf(
  state: SessionState | undefined,
  conflicts: NotesConflict[],
  errors: NotesError[],
): SaveStatus {
  const messages: string[] = [];
  if (conflicts.length > 0) messages.push(t('panel_session_conflict'));
  // One sentence per reason, naming every section it holds back.
  const byMessage = new Map<string, string[]>();
  for (const error of errors) {
    const name = t('panel_session_field_name', error.title);
    const invalid = state?.held.get(error.field)?.kind === 'invalid';
    if (invalid) messages.push(t('panel_session_invalid_field', name, error.message));
    else byMessage.set(error.message, [...(byMessage.get(error.message) ?? []), name]);
  }
  for (const [message, names] of byMessage)
    messages.push(t('panel_session_not_saved', names.join(', '), message));
  if (messages.length > 0) return { kind: 'error', message: messages.join(' ') };
  if (state && state.pending.size > 0) return { kind: 'pending' };
  if (state?.savedAt != null) return { kind: 'saved', at: state.savedAt };
  return { kind: 'idle' };
}
