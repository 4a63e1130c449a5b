import { type RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** Focuses (and so scrolls to) an element when it appears: an editor opened by a button. */
export function useFocusOnMount<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  return ref;
}
