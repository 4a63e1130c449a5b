/**
 * The career conversation: where they stand against their role's expectations (self-assessment), and
 * one or two action steps for the next six months, kept as dated development goals (`isCareerStep`). Each
 * part shows where its template section is (`careerPartsOf`); a step done is archived, which makes room for
 * the next one.
 */
import { useState } from 'preact/hooks';
import { useAddBox } from './kept-drafts';
import { UndoNote } from './UndoNote';
import { dayOf } from '@/lib/domain/days';
import type { CareerPart } from '@/lib/domain/goals';
import { type CareerAssessment, type Goal, MAX_SHORT_TEXT } from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import { checkedAdd } from '../calendar/use-calendar-actions';
import type { ActionResult } from '../calendar/view-types';
import { formatDay } from '../../shared/format';
import { AlertLine } from '../AlertLine';
import { useFocusAfter } from '../use-focus-after';

export interface CareerSectionProps {
  /** The parts this section shows. */
  parts: readonly CareerPart[];
  assessment: CareerAssessment | null;
  steps: readonly Goal[];
  onAssess: (value: CareerAssessment | null) => Promise<ActionResult>;
  onAddStep: (title: string) => Promise<ActionResult>;
  /** `archived`: the step is done (true), or back after an Undo (false). */
  onSetStepArchived: (id: string, archived: boolean) => Promise<ActionResult>;
}

/** The kept-draft box of a new action step. */
export const CAREER_STEP_BOX = 'career';

const OPTIONS: Array<[CareerAssessment, () => string]> = [
  ['ahead', () => t('panel_goal_status_ahead')],
  ['on-track', () => t('panel_goal_status_on_track')],
  ['not-meeting', () => t('panel_career_not_meeting')],
];
export const MAX_CAREER_STEPS = 2;

export function CareerSection({
  parts,
  assessment,
  steps,
  onAssess,
  onAddStep,
  onSetStepArchived,
}: CareerSectionProps) {
  // No `maxLength` on the box: a paste longer than a step can be stays whole, and is refused in words.
  const { text, setText, error, setError, add } = useAddBox(
    CAREER_STEP_BOX,
    checkedAdd(MAX_SHORT_TEXT, t('panel_career_step_empty'), onAddStep),
    t('panel_career_step_empty'),
  );
  const [closed, setClosed] = useState<Goal | null>(null);
  // Done and Undo each take away the button just pressed: focus goes to the Undo, then back to the step's
  // Done, once each is drawn (the step comes back with the live list), not to the page's body.
  // Only while focus is still on that button or lost: a user gone on to another box meanwhile keeps it.
  const { root, focusAfter } = useFocusAfter([steps, closed]);
  const setArchived = async (step: Goal, archived: boolean) => {
    const from = document.activeElement;
    const result = await onSetStepArchived(step.id, archived);
    setError(result.ok ? null : result.message);
    if (!result.ok) return;
    setClosed(archived ? step : null);
    focusAfter(
      archived
        ? '[data-testid="career-step-undo"]'
        : `[data-goal-id="${step.id}"] [data-testid="career-step-done"]`,
      from,
    );
  };
  const assess = async (value: CareerAssessment | null) => {
    const result = await onAssess(value);
    setError(result.ok ? null : result.message);
  };
  return (
    <div class="ses-career" data-testid="session-career" ref={root}>
      {parts.includes('assessment') ? (
        <div
          class="cal-toggle"
          role="group"
          aria-label={t('panel_career_assessment')}
          data-testid="career-assessment"
        >
          {OPTIONS.map(([value, label]) => (
            <button
              type="button"
              key={value}
              class="cal-toggle-button"
              aria-pressed={assessment === value}
              data-testid={`assessment-${value}`}
              onClick={() => void assess(assessment === value ? null : value)}
            >
              {label()}
            </button>
          ))}
        </div>
      ) : null}
      {parts.includes('steps') ? (
        <>
          {parts.includes('assessment') ? <p class="cal-label">{t('panel_career_steps')}</p> : null}
          {steps.length > 0 ? (
            <ul class="cal-list">
              {steps.map((goal) => (
                <li class="cal-item" key={goal.id} data-testid="career-step" data-goal-id={goal.id}>
                  <div class="ses-row">
                    <span>
                      <span class="cal-goal-title">{goal.title}</span>{' '}
                      {goal.targetDate ? (
                        <span class="duet-muted cal-small">
                          {t('panel_career_by', formatDay(goal.targetDate, dayOf(Date.now())))}
                        </span>
                      ) : null}
                    </span>
                    <button
                      type="button"
                      class="cal-button cal-button-small cal-button-quiet"
                      data-testid="career-step-done"
                      aria-label={t('panel_career_step_done_label', goal.title)}
                      onClick={() => void setArchived(goal, true)}
                    >
                      {t('panel_career_step_done')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          ) : null}
          {closed ? (
            <UndoNote
              statusId="career-step-closed"
              undoId="career-step-undo"
              text={t('panel_career_step_closed', closed.title)}
              onUndo={() => void setArchived(closed, false)}
            />
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
                data-testid="career-step-input"
                onInput={(event) => setText(event.currentTarget.value)}
              />
              <button type="submit" class="cal-button cal-button-small">
                {t('panel_add')}
              </button>
            </form>
          ) : null}
        </>
      ) : null}
      <AlertLine message={error} />
    </div>
  );
}
