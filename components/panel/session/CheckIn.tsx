/** The optional check-in: mood and workload on a 1–5 scale, one click each (click again to clear). */
import type { CheckIn as CheckInValue } from '@/lib/domain/model';

export interface CheckInProps {
  value: CheckInValue | null;
  onChange: (value: CheckInValue) => void;
}

const SCALES = [
  { key: 'mood', label: 'Mood', low: 'low', high: 'great' },
  { key: 'workload', label: 'Workload', low: 'light', high: 'too much' },
] as const;

export function CheckIn({ value, onChange }: CheckInProps) {
  const current = value ?? { mood: null, workload: null };
  return (
    <div class="ses-checkin" data-testid="check-in">
      {SCALES.map((scale) => (
        <div class="ses-scale" role="group" aria-labelledby={`ses-scale-${scale.key}`} key={scale.key}>
          <span id={`ses-scale-${scale.key}`} class="ses-scale-label">
            {scale.label}
          </span>
          <span class="duet-muted cal-small">{scale.low}</span>
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              type="button"
              key={n}
              class="ses-scale-button"
              aria-pressed={current[scale.key] === n}
              aria-label={`${scale.label} ${n} of 5`}
              data-testid={`check-in-${scale.key}-${n}`}
              onClick={() => onChange({ ...current, [scale.key]: current[scale.key] === n ? null : n })}
            >
              {n}
            </button>
          ))}
          <span class="duet-muted cal-small">{scale.high}</span>
        </div>
      ))}
    </div>
  );
}
