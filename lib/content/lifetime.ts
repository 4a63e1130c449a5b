/**
 * How long a content script lives. WXT aborts its context when a newer copy of the script announces
 * itself — through a DOM event the page can forge, which would let any page script tear Duet down. So
 * Duet stops only when its extension context is really gone (the extension was reloaded, updated or
 * removed): on WXT's signal *and* a missing `runtime.id`, and on a periodic check, since an orphaned
 * script is otherwise never told (it would keep observing the page and retrying sends).
 */
export interface Lifetime {
  signal: AbortSignal;
}

const CHECK_MS = 500;

export function contentLifetime(
  wxtSignal: AbortSignal,
  runtimeAlive: () => boolean,
  checkMs: number = CHECK_MS,
): Lifetime {
  const controller = new AbortController();
  const stopIfGone = () => {
    if (!controller.signal.aborted && !runtimeAlive()) controller.abort();
  };
  wxtSignal.addEventListener('abort', stopIfGone);
  const timer = setInterval(stopIfGone, checkMs);
  controller.signal.addEventListener('abort', () => clearInterval(timer));
  return { signal: controller.signal };
}

/** Whether this content script's extension is still there (false once it was reloaded or removed). */
export function runtimeAlive(runtime: { id?: string } | undefined): boolean {
  try {
    return typeof runtime?.id === 'string' && runtime.id.length > 0;
  } catch {
    return false; // some browsers throw on access from an invalidated context
  }
}
