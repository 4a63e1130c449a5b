/** Feedback given and received, kept per person: add it during the session, see the recent history. */
import { useState } from 'preact/hooks';
import type { Feedback } from '@/lib/domain/model';
import type { ActionResult } from '../calendar/view-types';

export interface FeedbackSectionProps {
  feedback: readonly Feedback[];
  theirName: string;
  onAdd: (direction: Feedback['direction'], text: string) => Promise<ActionResult>;
}

export function FeedbackSection({ feedback, theirName, onAdd }: FeedbackSectionProps) {
  const [direction, setDirection] = useState<Feedback['direction']>('given');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      setError('Write the feedback first.');
      return;
    }
    const result = await onAdd(direction, text);
    setError(result.ok ? null : result.message);
    if (result.ok) setText('');
  };
  return (
    <div class="ses-feedback" data-testid="session-feedback">
      <form class="cal-inline-form" onSubmit={(event) => void add(event)}>
        <div class="cal-toggle" role="group" aria-label="Direction">
          {(['given', 'received'] as const).map((d) => (
            <button
              type="button"
              key={d}
              class="cal-toggle-button"
              aria-pressed={direction === d}
              onClick={() => setDirection(d)}
            >
              {d === 'given' ? `Given to ${theirName || 'them'}` : 'Received'}
            </button>
          ))}
        </div>
        <label for="ses-feedback-text" class="cal-sr-only">
          Feedback
        </label>
        <textarea
          id="ses-feedback-text"
          class="cal-input ses-textarea-small"
          rows={2}
          value={text}
          maxLength={5000}
          data-testid="feedback-text"
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <div class="cal-actions">
          <button type="submit" class="cal-button cal-button-small" data-testid="feedback-add">
            Keep feedback
          </button>
        </div>
        {error ? (
          <p class="duet-error cal-small" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      {feedback.length > 0 ? (
        <ul class="cal-list">
          {feedback.slice(0, 5).map((item) => (
            <li class="cal-item" key={item.id} data-testid="feedback-item">
              <span class="cal-owner">{item.direction === 'given' ? 'given' : 'received'}</span>
              <span class="cal-agreement-text">{item.text}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
