/**
 * Clickjacking defence for the in-page panel. The Google page controls the element our frame sits in: it
 * could make the panel transparent, filter it, or lay a decoy over it and let clicks fall through. With
 * IntersectionObserver v2 (`trackVisibility`), the browser itself reports whether this frame is really
 * visible to the user — unoccluded, unfiltered, fully opaque — and the panel ignores input while it is not.
 * Browsers without v2 (Firefox) report nothing; the panel then stays usable (see SECURITY.md).
 */
type VisibilityEntry = IntersectionObserverEntry & { isVisible?: boolean };

export function guardVisibility(target: Element, onChange: (visible: boolean) => void): () => void {
  // Not framed (the side panel, a tab of its own): no page can cover it.
  if (window.top === window.self) return () => undefined;
  if (typeof IntersectionObserver !== 'function') return () => undefined;
  let observer: IntersectionObserver;
  try {
    observer = new IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1) as VisibilityEntry | undefined;
        if (entry?.isVisible === undefined) return; // v1 only: can't tell
        onChange(entry.isVisible);
      },
      { threshold: [0], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
  } catch {
    return () => undefined;
  }
  observer.observe(target);
  return () => observer.disconnect();
}
