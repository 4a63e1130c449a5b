import { dayOf } from '@/lib/domain/days';
import type { Goal } from '@/lib/domain/model';
import { t, uiLocale } from '@/lib/i18n';
import { formatDay } from '../../shared/format';
import { goalCategoryName, goalStatusName } from './calendar-text';

function percent(value: number): string {
  return new Intl.NumberFormat(uiLocale(), { style: 'percent' }).format(value / 100);
}

/** Goals at a glance: title, category, target day ("by Jun 30"), status and each key result's progress. */
export function GoalsGlance({ goals }: { goals: readonly Goal[] }) {
  return (
    <section class="cal-section" data-testid="goals" aria-labelledby="cal-goals-title">
      <div class="cal-section-head">
        <h2 id="cal-goals-title" class="cal-section-title">
          {t('panel_goals_title')}
        </h2>
      </div>
      {goals.length === 0 ? (
        <p class="duet-muted cal-empty-line" data-testid="goals-empty">
          {t('panel_goals_empty')}
        </p>
      ) : (
        <ul class="cal-list">
          {goals.map((goal) => (
            <li key={goal.id} class="cal-item cal-goal" data-testid="goal-item" data-goal-id={goal.id}>
              <div class="cal-goal-head">
                <span class="cal-goal-title" data-testid="goal-title">
                  {goal.title}
                </span>
                <span class={`cal-goal-status cal-goal-${goal.status}`} data-testid="goal-status">
                  {goalStatusName(goal.status)}
                </span>
              </div>
              <p class="duet-muted cal-small" data-testid="goal-category">
                {goalCategoryName(goal.category)}
                {goal.targetDate ? (
                  <>
                    {' · '}
                    <span data-testid="goal-target">
                      {t('panel_career_by', formatDay(goal.targetDate, dayOf(Date.now())))}
                    </span>
                  </>
                ) : null}
              </p>
              {goal.keyResults.length > 0 ? (
                <ul class="cal-key-results">
                  {goal.keyResults.map((kr) => {
                    const progress = Math.round(Math.min(100, Math.max(0, kr.progress)));
                    return (
                      <li key={kr.id} class="cal-key-result" data-testid="key-result">
                        <div class="cal-kr-line">
                          <span class="cal-kr-text">{kr.text}</span>
                          <span class="duet-muted cal-small" aria-hidden="true">
                            {percent(progress)}
                          </span>
                        </div>
                        <div
                          class="cal-progress"
                          role="progressbar"
                          aria-label={kr.text}
                          aria-valuemin={0}
                          aria-valuemax={100}
                          aria-valuenow={progress}
                          aria-valuetext={percent(progress)}
                        >
                          <div class="cal-progress-bar" style={{ width: `${progress}%` }} />
                        </div>
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
