/** The optional check-in: mood and workload on a 1–5 scale, one click each (click again to clear). */
import { useState } from 'preact/hooks';
import type { CheckIn as CheckInValue } from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import type { ActionResult } from '../calendar/view-types';
import { AlertLine } from '../AlertLine';

export interface CheckInProps {
  value: CheckInValue | null;
  /** Saves the check-in; what went wrong is shown under the scales. */
  onChange: (value: Partial<CheckInValue>) => Promise<ActionResult>;
}

function scales() {
  return [
    {
      key: 'mood',
      label: t('panel_checkin_mood'),
      low: t('panel_checkin_mood_low'),
      high: t('panel_checkin_mood_high'),
    },
    {
      key: 'workload',
      label: t('panel_checkin_workload'),
      low: t('panel_checkin_workload_low'),
      high: t('panel_checkin_workload_high'),
    },
  ] as const;
}

export function CheckIn({ value, onChange }: CheckInProps) {
  const current = value ?? { mood: null, workload: null };
  const SCALES = scales();
  const [error, setError] = useState<string | null>(null);
  // Only the scale clicked is saved: a click on the other one before this view caught up keeps this one.
  const change = async (next: Partial<CheckInValue>) => {
    const result = await onChange(next);
    setError(result.ok ? null : result.message);
  };
  return (
    <div class="ses-checkin" data-testid="check-in">
      {SCALES.map((scale) => (
        <div class="ses-scale" role="group" aria-labelledby={`ses-scale-${scale.key}`} key={scale.key}>
          <span id={`ses-scale-${scale.key}`} class="ses-scale-label">
            {scale.label}
          </span>
          <span class="duet-muted cal-small ses-scale-end ses-scale-low">{scale.low}</span>
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              type="button"
              key={n}
              class="ses-scale-button"
              aria-pressed={current[scale.key] === n}
              aria-label={t('panel_checkin_value', scale.label, n)}
              data-testid={`check-in-${scale.key}-${n}`}
              onClick={() => void change({ [scale.key]: current[scale.key] === n ? null : n })}
            >
              {n}
            </button>
          ))}
          <span class="duet-muted cal-small ses-scale-end">{scale.high}</span>
        </div>
      ))}
      <AlertLine message={error} />
    </div>
  );
}
