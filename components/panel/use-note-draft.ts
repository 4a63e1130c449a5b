/**
 * The note being written for one Calendar event: loads it, saves as you type (debounced, one save at a
 * time), and flushes on blur, `pagehide` and when the panel is hidden. A failed save keeps the text, says
 * why, and retries. If another window saved the note since this one last saw it, nothing is overwritten:
 * both versions are shown and the user picks.
 *
 * Until the database holds it, what the user typed is also journalled (components/shared/note-journal.ts, the
 * extension origin's localStorage, as live-session notes are): a conflict left undecided, a note too long
 * to save or a save the tab did not live to finish comes back, with its conflict or error, the next time
 * this event's notes are opened.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { EditConflictError, type EventRef, getEventNote, saveEventNote } from '@/lib/db';
import { t } from '@/lib/i18n';
import { claimReloadForUpdate, stashDraft, takeDraft } from '../shared/draft-stash';
import {
  adoptEntry,
  mayTakeOver,
  type JournalWriter,
  journalSettle,
  journalWrite,
  readJournal,
} from '../shared/note-journal';
import { useJournalWriter } from '../shared/use-journal-writer';
import { describeProblem } from './storage-text';

export const SAVE_DELAY_MS = 300;
const RETRY_MS = 5000;

export type SaveStatus =
  | { kind: 'loading' }
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saved'; at: number }
  | { kind: 'error'; message: string };

export type NoteTarget = EventRef;

export function describeSaveError(error: unknown): string {
  return describeProblem(error).message;
}

/**
 * Unsaved text, journalled per event and per 1:1 (one 1:1's text never goes into another's note) with the
 * stored text it replaces (`base`; absent when unknown: the database could not be read).
 */
interface Unsaved {
  mine: string;
  base: string | null;
}

const journalId = (target: NoteTarget) => `calendar:${target.eventKey}`;
/** Text typed while the panel knew no 1:1 for the event. */
const UNFILED = '-';
const journalField = (target: NoteTarget) => target.relationshipId ?? UNFILED;

/**
 * The newest unsaved text for this event and 1:1, of any view; another view's (a tab closed before it saved)
 * is taken over by this one (`writer`), so it is saved, or forgotten, from here.
 */
function readUnsaved(target: NoteTarget, writer: JournalWriter): Unsaved | null {
  const field = journalField(target);
  const entry = readJournal(journalId(target))[field];
  // Another view's, typed moments ago in a view still open: that view saves it (`mayTakeOver`).
  if (!entry || !mayTakeOver(entry, writer)) return null;
  if (entry.writer !== writer) adoptEntry(journalId(target), { field, entry }, field, writer);
  return { mine: entry.text, base: entry.base ?? null };
}

/**
 * Text typed while the event had no 1:1, that this 1:1's note now holds the rest of: notes written before
 * the meeting was a 1:1 went into the session that made it one, whose note is what that text was typed
 * over (or that very text). Filed under the 1:1 from now on. Else null (kept for where it was typed).
 */
function adoptUnfiled(target: NoteTarget, stored: string, writer: JournalWriter): Unsaved | null {
  if (!target.relationshipId) return null;
  const entry = readJournal(journalId(target))[UNFILED];
  if (!entry || (entry.base !== stored && entry.text !== stored) || !mayTakeOver(entry, writer)) return null;
  adoptEntry(journalId(target), { field: UNFILED, entry }, target.relationshipId, writer);
  return { mine: entry.text, base: entry.base ?? null };
}

function keepUnsaved(
  target: NoteTarget,
  mine: string,
  base: string | undefined,
  writer: JournalWriter,
): void {
  journalWrite(journalId(target), journalField(target), mine, Date.now(), base, writer);
}

/** The database now holds `text`: forget the journalled text if it is that (not if newer text was typed). */
function forgetUnsaved(target: NoteTarget, text: string, writer: JournalWriter): void {
  journalSettle(journalId(target), journalField(target), text, writer);
}

export function useNoteDraft(target: NoteTarget | null) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<SaveStatus>({ kind: 'loading' });
  const pending = useRef<{ target: NoteTarget; text: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The stored text this page last saw: a save never overwrites anything else (another window's edit). */
  const base = useRef<string | undefined>(undefined);
  const [theirs, setTheirs] = useState<string | null>(null);
  /** This view's entries in the journal (another tab's are its own). */
  const writer = useJournalWriter();

  /** Saves run one after another: each expects what the previous one stored (see `base`). */
  const chain = useRef<Promise<void>>(Promise.resolve());
  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    chain.current = chain.current.then(saveNow, saveNow);
    return chain.current;
  }, []);

  const saveNow = async (): Promise<void> => {
    const draft = pending.current;
    if (!draft) return;
    try {
      // Unknown (the note could not be read): expect no note, so a stored one is shown, not overwritten.
      const expected = base.current ?? '';
      const saved = await saveEventNote(draft.target, draft.text, undefined, { expected });
      base.current = draft.text;
      if (pending.current === draft) {
        pending.current = null;
        forgetUnsaved(draft.target, draft.text, writer);
        setStatus({ kind: 'saved', at: saved.updatedAt });
      } else if (pending.current) {
        // Newer text waits for the next save: it now replaces what this one stored.
        keepUnsaved(pending.current.target, pending.current.text, base.current, writer);
      }
    } catch (error) {
      // Not saved: the text stays on screen and journalled (again, in case another window wrote over it),
      // unless the user took the other window's version meanwhile.
      const unsaved = pending.current;
      if (unsaved) keepUnsaved(unsaved.target, unsaved.text, base.current, writer);
      if (error instanceof EditConflictError) {
        // Another window saved this note meanwhile: keep mine on screen, show theirs, let the user pick.
        if (pending.current === draft) pending.current = null;
        setTheirs(error.theirs);
        setStatus({ kind: 'error', message: t('panel_note_conflict') });
        return;
      }
      const problem = describeProblem(error);
      setStatus({ kind: 'error', message: problem.message });
      if (problem.kind === 'updated' && claimReloadForUpdate()) {
        // Duet's database moved to a newer version: keep the draft and reload onto the new code.
        stashDraft(draft.target.eventKey, unsaved?.text ?? draft.text);
        location.reload();
        return;
      }
      // An invalid note will not become valid by waiting (it stays journalled); everything else is retried.
      if (problem.kind !== 'invalid') timer.current = setTimeout(() => void flush(), RETRY_MS);
    }
  };

  /** Puts back text that was never saved (journalled, or stashed before a reload), and saves it. */
  const restore = (to: NoteTarget, mine: string, replaces: string | undefined) => {
    setText(mine);
    base.current = replaces;
    pending.current = { target: to, text: mine };
    keepUnsaved(to, mine, replaces, writer);
  };

  // Load the note whenever the panel switches to another event (saving the previous one first).
  useEffect(() => {
    let cancelled = false;
    setStatus({ kind: 'loading' });
    if (!target) return;
    void flush().then(async () => {
      // What did not save for the previous event stays journalled for when it is opened again.
      clearTimeout(timer.current);
      timer.current = undefined;
      pending.current = null;
      setTheirs(null);
      const stashed = takeDraft(target.eventKey);
      let journalled = readUnsaved(target, writer);
      let mine = stashed ?? journalled?.mine ?? null;
      try {
        const note = await getEventNote(
          target.eventKey,
          undefined,
          target.relationshipId,
          target.guestEmails,
        );
        if (cancelled) return;
        const stored = note?.text ?? '';
        if (journalled === null && note !== undefined) {
          journalled = adoptUnfiled(target, stored, writer);
          mine = stashed ?? journalled?.mine ?? null;
        }
        if (mine === null || mine === stored) {
          if (mine !== null) forgetUnsaved(target, mine, writer);
          setText(stored);
          base.current = stored;
          setStatus(note?.text ? { kind: 'saved', at: note.updatedAt } : { kind: 'idle' });
          return;
        }
        // Saved only if the note still holds what this text replaced (unknown if it was typed while the
        // note could not be read: then only over no note); else the conflict is shown again, and a note
        // too long to save says so again. A draft stashed before a reload that the journal lacks (storage
        // full) replaces what is stored, as it always did.
        restore(target, mine, journalled ? (journalled.base ?? undefined) : stored);
        setStatus({ kind: 'pending' });
        await flush();
      } catch (error) {
        if (cancelled) return;
        // The database is unavailable: text that was never saved still goes back on screen, and is retried.
        if (mine !== null) {
          restore(target, mine, journalled?.base ?? undefined);
          timer.current = setTimeout(() => void flush(), RETRY_MS);
        }
        setStatus({ kind: 'error', message: describeProblem(error).message });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [target?.eventKey, flush]);

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
      // Unmounting: save what is pending now rather than on a timer that would outlive the panel.
      void flush();
    };
  }, [flush]);

  const update = useCallback(
    (next: string) => {
      setText(next);
      if (!target) return;
      // Journalled before the (debounced, asynchronous) save: closing the tab meanwhile loses nothing.
      keepUnsaved(target, next, base.current, writer);
      pending.current = { target, text: next };
      setStatus({ kind: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [target, flush],
  );

  /** After a conflict: keep mine (overwrites theirs) or take theirs. */
  const resolve = (choice: 'mine' | 'theirs') => {
    if (theirs === null) return;
    // Either way, what is stored now (theirs) is what the next save replaces.
    base.current = theirs;
    setTheirs(null);
    if (choice === 'theirs') {
      pending.current = null;
      if (target) forgetUnsaved(target, text, writer);
      setText(theirs);
      setStatus({ kind: 'saved', at: Date.now() });
      return;
    }
    if (target) {
      pending.current = { target, text };
      keepUnsaved(target, text, theirs, writer);
    }
    setStatus({ kind: 'pending' });
    void flush();
  };

  return { text, status, update, flush, theirs, resolve };
}
