/**
 * One 1:1 on its own — opened from the popup ("Open" beside a person), in the browser's side panel or a tab:
 * who and how often, last time's notes, open agreements, talking points for next time, goals, and when the
 * next 1:1 is. The same sections as the Calendar panel, without an event.
 */
import { useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { useLiveQuery } from '../../shared/use-live-query';
import { useToday } from '../../shared/use-today';
import { CadenceLine } from '../calendar/CadenceLine';
import { formatSessionDate } from '../calendar/calendar-text';
import { namesOf } from '../../shared/format';
import { RelationshipHeader } from '../calendar/RelationshipHeader';
import { loadPrepView } from '../calendar/use-prep-view';
import { relationshipActions } from '../calendar/relationship-actions';
import { RelationshipSections } from '../calendar/RelationshipSections';

export interface RelationshipPanelProps {
  relationshipId: string;
  onChanged: () => void;
}

export function RelationshipPanel({ relationshipId, onChanged }: RelationshipPanelProps) {
  // Read again at midnight, as the Calendar panel is: the cadence line counts from today.
  const today = useToday();
  const view = useLiveQuery(() => loadPrepView(relationshipId, ''), [relationshipId, today]);
  const [announcement, setAnnouncement] = useState('');
  const actions = useMemo(
    () => relationshipActions(relationshipId, setAnnouncement, onChanged),
    [relationshipId, onChanged],
  );

  if (view.status === 'loading')
    return (
      <p class="duet-muted" data-testid="panel-loading">
        {t('common_loading')}
      </p>
    );
  if (view.status === 'error')
    return (
      <p class="duet-error" role="alert" data-testid="panel-error">
        {t('common_read_error')}
      </p>
    );
  if (!view.value)
    return (
      <p class="duet-empty" data-testid="relationship-missing">
        {t('rel_missing')}
      </p>
    );
  const { overview } = view.value;
  const relationship = overview.relationship;
  const withWhom = namesOf(overview.people) || relationship.title || t('rel_untitled');
  const next = overview.nextSession;
  return (
    <section class="event cal" data-testid="relationship-panel">
      <RelationshipHeader
        eventTitle={relationship.title}
        kind={relationship.kind}
        withWhom={withWhom}
        titleGuess={false}
      />
      <div class="cal-body">
        <CadenceLine health={overview.cadence} />
        <p class="duet-muted cal-small" data-testid="relationship-next">
          {next ? t('rel_next_session', formatSessionDate(next.scheduledAt)) : t('rel_no_next_session')}
        </p>
        <RelationshipSections view={view.value} actions={actions} />
      </div>
      <p class="cal-sr-only" role="status" aria-live="polite" data-testid="panel-announcement">
        {announcement}
      </p>
      <p class="privacy duet-muted">{t('common_privacy_short')}</p>
    </section>
  );
}
