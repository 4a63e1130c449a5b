/**
 * What is typed in a session's one-line boxes (an agreement, an agenda point, feedback, a career step) before
 * it is added: kept by the session view, so it survives the boxes going away — hidden while presenting,
 * behind the summary when the call ends — and the view can tell that something is still being typed.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { ActionResult } from '../calendar/view-types';

/** Where a session's box texts are kept (the notes journal's storage; "Delete everything" clears it). */
const STORAGE_PREFIX = 'duet-journal:boxes:';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Box id → its text (only boxes with text). Also written synchronously to the extension origin's
 * localStorage under the session, like the notes journal: feedback or an agreement half-typed when the tab
 * closes or Duet reloads is back in its box when the session is opened again.
 */
export class KeptDrafts extends Map<string, string> {
  constructor(private readonly sessionId: string | null = null) {
    super();
    if (!sessionId) return;
    try {
      const raw = storage()?.getItem(STORAGE_PREFIX + sessionId);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      if (parsed && typeof parsed === 'object')
        for (const [box, text] of Object.entries(parsed))
          if (typeof text === 'string' && text !== '') super.set(box, text);
    } catch {
      // Unreadable: the boxes start empty.
    }
  }

  override set(box: string, text: string): this {
    super.set(box, text);
    this.persist(box, text);
    return this;
  }

  override delete(box: string): boolean {
    const had = super.delete(box);
    if (had) this.persist(box, null);
    return had;
  }

  /**
   * Writes this one box to what is stored (read afresh): another view of the session (the side panel beside
   * the in-page one) keeps its other boxes.
   */
  private persist(box: string, text: string | null): void {
    if (!this.sessionId) return;
    const store = storage();
    if (!store) return;
    const key = STORAGE_PREFIX + this.sessionId;
    try {
      const raw = store.getItem(key);
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      const stored: Record<string, string> =
        parsed && typeof parsed === 'object' ? { ...(parsed as Record<string, string>) } : {};
      if (text === null) delete stored[box];
      else stored[box] = text;
      if (Object.keys(stored).length === 0) store.removeItem(key);
      else store.setItem(key, JSON.stringify(stored));
    } catch {
      // Unreadable or full: the text stays on screen.
    }
  }
}

export const KeptDraftsContext = createContext<KeptDrafts | null>(null);

/** `useState('')` for a box's text, kept in the session view's drafts under `id`. */
export function useKeptDraft(id: string) {
  const drafts = useContext(KeptDraftsContext);
  const [text, setText] = useState(() => drafts?.get(id) ?? '');
  useEffect(() => {
    if (!drafts) return;
    if (text === '') drafts.delete(id);
    else drafts.set(id, text);
  }, [drafts, id, text]);
  return [text, setText] as const;
}

/** Whether any of these boxes (those the session view has now) still holds typed text. */
export const typingIn = (drafts: KeptDrafts, boxes: readonly string[]): boolean =>
  boxes.some((box) => (drafts.get(box) ?? '').trim() !== '');

/**
 * A box whose text is added with a button or Enter: its kept text, what went wrong, and `add`. An empty box
 * says `emptyMessage` (or nothing); only what was added leaves the box (text typed while it was saving stays).
 */
export function useAddBox(id: string, onAdd: (text: string) => Promise<ActionResult>, emptyMessage?: string) {
  const [text, setText] = useKeptDraft(id);
  const [error, setError] = useState<string | null>(null);
  const add = async (event?: Event) => {
    event?.preventDefault();
    if (!text.trim()) {
      if (emptyMessage) setError(emptyMessage);
      return;
    }
    const submitted = text;
    const result = await onAdd(submitted);
    setError(result.ok ? null : result.message);
    if (result.ok) setText((current) => (current === submitted ? '' : current));
  };
  return { text, setText, error, setError, add };
}
