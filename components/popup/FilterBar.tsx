/** Filters as a radio group (arrow keys move between them), each with its count ("99+" at the cap). */
import { AGREEMENT_FILTERS, type AgreementFilter } from '@/lib/domain/agreements';
import { COUNT_CAP } from '@/lib/db/popup-view';
import { type MessageKey, t } from '@/lib/i18n';

const LABELS: Record<AgreementFilter, MessageKey> = {
  'all-open': 'popup_filter_all',
  mine: 'popup_filter_mine',
  theirs: 'popup_filter_theirs',
  overdue: 'popup_filter_overdue',
  'due-this-week': 'popup_filter_week',
};

export function countText(count: number): string {
  return count >= COUNT_CAP ? `${COUNT_CAP - 1}+` : String(count);
}

export interface FilterBarProps {
  filter: AgreementFilter;
  counts: Record<AgreementFilter, number> | null;
  onChange: (filter: AgreementFilter) => void;
}

export function FilterBar({ filter, counts, onChange }: FilterBarProps) {
  return (
    <fieldset class="popup-filters" data-testid="popup-filters">
      <legend class="popup-sr-only">{t('popup_filters_legend')}</legend>
      {AGREEMENT_FILTERS.map((value) => (
        <label key={value} class="popup-filter" data-selected={value === filter ? 'true' : undefined}>
          <input
            type="radio"
            name="popup-filter"
            value={value}
            checked={value === filter}
            data-testid={`popup-filter-${value}`}
            onChange={() => onChange(value)}
          />
          <span>{t(LABELS[value])}</span>
          {counts ? (
            <span
              class={`popup-count${value === 'overdue' && counts.overdue > 0 ? ' popup-count-alert' : ''}`}
              data-testid={`popup-count-${value}`}
            >
              {countText(counts[value])}
            </span>
          ) : null}
        </label>
      ))}
    </fieldset>
  );
}
