/**
 * The running session clock: which section we are in, its time against its timebox, a gentle over-time
 * signal, and Next / Skip / Pause. Re-renders once a second from the stored timestamps (no tick state).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatClock, type SectionStatus, type TimerState, timerView } from '@/lib/domain/session-timer';
import { type MessageKey, t } from '@/lib/i18n';

const SECTION_STATUS: Record<SectionStatus, MessageKey> = {
  done: 'panel_timer_status_done',
  skipped: 'panel_timer_status_skipped',
  current: 'panel_timer_status_current',
  upcoming: 'panel_timer_status_upcoming',
};

export interface TimerBarProps {
  timer: TimerState;
  /**
   * A section's title by id. The timer keeps the sections the session started with: a template edited
   * during the call may have renamed, moved or removed some, so the title is looked up, not indexed.
   */
  titleOf: (id: string) => string;
  onStep: (step: 'next' | 'skip' | 'pause' | 'resume' | 'back') => void;
  onJump: (index: number) => void;
}

function useNow(intervalMs: number, active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs, active]);
  return active ? now : Date.now();
}

export function TimerBar({ timer, titleOf, onStep, onJump }: TimerBarProps) {
  const now = useNow(1000, !timer.finished && !timer.paused);
  const view = timerView(timer, now);
  // "Finish" (or Skip on the last open section) takes the buttons away with the timer's end: focus goes to
  // what it says now ("All sections"), not to the page's body.
  const pressed = useRef(false);
  const current = useRef<HTMLElement>(null);
  useEffect(() => {
    if (view.finished && pressed.current) current.current?.focus();
    pressed.current = false;
  }, [timer]);
  const step = (which: Parameters<TimerBarProps['onStep']>[0]) => {
    pressed.current = which === 'next' || which === 'skip';
    onStep(which);
  };
  const overtimeText =
    view.overtime === 'over' ? t('panel_timer_over') : view.overtime === 'soon' ? t('panel_timer_soon') : '';
  return (
    <section
      class={`ses-timer ses-${view.overtime}`}
      data-testid="session-timer"
      aria-label={t('panel_timer_label')}
    >
      <div class="ses-timer-main">
        <div class="ses-timer-now">
          <span class="duet-muted cal-small">
            {view.finished
              ? t('panel_timer_finished')
              : t('panel_timer_section_of', view.currentIndex + 1, view.sections.length)}
          </span>
          <strong class="ses-timer-section" data-testid="timer-section" tabIndex={-1} ref={current}>
            {view.finished ? t('panel_timer_all_sections') : titleOf(view.currentId)}
          </strong>
        </div>
        <div class="ses-timer-clock" data-testid="timer-clock" data-overtime={view.overtime}>
          <span>{formatClock(view.elapsedMs)}</span>
          {view.plannedMs > 0 ? <span class="duet-muted"> / {formatClock(view.plannedMs)}</span> : null}
        </div>
      </div>
      {view.plannedMs > 0 && !view.finished ? (
        <div
          class="ses-progress"
          role="progressbar"
          aria-label={t('panel_timer_progress')}
          aria-valuemin={0}
          aria-valuemax={Math.round(view.plannedMs / 1000)}
          aria-valuenow={Math.round(Math.min(view.elapsedMs, view.plannedMs) / 1000)}
        >
          <span style={{ width: `${Math.min(100, (view.elapsedMs / view.plannedMs) * 100)}%` }} />
        </div>
      ) : null}
      <p class="cal-small ses-timer-total duet-muted">
        {t('panel_timer_total', formatClock(view.totalElapsedMs), formatClock(view.totalPlannedMs))}
        {overtimeText ? (
          <strong class="ses-overtime" data-testid="timer-overtime">
            {' '}
            {overtimeText}
          </strong>
        ) : null}
        {view.paused ? <strong> {t('panel_timer_paused')}</strong> : null}
      </p>
      {view.finished ? null : (
        <div class="cal-actions">
          <button
            type="button"
            class="cal-button cal-button-small cal-button-primary"
            data-testid="timer-next"
            onClick={() => step('next')}
          >
            {view.nextFinishes ? t('panel_timer_finish') : t('panel_timer_next')}
          </button>
          <button
            type="button"
            class="cal-button cal-button-small cal-button-quiet"
            data-testid="timer-skip"
            onClick={() => step('skip')}
          >
            {t('panel_timer_skip')}
          </button>
          <button
            type="button"
            class="cal-button cal-button-small cal-button-quiet"
            data-testid="timer-pause"
            onClick={() => step(view.paused ? 'resume' : 'pause')}
          >
            {view.paused ? t('panel_timer_resume') : t('panel_timer_pause')}
          </button>
        </div>
      )}
      <ol class="ses-steps" aria-label={t('panel_timer_sections')}>
        {view.sections.map((section, index) => {
          const title = titleOf(section.id);
          return (
            <li key={section.id}>
              <button
                type="button"
                class={`ses-step ses-step-${section.status}`}
                aria-current={section.status === 'current' ? 'step' : undefined}
                disabled={view.finished}
                onClick={() => onJump(index)}
                title={
                  section.plannedMs
                    ? t(
                        'panel_timer_step_planned',
                        title,
                        formatClock(section.elapsedMs),
                        formatClock(section.plannedMs),
                      )
                    : t('panel_timer_step', title, formatClock(section.elapsedMs))
                }
              >
                <span class="cal-sr-only">
                  {t('panel_timer_step_status', title, t(SECTION_STATUS[section.status]))}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
