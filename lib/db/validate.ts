import { parseKeepingUnknown, type z } from '../domain/zod';
import { InvalidInputError } from './errors';

/**
 * Parses with a schema; a failure names the field and the reason, for the UI to show as is. Fields the
 * schema does not know (a newer Duet wrote them into the stored record this one changes) are kept, not
 * refused: see `parseKeepingUnknown`.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = parseKeepingUnknown(schema, value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? `${what}.${issue.path.join('.')}` : what;
  throw new InvalidInputError(`${field}: ${issue?.message ?? 'is not valid'}`);
}
