/**
 * The career conversation: where they stand against their role's expectations (self-assessment), and
 * one or two action steps for the next six months, kept as development goals.
 */
import { useState } from 'preact/hooks';
import type { CareerAssessment, Goal } from '@/lib/domain/model';
import type { ActionResult } from '../calendar/view-types';

export interface CareerSectionProps {
  assessment: CareerAssessment | null;
  steps: readonly Goal[];
  onAssess: (value: CareerAssessment | null) => Promise<ActionResult>;
  onAddStep: (title: string) => Promise<ActionResult>;
}

const OPTIONS: Array<[CareerAssessment, string]> = [
  ['ahead', 'Ahead'],
  ['on-track', 'On track'],
  ['not-meeting', 'Not meeting yet'],
];
export const MAX_CAREER_STEPS = 2;

export function CareerSection({ assessment, steps, onAssess, onAddStep }: CareerSectionProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return;
    const result = await onAddStep(text);
    setError(result.ok ? null : result.message);
    if (result.ok) setText('');
  };
  return (
    <div class="ses-career" data-testid="session-career">
      <div class="cal-toggle" role="group" aria-label="Self-assessment against the role">
        {OPTIONS.map(([value, label]) => (
          <button
            type="button"
            key={value}
            class="cal-toggle-button"
            aria-pressed={assessment === value}
            data-testid={`assessment-${value}`}
            onClick={() => void onAssess(assessment === value ? null : value)}
          >
            {label}
          </button>
        ))}
      </div>
      <p class="cal-label">Action steps for the next 6 months</p>
      {steps.length > 0 ? (
        <ul class="cal-list">
          {steps.map((goal) => (
            <li class="cal-item" key={goal.id} data-testid="career-step">
              <span class="cal-goal-title">{goal.title}</span>
              {goal.targetDate ? <span class="duet-muted cal-small">by {goal.targetDate}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {steps.length < MAX_CAREER_STEPS ? (
        <form class="cal-add-row" onSubmit={(event) => void add(event)}>
          <label for="ses-career-step" class="cal-sr-only">
            Add an action step
          </label>
          <input
            id="ses-career-step"
            class="cal-input"
            placeholder="e.g. Lead the Q2 planning review"
            value={text}
            maxLength={1000}
            data-testid="career-step-input"
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <button type="submit" class="cal-button cal-button-small">
            Add
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
