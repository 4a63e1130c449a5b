/**
 * Goals/OKRs during a session: add a goal (with its category) and key results, move a key result's
 * progress, set the goal's status, and archive a goal that is finished with (Undo right after).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAddBox, useKeptChoice } from './kept-drafts';
import { UndoNote } from './UndoNote';
import { GOAL_CATEGORIES, type Goal, MAX_SHORT_TEXT } from '@/lib/domain/model';
import { t, uiLocale } from '@/lib/i18n';
import { goalCategoryName, goalStatusName } from '../calendar/calendar-text';
import { checkedAdd } from '../calendar/use-calendar-actions';
import type { ActionResult } from '../calendar/view-types';
import { AlertLine } from '../AlertLine';
import { useFocusAfter } from '../use-focus-after';

export interface GoalsSectionProps {
  /** The goals to show (the 1:1's, less any shown elsewhere, such as career steps). */
  goals: readonly Goal[];
  /** The category a new goal starts with (OKRs in the structured 1:1, impact otherwise). */
  defaultCategory: Goal['category'];
  onUpdate: (id: string, patch: Partial<Pick<Goal, 'status' | 'archived'>>) => Promise<ActionResult>;
  /** One key result's progress (applied to the goal as stored, not to the list this view shows). */
  onProgress: (goalId: string, keyResultId: string, progress: number) => Promise<ActionResult>;
  onAdd: (category: Goal['category'], title: string) => Promise<ActionResult>;
  onAddKeyResult: (goalId: string, text: string) => Promise<ActionResult>;
}

/** The kept-draft box of the new-goal title, and of a goal's new key result. */
export const GOAL_BOX = 'goal';
/** The category picked beside it (kept with its text). */
const GOAL_CATEGORY_BOX = 'goal:category';
export const keyResultBox = (goalId: string) => `key-result:${goalId}`;

const STATUSES: Array<Goal['status']> = ['ahead', 'on-track', 'behind'];

function percent(value: number): string {
  return new Intl.NumberFormat(uiLocale(), { style: 'percent' }).format(value / 100);
}

export function GoalsSection({
  goals,
  defaultCategory,
  onUpdate,
  onProgress,
  onAdd,
  onAddKeyResult,
}: GoalsSectionProps) {
  const [archived, setArchived] = useState<Goal | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** A change to a goal; what went wrong is said under the list. */
  const update = async (id: string, patch: Parameters<GoalsSectionProps['onUpdate']>[1]) => {
    const result = await onUpdate(id, patch);
    setError(result.ok ? null : result.message);
    return result.ok;
  };
  /**
   * A control's change saved, or put back to what is stored (as the agenda's checkbox is): when the error is
   * the one already shown, nothing re-draws the control, and it would keep a value the label and the
   * database do not have.
   */
  const changeStatus = async (select: HTMLSelectElement, goal: Goal, status: Goal['status']) => {
    if (!(await update(goal.id, { status }))) select.value = goal.status;
  };
  const progress = async (slider: HTMLInputElement, goalId: string, keyResultId: string, stored: number) => {
    const result = await onProgress(goalId, keyResultId, Number(slider.value));
    setError(result.ok ? null : result.message);
    if (!result.ok) slider.value = String(stored);
  };
  // Archive and Undo each take away the button just pressed: focus goes to the Undo, then back to the
  // goal's Archive, once each is drawn (the goal comes back with the live list), not to the page's body.
  // Only while focus is still on that button or lost: a user gone on to another box meanwhile keeps it.
  const { root, focusAfter } = useFocusAfter([goals, archived]);
  const archive = async (goal: Goal) => {
    const from = document.activeElement;
    if (!(await update(goal.id, { archived: true }))) return;
    setArchived(goal);
    focusAfter('[data-testid="goal-undo"]', from);
  };
  const undo = async (goal: Goal) => {
    const from = document.activeElement;
    if (!(await update(goal.id, { archived: false }))) return;
    setArchived(null);
    focusAfter(`[data-goal-id="${goal.id}"] [data-testid="goal-archive"]`, from);
  };
  return (
    <div class="ses-goals" data-testid="session-goals" ref={root}>
      {goals.length === 0 ? (
        <p class="duet-muted cal-small">{t('panel_goals_none_session')}</p>
      ) : (
        <ul class="cal-list">
          {goals.map((goal) => (
            <li class="cal-item" key={goal.id} data-testid="session-goal" data-goal-id={goal.id}>
              <div class="ses-row">
                <span class="cal-goal-title">{goal.title}</span>
                <label>
                  <span class="cal-sr-only">{t('panel_goals_status_of', goal.title)}</span>
                  <select
                    class="cal-input ses-select"
                    value={goal.status}
                    data-testid="goal-status"
                    onChange={(event) =>
                      void changeStatus(
                        event.currentTarget,
                        goal,
                        event.currentTarget.value as Goal['status'],
                      )
                    }
                  >
                    {STATUSES.map((value) => (
                      <option value={value} key={value}>
                        {goalStatusName(value)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <p class="duet-muted cal-small ses-goal-category">{goalCategoryName(goal.category)}</p>
              {goal.keyResults.map((kr) => (
                <label class="ses-kr" key={kr.id}>
                  <span class="cal-kr-text">{kr.text}</span>
                  <input
                    type="range"
                    min={0}
                    max={100}
                    step={5}
                    value={kr.progress}
                    data-testid="kr-progress"
                    aria-valuetext={percent(kr.progress)}
                    onChange={(event) => void progress(event.currentTarget, goal.id, kr.id, kr.progress)}
                  />
                  <span class="duet-muted cal-small ses-kr-value">{percent(kr.progress)}</span>
                </label>
              ))}
              <div class="ses-row">
                <KeyResultForm goal={goal} onAdd={onAddKeyResult} />
                <button
                  type="button"
                  class="cal-button cal-button-small cal-button-quiet"
                  data-testid="goal-archive"
                  aria-label={t('panel_goal_archive_label', goal.title)}
                  onClick={() => void archive(goal)}
                >
                  {t('panel_goal_archive')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {archived ? (
        <UndoNote
          statusId="goal-archived"
          undoId="goal-undo"
          text={t('panel_goal_archived', archived.title)}
          onUndo={() => void undo(archived)}
        />
      ) : null}
      <AlertLine message={error} />
      <NewGoalForm defaultCategory={defaultCategory} onAdd={onAdd} />
    </div>
  );
}

function NewGoalForm({ defaultCategory, onAdd }: Pick<GoalsSectionProps, 'defaultCategory' | 'onAdd'>) {
  const [category, setCategory] = useKeptChoice<Goal['category']>(
    GOAL_CATEGORY_BOX,
    defaultCategory,
    (kept): kept is Goal['category'] => (GOAL_CATEGORIES as readonly string[]).includes(kept),
  );
  // The template switched (to or from the structured 1:1): its category is the one to start from. Not on
  // mount: a category picked before the form was hidden (presenting) comes back with its title.
  const shownDefault = useRef(defaultCategory);
  useEffect(() => {
    if (shownDefault.current === defaultCategory) return;
    shownDefault.current = defaultCategory;
    setCategory(defaultCategory);
  }, [defaultCategory]);
  const {
    text: title,
    setText: setTitle,
    error,
    add,
  } = useAddBox(
    GOAL_BOX,
    checkedAdd(MAX_SHORT_TEXT, t('panel_goal_empty'), (text) => onAdd(category, text)),
    t('panel_goal_empty'),
  );
  return (
    <form class="cal-inline-form" data-testid="goal-form" onSubmit={(event) => void add(event)}>
      <label>
        <span class="cal-sr-only">{t('panel_goal_add_label')}</span>
        <input
          class="cal-input"
          placeholder={t('panel_goal_placeholder')}
          value={title}
          data-testid="goal-title-input"
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
      </label>
      <div class="cal-add-row">
        <label>
          <span class="cal-sr-only">{t('panel_goal_category_label')}</span>
          <select
            class="cal-input ses-select"
            value={category}
            data-testid="goal-category-input"
            onChange={(event) => setCategory(event.currentTarget.value as Goal['category'])}
          >
            {GOAL_CATEGORIES.map((value) => (
              <option value={value} key={value}>
                {goalCategoryName(value)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="cal-button cal-button-small" data-testid="goal-add">
          {t('panel_goal_add')}
        </button>
      </div>
      <AlertLine message={error} />
    </form>
  );
}

function KeyResultForm({ goal, onAdd }: { goal: Goal; onAdd: GoalsSectionProps['onAddKeyResult'] }) {
  const { text, setText, error, add } = useAddBox(
    keyResultBox(goal.id),
    checkedAdd(MAX_SHORT_TEXT, t('panel_goal_kr_empty'), (kr) => onAdd(goal.id, kr)),
    t('panel_goal_kr_empty'),
  );
  return (
    <form class="cal-add-row cal-grow" onSubmit={(event) => void add(event)}>
      <label class="cal-grow">
        <span class="cal-sr-only">{t('panel_goal_kr_label', goal.title)}</span>
        <input
          class="cal-input"
          placeholder={t('panel_goal_kr_placeholder')}
          value={text}
          data-testid="kr-input"
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </label>
      <button type="submit" class="cal-button cal-button-small" data-testid="kr-add">
        {t('panel_add')}
      </button>
      <AlertLine message={error} />
    </form>
  );
}
