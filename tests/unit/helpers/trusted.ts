/**
 * Events a user would cause. Duet ignores page-made (untrusted) clicks and keys on its own controls; in a
 * DOM emulator every dispatched event is untrusted, so tests mark the ones that stand for the user.
 */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { get: () => true });
  return event;
}

export function userClick(target: EventTarget): boolean {
  return target.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true })));
}
