/**
 * The notes of a live session, per template section plus private notes: shown at once, journalled on
 * every keystroke (./note-journal.ts), saved to the database within SAVE_DELAY_MS of typing, and flushed
 * on blur, `pagehide`, when the page is hidden, when the call ends and on unmount. A failed save keeps
 * the text on screen and in the journal, says why, and retries.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { describeStorageProblem, savePrivateNotes, saveSectionNotes } from '@/lib/db';
import type { Session } from '@/lib/domain/model';
import type { SaveStatus } from '../use-note-draft';
import { journalSettle, journalWrite, unsavedEntries } from './note-journal';

export const SAVE_DELAY_MS = 300;
const RETRY_MS = 4000;
/** The field id of the private notes (section ids never contain a colon-free "private" of their own). */
export const PRIVATE_FIELD = ':private';

function savedText(session: Session, field: string): string {
  return field === PRIVATE_FIELD ? session.privateNotes : (session.notes[field] ?? '');
}

export interface SessionNotes {
  text: (field: string) => string;
  update: (field: string, text: string) => void;
  flush: () => Promise<void>;
  status: SaveStatus;
}

export function useSessionNotes(session: Session | undefined): SessionNotes {
  const sessionId = session?.id ?? null;
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const pending = useRef(new Map<string, string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const idRef = useRef<string | null>(sessionId);
  idRef.current = sessionId;

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const id = idRef.current;
    if (!id || pending.current.size === 0) return;
    const batch = [...pending.current];
    pending.current.clear();
    try {
      let savedAt = 0;
      for (const [field, text] of batch) {
        const saved =
          field === PRIVATE_FIELD
            ? await savePrivateNotes(id, text)
            : await saveSectionNotes(id, field, text);
        savedAt = saved.updatedAt;
        journalSettle(id, field, text);
      }
      if (pending.current.size === 0) setStatus({ kind: 'saved', at: savedAt });
    } catch (error) {
      // Put back what did not land (unless newer text was typed meanwhile) and try again later.
      for (const [field, text] of batch) if (!pending.current.has(field)) pending.current.set(field, text);
      const problem = describeStorageProblem(error);
      setStatus({ kind: 'error', message: problem.message });
      if (problem.kind !== 'invalid') timer.current = setTimeout(() => void flush(), RETRY_MS);
    }
  }, []);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [flush]);

  // A new session on screen: recover anything typed but never saved (tab closed, Duet reloaded).
  useEffect(() => {
    setDrafts({});
    if (!session) return;
    const recovered = unsavedEntries(session.id, (field) => savedText(session, field));
    if (recovered.length === 0) return;
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
      journalWrite(id, field, text);
      pending.current.set(field, text);
      setDrafts((current) => ({ ...current, [field]: text }));
      setStatus({ kind: 'pending' });
      schedule();
    },
    [schedule],
  );

  const text = (field: string) => drafts[field] ?? (session ? savedText(session, field) : '');

  return { text, update, flush, status };
}
