/**
 * What is typed in a session's one-line boxes (an agreement, an agenda point, feedback, a career step) before
 * it is added: kept by the session view, so it survives the boxes going away — hidden while presenting,
 * behind the summary when the call ends — and the view can tell that something is still being typed.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';

/** Box id → its text (only boxes with text). */
export type KeptDrafts = Map<string, string>;

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
