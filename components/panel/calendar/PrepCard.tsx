import { useRef, useState } from 'preact/hooks';
import type { Session, Template } from '@/lib/domain/model';
import { t, tn } from '@/lib/i18n';
import { formatSessionDate } from './calendar-text';
import type { ActionResult } from './view-types';
import { AlertLine } from '../AlertLine';

export interface PrepCardProps {
  /** This event's session, if it was prepared (or notes were written) already. */
  session: Session | undefined;
  /** The template the session follows. */
  template: Template | undefined;
  /** How many talking points the prep carried over, when it was started from this panel. */
  carried: number | null;
  onStart: () => Promise<ActionResult>;
  /** "Start session": run it now, in person or on the phone (the Meet panel does this for calls). */
  onStartSession?: () => void;
}

/** "Start prep": creates this meeting's session, carries talking points over and previews its sections. */
export function PrepCard({ session, template, carried, onStart, onStartSession }: PrepCardProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    const result = await onStart();
    setBusy(false);
    if (!result.ok) setError(result.message);
    // The result takes the place of the button pressed: keep focus in the card (its title, read before the
    // result), not on the page's body.
    else heading.current?.focus();
  };

  const prepared = carried !== null || session !== undefined;
  return (
    <section class="cal-section cal-prep duet-card" data-testid="prep" aria-labelledby="cal-prep-title">
      <h2 id="cal-prep-title" class="cal-section-title" tabIndex={-1} ref={heading}>
        {t('panel_prep_title')}
      </h2>
      {!prepared ? (
        <>
          <p class="duet-muted cal-small">{t('panel_prep_intro')}</p>
          <button
            type="button"
            class="cal-button cal-button-primary"
            data-testid="start-prep"
            disabled={busy}
            onClick={() => void start()}
          >
            {busy ? t('panel_prep_preparing') : t('panel_prep_start')}
          </button>
        </>
      ) : (
        <>
          <p class="cal-prep-result" data-testid="prep-result" data-state={stateOf(session, carried)}>
            {resultText(session, carried)}
          </p>
          {template ? <Checklist template={template} /> : null}
        </>
      )}
      {onStartSession ? (
        <button
          type="button"
          class={`cal-button ${prepared ? 'cal-button-primary' : ''}`}
          data-testid="start-session"
          onClick={onStartSession}
        >
          {session?.status === 'held' ? t('panel_prep_open_session') : t('panel_prep_start_session')}
        </button>
      ) : null}
      <AlertLine message={error} testId="prep-error" />
    </section>
  );
}

function stateOf(session: Session | undefined, carried: number | null): string {
  if (carried !== null) return 'prepared';
  return session?.status === 'held' || session?.status === 'cancelled' ? session.status : 'started';
}

function resultText(session: Session | undefined, carried: number | null): string {
  if (carried !== null) return tn('panel_prep_carried', carried);
  // The day the meeting is on, as the summary and History date it: a 1:1 at 23:30 that ended after midnight
  // (heldAt) was still held that day.
  if (session?.status === 'held') return t('panel_prep_held', formatSessionDate(session.scheduledAt));
  if (session?.status === 'cancelled') return t('panel_prep_cancelled');
  return t('panel_prep_started');
}

function Checklist({ template }: { template: Template }) {
  return (
    <div class="cal-checklist-wrap">
      <p class="cal-label" id="cal-checklist-title">
        {t('panel_prep_agenda', template.name)}
      </p>
      <ol class="cal-checklist" data-testid="prep-checklist" aria-labelledby="cal-checklist-title">
        {template.sections.map((section) => (
          <li key={section.id} class="cal-check" data-testid="prep-section">
            <span class="cal-box" aria-hidden="true" />
            <span class="cal-check-title">{section.title}</span>
            {section.minutes > 0 ? (
              <span class="duet-muted cal-small">{t('panel_minutes', section.minutes)}</span>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
