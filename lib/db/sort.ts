/**
 * Ordering stored rows by their text. A row an upgrade or an older version left damaged (the field missing
 * or not text) must not make a whole list fail to load — the options page would lose Export with it — so
 * such a field sorts as empty text, first.
 */
export function byText<T>(field: (row: T) => unknown): (a: T, b: T) => number {
  return (a, b) => textOf(field(a)).localeCompare(textOf(field(b)));
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
