/** Arrow keys move between the popup's list items (`[data-popup-item]`), in document order. */
export function moveFocus(event: KeyboardEvent, root: ParentNode = document): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  // Items inside a hidden part (the week ahead, while searching) are skipped.
  const items = [...root.querySelectorAll<HTMLElement>('[data-popup-item]')].filter(
    (item) => !item.closest('[hidden]'),
  );
  const at = items.indexOf(event.currentTarget as HTMLElement);
  if (at < 0) return;
  event.preventDefault();
  if (event.key === 'ArrowDown') items[at + 1]?.focus();
  else if (at === 0) document.querySelector<HTMLElement>('#popup-search-input')?.focus();
  else items[at - 1]?.focus();
}
