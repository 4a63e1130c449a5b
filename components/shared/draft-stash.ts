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

const RELOAD_FLAG = 'duet-reloaded-for-update';
const RELOAD_GUARD_MS = 60_000;

/**
 * Whether to reload onto Duet's new version now. Once per minute at most: if the reloaded page still
 * cannot open the database (e.g. an older Duet over newer data), it stays put and shows the message.
 */
export function claimReloadForUpdate(now: number = Date.now()): boolean {
  try {
    const last = Number(sessionStorage.getItem(RELOAD_FLAG) ?? 0);
    if (now - last < RELOAD_GUARD_MS) return false;
    sessionStorage.setItem(RELOAD_FLAG, String(now));
    return true;
  } catch {
    return false;
  }
}
