/**
 * A value the worker keeps in `storage.session` (memory only, never on disk) so a restarted worker of the
 * same browser session still has it: read once and checked on the way in (anything unreadable gives the
 * empty value), written whole. A failed read or write never stops the caller.
 */

/** What is needed of `storage.session` (or a stand-in) to keep a value. */
export interface KeptArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export class SessionKept<T> {
  private value: Promise<T> | null = null;

  constructor(
    private readonly area: KeptArea,
    private readonly key: string,
    /** What storage holds, checked: anything else is dropped. */
    private readonly read: (stored: unknown) => T,
    /** What is stored for the value (by default the value itself). */
    private readonly write: (value: T) => unknown = (value) => value,
  ) {}

  /** The value (the same object every time: change it, then `save` it). */
  get(): Promise<T> {
    this.value ??= this.area
      .get(this.key)
      .then((stored) => this.read(stored[this.key]))
      .catch(() => this.read(undefined));
    return this.value;
  }

  async save(): Promise<void> {
    const value = await this.get();
    await this.area.set({ [this.key]: this.write(value) }).catch(() => undefined);
  }

  /** Back to the empty value, stored ("Delete everything"). */
  async clear(): Promise<void> {
    this.value = Promise.resolve(this.read(undefined));
    await this.save();
  }
}

/** Stored numbers per key, checked: anything not an object, and any entry `keep` refuses, is dropped. */
export function readNumbers(stored: unknown, keep: (value: number) => boolean): Record<string, number> {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (typeof value === 'number' && keep(value)) out[key] = value;
  }
  return out;
}
