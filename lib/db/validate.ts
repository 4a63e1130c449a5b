import type { z } from '../domain/zod';
import { InvalidInputError } from './errors';

/** Parses with a schema; a failure names the field and the reason, for the UI to show as is. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? `${what}.${issue.path.join('.')}` : what;
  throw new InvalidInputError(`${field}: ${issue?.message ?? 'is not valid'}`);
}
