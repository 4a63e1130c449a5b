/**
 * The notes of a live session, per template section plus private notes: shown at once, journalled on
 * every keystroke (./note-journal.ts), saved to the database within SAVE_DELAY_MS of typing, and flushed
 * on blur, `pagehide`, when the page is hidden, when the call ends and on unmount. A failed save keeps
 * the text on screen and in the journal, says why, and retries. If another tab saved the same field since
 * this one last saw it, nothing is overwritten: both versions are shown and the user picks.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { EditConflictError, savePrivateNotes, saveSectionNotes } from '@/lib/db';
import type { Session } from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import { describeProblem } from '../storage-text';
import type { SaveStatus } from '../use-note-draft';
import { journalSettle, journalWrite, unsavedEntries } from './note-journal';

export const SAVE_DELAY_MS = 300;
const RETRY_MS = 4000;
/** The field id of the private notes (section ids never contain a colon-free "private" of their own). */
export const PRIVATE_FIELD = ':private';

function savedText(session: Session, field: string): string {
  return field === PRIVATE_FIELD ? session.privateNotes : (session.notes[field] ?? '');
}

/** Another window saved this field meanwhile: `theirs` is what it saved; the draft on screen is mine. */
export type NotesConflict = { field: string; theirs: string };

export interface SessionNotes {
  text: (field: string) => string;
  update: (field: string, text: string) => void;
  flush: () => Promise<void>;
  status: SaveStatus;
  conflict: NotesConflict | null;
  /** Resolve the conflict: keep what I typed (overwrites theirs) or take theirs. */
  resolve: (choice: 'mine' | 'theirs') => void;
}

export function useSessionNotes(session: Session | undefined): SessionNotes {
  const sessionId = session?.id ?? null;
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const pending = useRef(new Map<string, string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const idRef = useRef<string | null>(sessionId);
  idRef.current = sessionId;
  /** Per field, the stored text this page last saw (read or saved): what a save expects to replace. */
  const base = useRef(new Map<string, string>());
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const [conflict, setConflict] = useState<NotesConflict | null>(null);

  /** Saves run one after another: a save must know what the previous one stored (see `base`). */
  const chain = useRef<Promise<void>>(Promise.resolve());
  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    chain.current = chain.current.then(saveNow, saveNow);
    return chain.current;
  }, []);

  const saveNow = async (): Promise<void> => {
    const id = idRef.current;
    if (!id || pending.current.size === 0) return;
    const batch = [...pending.current];
    pending.current.clear();
    let saving = '';
    try {
      let savedAt = 0;
      for (const [field, text] of batch) {
        saving = field;
        const options = { expected: base.current.get(field) };
        const saved =
          field === PRIVATE_FIELD
            ? await savePrivateNotes(id, text, undefined, options)
            : await saveSectionNotes(id, field, text, undefined, options);
        savedAt = saved.updatedAt;
        base.current.set(field, text);
        journalSettle(id, field, text);
      }
      if (pending.current.size === 0) setStatus({ kind: 'saved', at: savedAt });
    } catch (error) {
      // Put back what did not land (unless newer text was typed meanwhile).
      for (const [field, text] of batch) if (!pending.current.has(field)) pending.current.set(field, text);
      if (error instanceof EditConflictError) {
        // Never overwrite another window's text: mine stays on screen (and journalled) until the user picks.
        pending.current.delete(saving);
        setConflict({ field: saving, theirs: error.theirs });
        setStatus({ kind: 'error', message: t('panel_session_conflict') });
        if (pending.current.size > 0) timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
        return;
      }
      const problem = describeProblem(error);
      setStatus({ kind: 'error', message: problem.message });
      if (problem.kind !== 'invalid') timer.current = setTimeout(() => void flush(), RETRY_MS);
    }
  };

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [flush]);

  // A new session on screen: recover anything typed but never saved (tab closed, Duet reloaded).
  useEffect(() => {
    setDrafts({});
    setConflict(null);
    base.current.clear();
    if (!session) return;
    const recovered = unsavedEntries(session.id, (field) => savedText(session, field));
    if (recovered.length === 0) return;
    for (const [field] of recovered) base.current.set(field, savedText(session, field));
    setDrafts(Object.fromEntries(recovered));
    for (const [field, text] of recovered) pending.current.set(field, text);
    setStatus({ kind: 'pending' });
    schedule();
  }, [sessionId]);

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
      void flush();
    };
  }, [flush]);

  const update = useCallback(
    (field: string, text: string) => {
      const id = idRef.current;
      if (!id) return;
      // The first keystroke in a field: what is stored now is what this edit replaces.
      if (!base.current.has(field) && sessionRef.current) {
        base.current.set(field, savedText(sessionRef.current, field));
      }
      journalWrite(id, field, text);
      pending.current.set(field, text);
      setDrafts((current) => ({ ...current, [field]: text }));
      setStatus({ kind: 'pending' });
      schedule();
    },
    [schedule],
  );

  const text = (field: string) => drafts[field] ?? (session ? savedText(session, field) : '');

  const resolve = useCallback(
    (choice: 'mine' | 'theirs') => {
      const id = idRef.current;
      if (!conflict || !id) return;
      const { field, theirs } = conflict;
      // Either way, what is stored now (theirs) is what the next save replaces.
      base.current.set(field, theirs);
      setConflict(null);
      if (choice === 'theirs') {
        setDrafts((current) => ({ ...current, [field]: theirs }));
        journalSettle(id, field, drafts[field] ?? '');
        setStatus({ kind: 'saved', at: Date.now() });
        return;
      }
      pending.current.set(field, drafts[field] ?? '');
      setStatus({ kind: 'pending' });
      schedule();
    },
    [conflict, drafts, schedule],
  );

  return { text, update, flush, status, conflict, resolve };
}
