/**
 * The career conversation: where they stand against their role's expectations (self-assessment), and
 * one or two action steps for the next six months, kept as development goals.
 */
import { useState } from 'preact/hooks';
import { useKeptDraft } from './kept-drafts';
import type { CareerAssessment, Goal } from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import type { ActionResult } from '../calendar/view-types';

export interface CareerSectionProps {
  assessment: CareerAssessment | null;
  steps: readonly Goal[];
  onAssess: (value: CareerAssessment | null) => Promise<ActionResult>;
  onAddStep: (title: string) => Promise<ActionResult>;
}

const OPTIONS: Array<[CareerAssessment, () => string]> = [
  ['ahead', () => t('panel_goal_status_ahead')],
  ['on-track', () => t('panel_goal_status_on_track')],
  ['not-meeting', () => t('panel_career_not_meeting')],
];
export const MAX_CAREER_STEPS = 2;

export function CareerSection({ assessment, steps, onAssess, onAddStep }: CareerSectionProps) {
  const [text, setText] = useKeptDraft('career');
  const [error, setError] = useState<string | null>(null);
  const add = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return;
    const submitted = text;
    const result = await onAddStep(submitted);
    setError(result.ok ? null : result.message);
    // Only what was added leaves the box: text typed while it was saving stays.
    if (result.ok) setText((current) => (current === submitted ? '' : current));
  };
  return (
    <div class="ses-career" data-testid="session-career">
      <div class="cal-toggle" role="group" aria-label={t('panel_career_assessment')}>
        {OPTIONS.map(([value, label]) => (
          <button
            type="button"
            key={value}
            class="cal-toggle-button"
            aria-pressed={assessment === value}
            data-testid={`assessment-${value}`}
            onClick={() => void onAssess(assessment === value ? null : value)}
          >
            {label()}
          </button>
        ))}
      </div>
      <p class="cal-label">{t('panel_career_steps')}</p>
      {steps.length > 0 ? (
        <ul class="cal-list">
          {steps.map((goal) => (
            <li class="cal-item" key={goal.id} data-testid="career-step">
              <span class="cal-goal-title">{goal.title}</span>
              {goal.targetDate ? (
                <span class="duet-muted cal-small">{t('panel_career_by', goal.targetDate)}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {steps.length < MAX_CAREER_STEPS ? (
        <form class="cal-add-row" onSubmit={(event) => void add(event)}>
          <label for="ses-career-step" class="cal-sr-only">
            {t('panel_career_add_label')}
          </label>
          <input
            id="ses-career-step"
            class="cal-input"
            placeholder={t('panel_career_placeholder')}
            value={text}
            maxLength={1000}
            data-testid="career-step-input"
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <button type="submit" class="cal-button cal-button-small">
            {t('panel_add')}
          </button>
        </form>
      ) : null}
      {error ? (
        <p class="duet-error cal-small" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
