/**
 * The note being written for one Calendar event: loads it, saves as you type (debounced), and flushes
 * on blur, `pagehide` and when the panel is hidden. A failed save keeps the text, says why, and retries.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { EditConflictError, type EventRef, getEventNote, saveEventNote } from '@/lib/db';
import { t } from '@/lib/i18n';
import { claimReloadForUpdate, stashDraft, takeDraft } from '../shared/draft-stash';
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

export function useNoteDraft(target: NoteTarget | null) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<SaveStatus>({ kind: 'loading' });
  const pending = useRef<{ target: NoteTarget; text: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The stored text this page last saw: a save never overwrites anything else (another window's edit). */
  const base = useRef<string | undefined>(undefined);
  const [theirs, setTheirs] = useState<string | null>(null);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const draft = pending.current;
    if (!draft) return;
    try {
      const saved = await saveEventNote(draft.target, draft.text, undefined, { expected: base.current });
      base.current = draft.text;
      if (pending.current === draft) {
        pending.current = null;
        setStatus({ kind: 'saved', at: saved.updatedAt });
      }
    } catch (error) {
      if (error instanceof EditConflictError) {
        // Another window saved this note meanwhile: keep mine on screen, show theirs, let the user pick.
        setTheirs(error.theirs);
        setStatus({ kind: 'error', message: t('panel_note_conflict') });
        return;
      }
      const problem = describeProblem(error);
      setStatus({ kind: 'error', message: problem.message });
      if (problem.kind === 'updated' && claimReloadForUpdate()) {
        // Duet's database moved to a newer version: keep the draft and reload onto the new code.
        stashDraft(draft.target.eventKey, draft.text);
        location.reload();
        return;
      }
      // An invalid note will not become valid by waiting; everything else is retried.
      if (problem.kind !== 'invalid') timer.current = setTimeout(() => void flush(), RETRY_MS);
    }
  }, []);

  /** Puts back a draft saved away before a reload, and saves it. */
  const restore = (stashed: string) => {
    if (!target) return;
    setText(stashed);
    pending.current = { target, text: stashed };
    setStatus({ kind: 'pending' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };

  // Load the note whenever the panel switches to another event (saving the previous one first).
  useEffect(() => {
    let cancelled = false;
    setStatus({ kind: 'loading' });
    if (!target) return;
    void flush().then(async () => {
      const stashed = takeDraft(target.eventKey);
      try {
        const note = await getEventNote(target.eventKey, undefined, target.relationshipId);
        if (cancelled) return;
        if (stashed !== null && stashed !== (note?.text ?? '')) {
          restore(stashed);
          return;
        }
        setText(note?.text ?? '');
        base.current = note?.text ?? '';
        setStatus(note?.text ? { kind: 'saved', at: note.updatedAt } : { kind: 'idle' });
      } catch (error) {
        if (cancelled) return;
        // The database is unavailable: a draft saved away before a reload still goes back on screen.
        if (stashed !== null) restore(stashed);
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
      pending.current = { target, text: next };
      setStatus({ kind: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [target?.eventKey, target?.seriesKey, target?.title, flush],
  );

  /** After a conflict: keep mine (overwrites theirs) or take theirs. */
  const resolve = (choice: 'mine' | 'theirs') => {
    if (theirs === null) return;
    base.current = theirs;
    setTheirs(null);
    if (choice === 'theirs') {
      pending.current = null;
      setText(theirs);
      setStatus({ kind: 'saved', at: Date.now() });
      return;
    }
    if (target) pending.current = { target, text };
    setStatus({ kind: 'pending' });
    void flush();
  };

  return { text, status, update, flush, theirs, resolve };
}
