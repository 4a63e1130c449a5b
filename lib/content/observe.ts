/**
 * Watches the page for changes and calls `onChange` at most once per `delayMs`. The observer callback
 * itself only schedules: no DOM reads, no layout, so Calendar's own rendering stays fast.
 */
export interface ObserveOptions {
  root: Node;
  delayMs: number;
  onChange: () => void;
  signal: AbortSignal;
  /** Mutations caused only by nodes matching this are ignored (our own badges). */
  ignore?: (node: Node) => boolean;
}

export function observeDebounced({ root, delayMs, onChange, signal, ignore }: ObserveOptions): void {
  if (signal.aborted) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (!signal.aborted) onChange();
    }, delayMs);
  };
  const observer = new MutationObserver((mutations) => {
    if (ignore && mutations.every((m) => isOnlyIgnored(m, ignore))) return;
    schedule();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
}

function isOnlyIgnored(mutation: MutationRecord, ignore: (node: Node) => boolean): boolean {
  // Changes inside an ignored node (e.g. a badge's own text) are ignored whatever they touch.
  if (ignore(mutation.target) || mutation.type !== 'childList') return ignore(mutation.target);
  const changed = [...mutation.addedNodes, ...mutation.removedNodes];
  return changed.length > 0 && changed.every(ignore);
}
