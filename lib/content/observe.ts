/**
 * Watches the page for changes and calls `onChange` at most once per `delayMs`. The observer callback
 * itself only records and schedules: no layout, no selector matching, so Calendar's own rendering stays fast.
 * One observer per feature: a feature that wants the records themselves (to re-read only what changed) gets
 * them through `onRecords` from the same observer that schedules.
 */
export interface ObserveOptions {
  root: Node;
  delayMs: number;
  onChange: () => void;
  signal: AbortSignal;
  /** Mutations caused only by nodes matching this are ignored (our own badges). Keep it O(1) per node. */
  ignore?: (node: Node) => boolean;
  /**
   * Sees each batch of records (after `ignore`, if any, found something that counts) and says whether it
   * changed anything worth a scan. Runs for every batch Calendar makes, so it must only note things down.
   */
  onRecords?: (records: readonly MutationRecord[]) => boolean;
}

export interface Observation {
  /**
   * Runs `write` (our own DOM changes) without observing it: records already queued are handled first, and
   * the observer is off while `write` runs (script runs to completion: no one else can change the page then),
   * so our own changes never come back as records, nor cost any.
   */
  unobserved<T>(write: () => T): T;
}

export function observeDebounced({
  root,
  delayMs,
  onChange,
  signal,
  ignore,
  onRecords,
}: ObserveOptions): Observation {
  if (signal.aborted) return { unobserved: (write) => write() };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (!signal.aborted) onChange();
    }, delayMs);
  };
  const handle = (records: MutationRecord[]) => {
    if (ignore && records.every((record) => isOnlyIgnored(record, ignore))) return;
    if (!onRecords || onRecords(records)) schedule();
  };
  const observer = new MutationObserver(handle);
  // `data-eventid` too: Calendar may reuse a chip element for another event, changing only that attribute.
  const observe = () =>
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-eventid'],
    });
  observe();
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
  return {
    unobserved(write) {
      if (signal.aborted) return write();
      const pending = observer.takeRecords();
      if (pending.length > 0) handle(pending);
      observer.disconnect();
      try {
        return write();
      } finally {
        if (!signal.aborted) observe();
      }
    },
  };
}

/** True when a record is only about ignored nodes: a change inside one, or only ignored nodes added/removed. */
export function isOnlyIgnored(mutation: MutationRecord, ignore: (node: Node) => boolean): boolean {
  if (ignore(mutation.target)) return true;
  if (mutation.type !== 'childList') return false;
  const { addedNodes, removedNodes } = mutation;
  if (addedNodes.length + removedNodes.length === 0) return false;
  for (const node of addedNodes) if (!ignore(node)) return false;
  for (const node of removedNodes) if (!ignore(node)) return false;
  return true;
}
