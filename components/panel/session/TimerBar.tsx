/**
 * The running session clock: which section we are in, its time against its timebox, a gentle over-time
 * signal, and Next / Skip / Pause. Re-renders once a second from the stored timestamps (no tick state).
 */
import { useEffect, useState } from 'preact/hooks';
import { formatClock, type TimerState, timerView } from '@/lib/domain/session-timer';
import type { TemplateSection } from '@/lib/domain/model';

export interface TimerBarProps {
  timer: TimerState;
  sections: readonly TemplateSection[];
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

export function TimerBar({ timer, sections, onStep, onJump }: TimerBarProps) {
  const now = useNow(1000, !timer.finished && !timer.paused);
  const view = timerView(timer, now);
  const current = sections.find((s) => s.id === view.currentId);
  const overtimeText =
    view.overtime === 'over' ? 'over time' : view.overtime === 'soon' ? 'wrapping up soon' : '';
  return (
    <section class={`ses-timer ses-${view.overtime}`} data-testid="session-timer" aria-label="Session timer">
      <div class="ses-timer-main">
        <div class="ses-timer-now">
          <span class="duet-muted cal-small">
            {view.finished ? 'Session finished' : `Section ${view.currentIndex + 1} of ${sections.length}`}
          </span>
          <strong class="ses-timer-section" data-testid="timer-section">
            {view.finished ? 'All sections' : (current?.title ?? '')}
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
          aria-label="Time in this section"
          aria-valuemin={0}
          aria-valuemax={Math.round(view.plannedMs / 1000)}
          aria-valuenow={Math.round(Math.min(view.elapsedMs, view.plannedMs) / 1000)}
        >
          <span style={{ width: `${Math.min(100, (view.elapsedMs / view.plannedMs) * 100)}%` }} />
        </div>
      ) : null}
      <p class="cal-small ses-timer-total duet-muted">
        {formatClock(view.totalElapsedMs)} of {formatClock(view.totalPlannedMs)} planned
        {overtimeText ? (
          <strong class="ses-overtime" data-testid="timer-overtime">
            {' '}
            · {overtimeText}
          </strong>
        ) : null}
        {view.paused ? <strong> · paused</strong> : null}
      </p>
      {view.finished ? null : (
        <div class="cal-actions">
          <button
            type="button"
            class="cal-button cal-button-small cal-button-primary"
            data-testid="timer-next"
            onClick={() => onStep('next')}
          >
            {view.currentIndex + 1 < sections.length ? 'Next section' : 'Finish sections'}
          </button>
          <button
            type="button"
            class="cal-button cal-button-small cal-button-quiet"
            data-testid="timer-skip"
            onClick={() => onStep('skip')}
          >
            Skip
          </button>
          <button
            type="button"
            class="cal-button cal-button-small cal-button-quiet"
            data-testid="timer-pause"
            onClick={() => onStep(view.paused ? 'resume' : 'pause')}
          >
            {view.paused ? 'Resume' : 'Pause'}
          </button>
        </div>
      )}
      <ol class="ses-steps" aria-label="Sections">
        {view.sections.map((section, index) => {
          const title = sections.find((s) => s.id === section.id)?.title ?? section.id;
          return (
            <li key={section.id}>
              <button
                type="button"
                class={`ses-step ses-step-${section.status}`}
                aria-current={section.status === 'current' ? 'step' : undefined}
                disabled={view.finished}
                onClick={() => onJump(index)}
                title={`${title} · ${formatClock(section.elapsedMs)}${section.plannedMs ? ` of ${formatClock(section.plannedMs)}` : ''}`}
              >
                <span class="cal-sr-only">
                  {title}, {section.status}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
