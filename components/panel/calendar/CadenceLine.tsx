import type { CadenceHealth } from '@/lib/domain/cadence';
import { t } from '@/lib/i18n';
import { cadenceText } from './calendar-text';

function statusWords(status: CadenceHealth['status']): string {
  switch (status) {
    case 'ok':
      return t('panel_cadence_status_ok');
    case 'due':
      return t('panel_cadence_status_due');
    case 'overdue':
      return t('panel_cadence_status_overdue');
  }
}

/** "last 1:1 18 days ago, every 2 weeks — due", coloured by status (the words say it too). */
export function CadenceLine({ health }: { health: CadenceHealth }) {
  return (
    <p class={`cal-cadence cal-status-${health.status}`} data-testid="cadence" data-status={health.status}>
      <span class="cal-dot" aria-hidden="true" />
      <span class="cal-sr-only">{statusWords(health.status)} </span>
      <span class="cal-cadence-text">{cadenceText(health)}</span>
    </p>
  );
}
