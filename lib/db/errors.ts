/**
 * Expected storage failures are values the UI shows (STYLE.md, Dexie): the browser is out of space,
 * Duet was updated while a page was open, or another Duet page blocks an upgrade. Bugs still throw.
 */
export type StorageProblem =
  | { kind: 'quota'; message: string }
  | { kind: 'updated'; message: string }
  | { kind: 'blocked'; message: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'unavailable'; message: string }
  | { kind: 'unknown'; message: string };

function nameOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const named = error as { name?: unknown; inner?: { name?: unknown } };
  const inner = typeof named.inner?.name === 'string' ? named.inner.name : '';
  return `${typeof named.name === 'string' ? named.name : ''} ${inner}`;
}

export function describeStorageProblem(error: unknown): StorageProblem {
  const name = nameOf(error);
  const message = error instanceof Error ? error.message : '';
  if (/QuotaExceeded/i.test(name) || /quota/i.test(message)) {
    return {
      kind: 'quota',
      message:
        'Your browser has no storage space left for Duet. Nothing you typed is lost — it stays here until it can be saved. Free some disk space and Duet will retry.',
    };
  }
  if (/\bVersionError\b/.test(name)) {
    return {
      kind: 'updated',
      message:
        'Duet was updated while this page was open. Reload it to continue — your unsaved text is kept here.',
    };
  }
  if (/Blocked/i.test(name)) {
    return {
      kind: 'blocked',
      message: 'Duet is finishing an update. Close other Duet pages or reload them to continue.',
    };
  }
  if (/\b(InvalidInputError|ZodError)\b/.test(name)) {
    return { kind: 'invalid', message: message || 'That could not be saved: it is not valid.' };
  }
  if (/\b(DatabaseClosedError|OpenFailedError|MissingAPIError)\b/.test(name)) {
    return {
      kind: 'unavailable',
      message:
        "Duet can't open its storage in this browser right now. Your text is still here; Duet will keep trying.",
    };
  }
  return { kind: 'unknown', message: "Couldn't save just now. Your text is still here and Duet will retry." };
}

/**
 * An operation given up because Duet's database waits on an upgrade that another Duet page blocks (it keeps
 * the older version open): described as `blocked`.
 */
export class DatabaseBlockedError extends Error {
  override name = 'DatabaseBlockedError';
  constructor() {
    super('Another Duet page keeps the database open and blocks its update.');
  }
}

/** Thrown by repositories when input fails validation; the message says which field and why. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
}

/**
 * Thrown when text changed in the database since this page last saw it (another tab or window saved the
 * same notes): nothing is overwritten; the page keeps its text and shows both (SECURITY.md item 18).
 */
export class EditConflictError extends Error {
  override name = 'EditConflictError';
  constructor(readonly theirs: string) {
    super('These notes were changed in another window.');
  }
}
