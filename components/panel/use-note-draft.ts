/**
 * The note being written for one Calendar event: loads it, saves as you type (debounced, one save at a
 * time), and flushes on blur, `pagehide` and when the panel is hidden. Another event opened shows its own
 * note at once: the previous one's save goes on by itself (a hung save never holds the next note up). A failed save keeps the text, says
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
import { unlessBlocked } from '@/lib/db/database';
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

/**
 * One event's note as this view holds it. Its saves run one after another, each expecting what the previous
 * one stored (`base`); another event's note never waits for them.
 */
interface Note {
  target: NoteTarget;
  /** The stored text this page last saw: a save never overwrites anything else (another window's edit). */
  base: string | undefined;
  /** Typed text not handed to a save yet. */
  pending: { target: NoteTarget; text: string } | null;
  chain: Promise<void>;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const sameField = (a: NoteTarget, b: NoteTarget) =>
  journalId(a) === journalId(b) && journalField(a) === journalField(b);

export function useNoteDraft(target: NoteTarget | null) {
  const key = target?.eventKey ?? null;
  const [text, setText] = useState('');
  const [status, setStatus] = useState<SaveStatus>({ kind: 'loading' });
  const [theirs, setTheirs] = useState<string | null>(null);
  /** The event `text`, `status` and `theirs` are about: until its note is set up, another event's are not shown. */
  const [shownFor, setShownFor] = useState<string | null>(key);
  /** The note on screen (null: none yet, or no event). */
  const note = useRef<Note | null>(null);
  /** This view's entries in the journal (another tab's are its own). */
  const writer = useJournalWriter();

  const shown = (n: Note) => note.current === n;
  /**
   * A note no longer shown still saves what was typed in it, but leaves the journal to the note on screen
   * when that is the same one (opened again): its entry is newer.
   */
  const journals = (n: Note) => {
    const current = note.current;
    return current === null || current === n || !sameField(current.target, n.target);
  };

  const flushNote = (n: Note): Promise<void> => {
    clearTimeout(n.timer);
    n.timer = undefined;
    n.chain = n.chain.then(
      () => saveNow(n),
      () => saveNow(n),
    );
    return n.chain;
  };
  const flush = useCallback(
    (): Promise<void> => (note.current ? flushNote(note.current) : Promise.resolve()),
    [],
  );

  const saveNow = async (n: Note): Promise<void> => {
    const draft = n.pending;
    if (!draft) return;
    try {
      // Unknown (the note could not be read): expect no note, so a stored one is shown, not overwritten.
      const expected = n.base ?? '';
      const saved = await unlessBlocked((db) => saveEventNote(draft.target, draft.text, db, { expected }));
      n.base = draft.text;
      if (n.pending === draft) {
        n.pending = null;
        forgetUnsaved(draft.target, draft.text, writer);
        if (shown(n)) setStatus({ kind: 'saved', at: saved.updatedAt });
      } else if (n.pending && journals(n)) {
        // Newer text waits for the next save: it now replaces what this one stored.
        keepUnsaved(n.pending.target, n.pending.text, n.base, writer);
      }
    } catch (error) {
      // Not saved: the text stays on screen and journalled (again, in case another window wrote over it),
      // unless the user took the other window's version meanwhile.
      const unsaved = n.pending;
      if (unsaved && journals(n)) keepUnsaved(unsaved.target, unsaved.text, n.base, writer);
      if (error instanceof EditConflictError) {
        // Another window saved this note meanwhile: keep mine on screen, show theirs, let the user pick.
        if (n.pending === draft) n.pending = null;
        if (shown(n)) {
          setTheirs(error.theirs);
          setStatus({ kind: 'error', message: t('panel_note_conflict') });
        }
        return;
      }
      // Another event is on screen: what did not save stays journalled for when this one is opened again.
      if (!shown(n)) return;
      const problem = describeProblem(error);
      setStatus({ kind: 'error', message: problem.message });
      if (problem.kind === 'updated' && claimReloadForUpdate()) {
        // Duet's database moved to a newer version: keep the draft and reload onto the new code.
        stashDraft(draft.target.eventKey, unsaved?.text ?? draft.text);
        location.reload();
        return;
      }
      // An invalid note will not become valid by waiting (it stays journalled); everything else is retried.
      if (problem.kind !== 'invalid') n.timer = setTimeout(() => void flush(), RETRY_MS);
    }
  };

  /** Puts back text that was never saved (journalled, or stashed before a reload), and saves it. */
  const restore = (n: Note, mine: string, replaces: string | undefined) => {
    setText(mine);
    n.base = replaces;
    n.pending = { target: n.target, text: mine };
    keepUnsaved(n.target, mine, replaces, writer);
  };

  // Load the note whenever the panel switches to another event. The previous event's text is saved on its
  // own (journalled until the database holds it): the box empties at once, and this note never waits for
  // that save (which may hang, as during a blocked upgrade).
  useEffect(() => {
    const previous = note.current;
    note.current = null;
    if (previous) void flushNote(previous);
    setText('');
    setTheirs(null);
    setStatus({ kind: 'loading' });
    setShownFor(key);
    if (!target) return;
    const n: Note = { target, base: undefined, pending: null, chain: Promise.resolve(), timer: undefined };
    note.current = n;
    let cancelled = false;
    void (async () => {
      const stashed = takeDraft(target.eventKey);
      let journalled = readUnsaved(target, writer);
      let mine = stashed ?? journalled?.mine ?? null;
      try {
        const found = await unlessBlocked((db) =>
          getEventNote(target.eventKey, db, target.relationshipId, target.guestEmails),
        );
        if (cancelled) return;
        const stored = found?.text ?? '';
        if (journalled === null && found !== undefined) {
          journalled = adoptUnfiled(target, stored, writer);
          mine = stashed ?? journalled?.mine ?? null;
        }
        if (mine === null || mine === stored) {
          if (mine !== null) forgetUnsaved(target, mine, writer);
          setText(stored);
          n.base = stored;
          setStatus(found?.text ? { kind: 'saved', at: found.updatedAt } : { kind: 'idle' });
          return;
        }
        // Saved only if the note still holds what this text replaced (unknown if it was typed while the
        // note could not be read: then only over no note); else the conflict is shown again, and a note
        // too long to save says so again. A draft stashed before a reload that the journal lacks (storage
        // full) replaces what is stored, as it always did.
        restore(n, mine, journalled ? (journalled.base ?? undefined) : stored);
        setStatus({ kind: 'pending' });
        await flushNote(n);
      } catch (error) {
        if (cancelled) return;
        // The database is unavailable: text that was never saved still goes back on screen, and is retried.
        if (mine !== null) {
          restore(n, mine, journalled?.base ?? undefined);
          n.timer = setTimeout(() => void flush(), RETRY_MS);
        }
        setStatus({ kind: 'error', message: describeProblem(error).message });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [key, flush]);

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
      const n = note.current;
      // This event's note is not set up yet (the box is disabled meanwhile): nothing to type into.
      if (target && n?.target.eventKey !== target.eventKey) return;
      setText(next);
      if (!target || !n) return;
      // Journalled before the (debounced, asynchronous) save: closing the tab meanwhile loses nothing.
      keepUnsaved(target, next, n.base, writer);
      n.pending = { target, text: next };
      setStatus({ kind: 'pending' });
      clearTimeout(n.timer);
      n.timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [target, flush],
  );

  /** After a conflict: keep mine (overwrites theirs) or take theirs. */
  const resolve = (choice: 'mine' | 'theirs') => {
    const n = note.current;
    if (theirs === null || !n) return;
    // Either way, what is stored now (theirs) is what the next save replaces.
    n.base = theirs;
    setTheirs(null);
    if (choice === 'theirs') {
      n.pending = null;
      if (target) forgetUnsaved(target, text, writer);
      setText(theirs);
      setStatus({ kind: 'saved', at: Date.now() });
      return;
    }
    if (target) {
      n.pending = { target, text };
      keepUnsaved(target, text, theirs, writer);
    }
    setStatus({ kind: 'pending' });
    void flush();
  };

  // Rendered for another event than the one set up (the first render after a switch): nothing of the
  // previous event's note, not even for one frame.
  if (shownFor !== key) return { text: '', status: LOADING, update, flush, theirs: null, resolve };
  return { text, status, update, flush, theirs, resolve };
}

const LOADING: SaveStatus = { kind: 'loading' };
