/** What went wrong with a panel control, under it and announced (`role="alert"`); nothing when nothing did. */
export function AlertLine({
  message,
  testId,
  id,
}: {
  message: string | null | undefined;
  testId?: string;
  id?: string;
}) {
  return message ? (
    <p class="duet-error cal-small" role="alert" id={id} data-testid={testId}>
      {message}
    </p>
  ) : null;
}
