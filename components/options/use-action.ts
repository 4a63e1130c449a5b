/** Runs a save or other change and keeps what to tell the user: busy, done, or what went wrong. */
import { useCallback, useState } from 'preact/hooks';
import { describeStorageProblem } from '@/lib/db';
import { t } from '@/lib/i18n';

export type ActionState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

/** An error whose message is already written for the user (shown as is). */
export class ShownError extends Error {
  override name = 'ShownError';
}

/**
 * The user-facing text for a failed change: validation and storage problems say what happened. A full disk
 * is said in the panels' words (nothing was saved or changed: an import is one transaction): this page
 * neither retries nor keeps a copy, so lib/db's "Duet will retry" would be a promise it does not keep.
 */
export function failureMessage(error: unknown): string {
  if (error instanceof ShownError) return error.message;
  const problem = describeStorageProblem(error);
  if (problem.kind === 'invalid') return problem.message;
  if (problem.kind === 'quota') return t('common_quota');
  return t('common_action_failed');
}

export function useAction(): {
  state: ActionState;
  run: (action: () => Promise<string | void>) => Promise<boolean>;
  fail: (message: string) => void;
  reset: () => void;
} {
  const [state, setState] = useState<ActionState>({ kind: 'idle' });
  const run = useCallback(async (action: () => Promise<string | void>) => {
    setState({ kind: 'busy' });
    try {
      const message = await action();
      setState(message ? { kind: 'done', message } : { kind: 'idle' });
      return true;
    } catch (error) {
      setState({ kind: 'error', message: failureMessage(error) });
      return false;
    }
  }, []);
  const fail = useCallback((message: string) => setState({ kind: 'error', message }), []);
  const reset = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, run, fail, reset };
}
