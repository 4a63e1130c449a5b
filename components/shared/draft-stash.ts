/**
 * Keeps an unsaved draft across a reload of the same extension page (e.g. after Duet was updated while
 * the panel was open). Extension-origin sessionStorage: the host page cannot read it, and it is gone when
 * the tab closes.
 */
const key = (id: string) => `duet-draft:${id}`;

export function stashDraft(id: string, text: string): void {
  try {
    sessionStorage.setItem(key(id), text);
  } catch {
    // Storage unavailable: the text stays on screen, which is the best that can be done.
  }
}

export function takeDraft(id: string): string | null {
  try {
    const text = sessionStorage.getItem(key(id));
    sessionStorage.removeItem(key(id));
    return text;
  } catch {
    return null;
  }
}
