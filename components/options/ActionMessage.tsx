import type { ActionState } from './use-action';

/** The outcome of a change: an alert for a problem, a polite status for success. */
export function ActionMessage({ state, testId }: { state: ActionState; testId?: string }) {
  if (state.kind === 'error')
    return (
      <p class="duet-error options-message" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
        {state.message}
      </p>
    );
  return (
    <p class="duet-ok options-message" role="status" data-testid={testId ? `${testId}-status` : undefined}>
      {state.kind === 'done' ? state.message : ''}
    </p>
  );
}
