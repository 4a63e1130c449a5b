/**
 * What is typed in a one-line box outside a session (a talking point in the popup, or in a 1:1's Calendar
 * panel) before it is added: written synchronously to the extension origin's localStorage on every keystroke,
 * as the notes journal is (`note-journal.ts`), so the popup closing on a click outside, the panel switching
 * to another event, the tab closing or Duet reloading loses nothing. Restored when the box shows again;
 * forgotten once added (or emptied). Under the journal's prefix: "Delete everything" (`journalClearAll`)
 * clears it too. Extension-origin storage: the Google page cannot read it.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

const PREFIX = 'duet-journal:line:';

export interface JournalledLine {
  text: string;
  /** A choice made beside the box that goes with the text (the popup's person picked for it). */
  choice?: string;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: the text stays on screen only
  }
}

/** The line kept under `key`, or null (none, or unreadable). */
export function readLine(key: string): JournalledLine | null {
  try {
    const raw = storage()?.getItem(PREFIX + key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { text, choice } = parsed as Record<string, unknown>;
    if (typeof text !== 'string' || text === '') return null;
    return typeof choice === 'string' && choice !== '' ? { text, choice } : { text };
  } catch {
    return null;
  }
}

/** Keeps `line` under `key`; an empty text (or null) forgets it. */
export function writeLine(key: string, line: JournalledLine | null): void {
  const store = storage();
  if (!store) return;
  try {
    if (!line || line.text === '') store.removeItem(PREFIX + key);
    else store.setItem(PREFIX + key, JSON.stringify(line.choice ? line : { text: line.text }));
  } catch {
    // Full: the text stays on screen.
  }
}

export type SetLine = (next: string | ((current: string) => string)) => void;

/**
 * `useState('')` for a one-line box's text, journalled under `key` (null: not journalled) with `choice`
 * beside it. The text kept under `key` is shown at first, and again when `key` changes (another 1:1: its own
 * line). Every change is written at once, not after the render: the popup may close right after a keystroke.
 */
export function useJournalledLine(key: string | null, choice?: string): readonly [string, SetLine] {
  const line = useRef<{ key: string | null; text: string } | null>(null);
  if (line.current === null || line.current.key !== key)
    line.current = { key, text: key === null ? '' : (readLine(key)?.text ?? '') };
  const choiceNow = useRef(choice);
  choiceNow.current = choice;
  const [, redraw] = useState(0);

  const setText = useCallback<SetLine>((next) => {
    const current = line.current!;
    const text = typeof next === 'function' ? next(current.text) : next;
    if (text === current.text) return;
    line.current = { key: current.key, text };
    if (current.key !== null) writeLine(current.key, { text, choice: choiceNow.current });
    redraw((count) => count + 1);
  }, []);

  // A choice changed beside text already typed: kept with it.
  useEffect(() => {
    const current = line.current!;
    if (current.key !== null && current.text !== '') writeLine(current.key, { text: current.text, choice });
  }, [key, choice]);

  return [line.current.text, setText] as const;
}
