/** Feedback given and received, kept per person: add it during the session, see the recent history. */
import { useAddBox, useKeptChoice } from './kept-drafts';
import { type Feedback, MAX_LONG_TEXT } from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import { checkedAdd } from '../calendar/use-calendar-actions';
import type { ActionResult } from '../calendar/view-types';
import { AlertLine } from '../AlertLine';
import { dayOf } from '@/lib/domain/days';
import { formatDay } from '../../shared/format';

export interface FeedbackSectionProps {
  feedback: readonly Feedback[];
  theirName: string;
  onAdd: (direction: Feedback['direction'], text: string) => Promise<ActionResult>;
}

export function FeedbackSection({ feedback, theirName, onAdd }: FeedbackSectionProps) {
  const [direction, setDirection] = useKeptChoice<Feedback['direction']>(
    'feedback:direction',
    'given',
    (kept): kept is Feedback['direction'] => kept === 'given' || kept === 'received',
  );
  const { text, setText, error, add } = useAddBox(
    'feedback',
    // Feedback is kept up to MAX_LONG_TEXT; no `maxLength` on the box cuts a long paste short.
    checkedAdd(MAX_LONG_TEXT, t('panel_feedback_empty'), (typed) => onAdd(direction, typed)),
    t('panel_feedback_empty'),
  );
  const today = dayOf(Date.now());
  return (
    <div class="ses-feedback" data-testid="session-feedback">
      <form class="cal-inline-form" onSubmit={(event) => void add(event)}>
        <div class="cal-toggle" role="group" aria-label={t('panel_feedback_direction')}>
          {(['given', 'received'] as const).map((d) => (
            <button
              type="button"
              key={d}
              class="cal-toggle-button"
              aria-pressed={direction === d}
              onClick={() => setDirection(d)}
            >
              {d === 'given'
                ? t('panel_feedback_given_to', theirName || t('panel_them'))
                : t('panel_feedback_received')}
            </button>
          ))}
        </div>
        <label for="ses-feedback-text" class="cal-sr-only">
          {t('panel_feedback_label')}
        </label>
        <textarea
          id="ses-feedback-text"
          class="cal-input ses-textarea-small"
          rows={2}
          placeholder={
            direction === 'given'
              ? t('panel_feedback_placeholder_given', theirName || t('panel_them'))
              : t('panel_feedback_placeholder_received')
          }
          value={text}
          data-testid="feedback-text"
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <div class="cal-actions">
          <button type="submit" class="cal-button cal-button-small" data-testid="feedback-add">
            {t('panel_feedback_keep')}
          </button>
        </div>
        <AlertLine message={error} />
      </form>
      {feedback.length > 0 ? (
        <ul class="cal-list">
          {feedback.slice(0, 5).map((item) => (
            <li class="cal-item" key={item.id} data-testid="feedback-item">
              <span class="cal-owner">
                {t(
                  item.direction === 'given' ? 'panel_feedback_given_on' : 'panel_feedback_received_on',
                  formatDay(dayOf(item.at), today),
                )}
              </span>
              <span class="cal-agreement-text">{item.text}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
