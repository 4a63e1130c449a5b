/** Goals/OKRs during a session: move a key result's progress and set the goal's status. */
import type { Goal } from '@/lib/domain/model';
import { t, uiLocale } from '@/lib/i18n';
import { goalStatusName } from '../calendar/calendar-text';
import type { ActionResult } from '../calendar/view-types';

export interface GoalsSectionProps {
  goals: readonly Goal[];
  onUpdate: (id: string, patch: Partial<Pick<Goal, 'keyResults' | 'status'>>) => Promise<ActionResult>;
}

const STATUSES: Array<Goal['status']> = ['ahead', 'on-track', 'behind'];

function percent(value: number): string {
  return new Intl.NumberFormat(uiLocale(), { style: 'percent' }).format(value / 100);
}

export function GoalsSection({ goals, onUpdate }: GoalsSectionProps) {
  const active = goals.filter((g) => g.category !== 'personal-development');
  if (active.length === 0) return <p class="duet-muted cal-small">{t('panel_goals_none_session')}</p>;
  return (
    <ul class="cal-list ses-goals" data-testid="session-goals">
      {active.map((goal) => (
        <li class="cal-item" key={goal.id} data-testid="session-goal">
          <div class="ses-row">
            <span class="cal-goal-title">{goal.title}</span>
            <label>
              <span class="cal-sr-only">{t('panel_goals_status_of', goal.title)}</span>
              <select
                class="cal-input ses-select"
                value={goal.status}
                data-testid="goal-status"
                onChange={(event) =>
                  void onUpdate(goal.id, { status: event.currentTarget.value as Goal['status'] })
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
                onChange={(event) =>
                  void onUpdate(goal.id, {
                    keyResults: goal.keyResults.map((k) =>
                      k.id === kr.id ? { ...k, progress: Number(event.currentTarget.value) } : k,
                    ),
                  })
                }
              />
              <span class="duet-muted cal-small ses-kr-value">{percent(kr.progress)}</span>
            </label>
          ))}
        </li>
      ))}
    </ul>
  );
}
