/**
 * zod for the whole app, configured before any schema is built: `jitless`, so zod never probes for or
 * compiles code with the Function constructor. Extension pages forbid eval by CSP anyway; this keeps them
 * from even trying (a blocked attempt files a CSP violation). Import `z` from here, never from 'zod'
 * (a lint rule enforces it); content scripts use `zod/mini` schemas only, which never compile code.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };

/** Key names that are never a record's field (prototype pollution): a record holding one stays refused. */
const DANGEROUS_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

type Bag = Record<string, unknown>;
const isBag = (value: unknown): value is Bag => typeof value === 'object' && value !== null;

/** The value at `path` inside `root`, through own properties only (undefined if there is none). */
function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let here = root;
  for (const key of path) {
    if (!isBag(here) || typeof key === 'symbol' || !Object.hasOwn(here, key)) return undefined;
    here = here[key];
  }
  return here;
}

/** Whether a dangerous key name is anywhere in `value` (an unknown field's value, which no schema reads). */
function holdsDangerousKey(value: unknown, seen = new Set<object>()): boolean {
  if (!isBag(value) || seen.has(value)) return false;
  seen.add(value);
  return Object.keys(value).some((key) => DANGEROUS_KEYS.has(key) || holdsDangerousKey(value[key], seen));
}

/**
 * `schema.safeParse(value)`, except that fields the schema does not know — at any depth of its strict
 * objects — are no error and are KEPT, beside the parsed known fields. Records gain fields without a schema
 * version (docs/DATA.md): a row or a file a newer Duet wrote holds fields this one does not know, and must
 * still be saved into, exported and imported, with the newer Duet's data intact. Only a value whose every
 * problem is an unknown key passes so; a dangerous key name (`__proto__`, `constructor`, `prototype`: one of
 * the unknown keys, or anywhere in their values), or any other problem, fails as `safeParse` does. `value` itself is never changed.
 */
export function parseKeepingUnknown<S extends z.ZodType>(
  schema: S,
  value: unknown,
): z.ZodSafeParseResult<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed;
  const unknown: Array<{ path: PropertyKey[]; keys: string[] }> = [];
  for (const issue of parsed.error.issues) {
    if (issue.code !== 'unrecognized_keys' || issue.keys.some((key) => DANGEROUS_KEYS.has(key)))
      return parsed;
    unknown.push({ path: issue.path, keys: issue.keys });
  }
  // The unknown fields taken out of a copy (theirs, not shared with `value`), the copy parsed without them...
  let copy: unknown;
  try {
    copy = structuredClone(value);
  } catch {
    return parsed;
  }
  const taken = unknown.map(({ path, keys }) => {
    const holder = at(copy, path);
    if (!isBag(holder)) return null;
    const fields: Bag = {};
    for (const key of keys) {
      fields[key] = holder[key];
      delete holder[key];
    }
    return { path, fields };
  });
  if (taken.some((fields) => fields === null || holdsDangerousKey(fields.fields))) return parsed;
  const known = schema.safeParse(copy);
  if (!known.success) return known;
  // ...and put back where they were, on the parsed data.
  for (const { path, fields } of taken as Array<{ path: PropertyKey[]; fields: Bag }>) {
    const holder = at(known.data, path);
    if (!isBag(holder)) return parsed;
    Object.assign(holder, fields);
  }
  return known;
}
