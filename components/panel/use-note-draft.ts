/**
 * The note being written for one event: loads it, saves as you type (debounced), and flushes on
 * blur, `pagehide` and when the panel is hidden. A failed save keeps the text and says why.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { getNote, type NoteDraft, saveNote } from '@/lib/db';

export const SAVE_DELAY_MS = 300;

export type SaveStatus =
  | { kind: 'loading' }
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saved'; at: number }
  | { kind: 'error'; message: string };

export interface NoteTarget {
  eventKey: string;
  seriesKey: string;
  title: string;
}

export function describeSaveError(error: unknown): string {
  if (error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message))) {
    return 'Your browser is out of storage space for Duet. Your text is still here; free some space and it will save.';
  }
  if (error instanceof Error && error.name === 'InvalidNoteError')
    return `This note can't be saved: ${error.message}`;
  return "Couldn't save just now. Your text is still here and Duet will retry.";
}

export function useNoteDraft(target: NoteTarget | null) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<SaveStatus>({ kind: 'loading' });
  const pending = useRef<NoteDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const draft = pending.current;
    if (!draft) return;
    try {
      const saved = await saveNote(draft);
      if (pending.current === draft) pending.current = null;
      setStatus({ kind: 'saved', at: saved.updatedAt });
    } catch (error) {
      setStatus({ kind: 'error', message: describeSaveError(error) });
      timer.current = setTimeout(() => void flush(), 5000);
    }
  }, []);

  // Load the note whenever the panel switches to another event (saving the previous one first).
  useEffect(() => {
    let cancelled = false;
    setStatus({ kind: 'loading' });
    if (!target) return;
    void flush().then(async () => {
      const note = await getNote(target.eventKey);
      if (cancelled) return;
      setText(note?.text ?? '');
      setStatus(note ? { kind: 'saved', at: note.updatedAt } : { kind: 'idle' });
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
    };
  }, [flush]);

  const update = useCallback(
    (next: string) => {
      setText(next);
      if (!target) return;
      pending.current = { ...target, text: next };
      setStatus({ kind: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [target?.eventKey, target?.seriesKey, target?.title, flush],
  );

  return { text, status, update, flush };
}
