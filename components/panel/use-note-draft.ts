/**
 * The note being written for one Calendar event: loads it, saves as you type (debounced), and flushes
 * on blur, `pagehide` and when the panel is hidden. A failed save keeps the text, says why, and retries.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { describeStorageProblem, type EventRef, getEventNote, saveEventNote } from '@/lib/db';
import { stashDraft, takeDraft } from '../shared/draft-stash';

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
  return describeStorageProblem(error).message;
}

export function useNoteDraft(target: NoteTarget | null) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<SaveStatus>({ kind: 'loading' });
  const pending = useRef<{ target: NoteTarget; text: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const draft = pending.current;
    if (!draft) return;
    try {
      const saved = await saveEventNote(draft.target, draft.text);
      if (pending.current === draft) {
        pending.current = null;
        setStatus({ kind: 'saved', at: saved.updatedAt });
      }
    } catch (error) {
      const problem = describeStorageProblem(error);
      setStatus({ kind: 'error', message: problem.message });
      if (problem.kind === 'updated') {
        // Duet's database moved to a newer version: keep the draft and reload onto the new code.
        stashDraft(draft.target.eventKey, draft.text);
        location.reload();
        return;
      }
      timer.current = setTimeout(() => void flush(), RETRY_MS);
    }
  }, []);

  // Load the note whenever the panel switches to another event (saving the previous one first).
  useEffect(() => {
    let cancelled = false;
    setStatus({ kind: 'loading' });
    if (!target) return;
    void flush().then(async () => {
      try {
        const note = await getEventNote(target.eventKey);
        if (cancelled) return;
        const stashed = takeDraft(target.eventKey);
        if (stashed !== null && stashed !== (note?.text ?? '')) {
          // A draft saved away before a reload: put it back and save it.
          setText(stashed);
          pending.current = { target, text: stashed };
          setStatus({ kind: 'pending' });
          timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
          return;
        }
        setText(note?.text ?? '');
        setStatus(note?.text ? { kind: 'saved', at: note.updatedAt } : { kind: 'idle' });
      } catch (error) {
        if (!cancelled) setStatus({ kind: 'error', message: describeStorageProblem(error).message });
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
    };
  }, [flush]);

  const update = useCallback(
    (next: string) => {
      setText(next);
      if (!target) return;
      pending.current = { target, text: next };
      setStatus({ kind: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [target?.eventKey, target?.seriesKey, target?.title, flush],
  );

  return { text, status, update, flush };
}
