/**
 * Focus for an action that takes away the button just pressed (Archive → its Undo, Undo → the item's button
 * back in the list): `focusAfter(selector, from)` moves focus to the element matching `selector` inside
 * `root` once it is drawn — the live list may bring it a moment later, so it is tried again whenever `deps`
 * change — and only while focus is still on the button pressed (`from`) or lost: a user gone on to another
 * box meanwhile keeps it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { focusStillOn } from './focus-guard';

export function useFocusAfter<E extends HTMLElement = HTMLDivElement>(deps: readonly unknown[]) {
  const root = useRef<E>(null);
  const [focusTo, setFocusTo] = useState<{ target: string; from: Element | null } | null>(null);
  useEffect(() => {
    if (!focusTo) return;
    if (!focusStillOn(focusTo.from)) return setFocusTo(null);
    const target = root.current?.querySelector<HTMLElement>(focusTo.target);
    if (!target) return;
    target.focus();
    setFocusTo(null);
  }, [focusTo, ...deps]);
  return { root, focusAfter: (target: string, from: Element | null) => setFocusTo({ target, from }) };
}
