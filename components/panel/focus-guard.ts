/**
 * When a panel may move keyboard focus by itself, after the view under the user's button was swapped: only
 * while this page has the keyboard at all (in the in-page panel, a frame, the user may be in Google's page:
 * the frame's own `activeElement` then still reads as its body) and focus is lost — on the body, or on an
 * element just removed, such as the button itself — or still where the action left it.
 */

const pageHasFocus = (): boolean => typeof document.hasFocus !== 'function' || document.hasFocus();

function focusIsLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

/** Focus is lost, or inside `region` (the panel). Never away from where the user went. */
export function focusIsFree(region: Element | null | undefined): boolean {
  if (!pageHasFocus()) return false;
  return focusIsLost() || (!!region && region.contains(document.activeElement));
}

/** Focus is lost, or still on the button pressed (`from`): not once the user went on to another box. */
export function focusStillOn(from: Element | null): boolean {
  if (!pageHasFocus()) return false;
  return focusIsLost() || document.activeElement === from;
}
