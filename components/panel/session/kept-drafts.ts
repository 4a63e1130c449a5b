/**
 * What is typed in a session's one-line boxes (an agreement, an agenda point, feedback, a career step) before
 * it is added: kept by the session view, so it survives the boxes going away — hidden while presenting,
 * behind the summary when the call ends — and the view can tell that something is still being typed.
 */
import { isBlank } from '@/lib/domain/text';
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { ActionResult } from '../calendar/view-types';
import { journalWriteBox, readJournalBoxes, watchJournalBoxes } from '../../shared/note-journal';

/**
 * Box id → its text (only boxes with text). Also written synchronously to the extension origin's
 * localStorage under the session, beside the notes journal (`readJournalBoxes`, `journalWriteBox`; "Delete
 * everything" clears them too): feedback or an agreement half-typed when the tab closes or Duet reloads is
 * back in its box when the session is opened again.
 */
export class KeptDrafts extends Map<string, string> {
  private readonly watchers = new Set<(box: string, text: string) => void>();

  constructor(private readonly sessionId: string | null = null) {
    super();
    // Map's own set: loading what is stored writes nothing back.
    if (sessionId) for (const [box, text] of readJournalBoxes(sessionId)) super.set(box, text);
  }

  /**
   * Follows another view of this session (the side panel beside the in-page one, or back): a box whose text
   * here is what that view had takes its new text — emptied once added there, so it is not added twice
   * here, nor holds up the end of the call. Text typed here since is left alone. Returns the stop.
   */
  follow(): () => void {
    if (!this.sessionId) return () => undefined;
    return watchJournalBoxes(this.sessionId, (before, after) => {
      for (const box of new Set([...before.keys(), ...after.keys()])) {
        const had = before.get(box) ?? '';
        const next = after.get(box) ?? '';
        if (next === had || (super.get(box) ?? '') !== had) continue;
        if (next) super.set(box, next);
        else super.delete(box);
        for (const watcher of this.watchers) watcher(box, next);
      }
    });
  }

  /** Tells `watcher` of each box another view changed here (`follow`). Returns the stop. */
  watch(watcher: (box: string, text: string) => void): () => void {
    this.watchers.add(watcher);
    return () => void this.watchers.delete(watcher);
  }

  // What the map holds already is not written again: a box that took another view's text (`follow`) would
  // otherwise write it back, over what that view typed since.
  override set(box: string, text: string): this {
    const same = super.get(box) === text;
    super.set(box, text);
    if (this.sessionId && !same) journalWriteBox(this.sessionId, box, text);
    return this;
  }

  override delete(box: string): boolean {
    const had = super.delete(box);
    if (had && this.sessionId) journalWriteBox(this.sessionId, box, null);
    return had;
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
  useEffect(() => drafts?.watch((box, changed) => box === id && setText(changed)), [drafts, id]);
  return [text, setText] as const;
}

/**
 * `useState(initial)` for a choice made beside a box (feedback given or received, a goal's category, the
 * owner and date picked for an agreement), kept in the session view's drafts under `id` like the box's text:
 * the text alone coming back after presenting would be added with the choice reset. Kept only while it
 * differs from `initial`; `accepts` checks what is read back.
 */
export function useKeptChoice<T extends string>(
  id: string,
  initial: T,
  accepts: (kept: string) => kept is T,
) {
  const drafts = useContext(KeptDraftsContext);
  const [value, setValue] = useState<T>(() => {
    const kept = drafts?.get(id);
    return kept !== undefined && accepts(kept) ? kept : initial;
  });
  useEffect(
    () => drafts?.watch((box, changed) => box === id && setValue(accepts(changed) ? changed : initial)),
    [drafts, id, initial],
  );
  const choose = (next: T) => {
    setValue(next);
    if (!drafts) return;
    if (next === initial) drafts.delete(id);
    else drafts.set(id, next);
  };
  return [value, choose] as const;
}

/** Whether any of these boxes (those the session view has now) still holds typed text. */
export const typingIn = (drafts: KeptDrafts, boxes: readonly string[]): boolean =>
  boxes.some((box) => !isBlank(drafts.get(box) ?? ''));

/**
 * A box whose text is added with a button or Enter: its kept text, what went wrong, and `add`. An empty box
 * says `emptyMessage` (or nothing); only what was added leaves the box (text typed while it was saving stays).
 */
export function useAddBox(id: string, onAdd: (text: string) => Promise<ActionResult>, emptyMessage?: string) {
  const [text, setText] = useKeptDraft(id);
  const [error, setError] = useState<string | null>(null);
  // The text being added: a second Enter or click while it is saving would add it twice. A line typed
  // meanwhile is another item and is added.
  const adding = useRef<string | null>(null);
  const add = async (event?: Event) => {
    event?.preventDefault();
    if (adding.current === text) return;
    if (isBlank(text)) {
      if (emptyMessage) setError(emptyMessage);
      return;
    }
    const submitted = text;
    adding.current = submitted;
    let result: ActionResult;
    try {
      result = await onAdd(submitted);
    } finally {
      if (adding.current === submitted) adding.current = null;
    }
    setError(result.ok ? null : result.message);
    if (result.ok) setText((current) => (current === submitted ? '' : current));
  };
  return { text, setText, error, setError, add };
}
