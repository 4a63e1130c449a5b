import type { CadenceHealth } from '@/lib/domain/cadence';
import { cadenceText } from './calendar-text';

const STATUS_WORDS: Record<CadenceHealth['status'], string> = {
  ok: 'Cadence on track',
  due: 'Cadence: 1:1 due',
  overdue: 'Cadence: 1:1 overdue',
};

/** "last 1:1 18 days ago, every 2 weeks — due", coloured by status (the words say it too). */
export function CadenceLine({ health }: { health: CadenceHealth }) {
  return (
    <p class={`cal-cadence cal-status-${health.status}`} data-testid="cadence" data-status={health.status}>
      <span class="cal-dot" aria-hidden="true" />
      <span class="cal-sr-only">{STATUS_WORDS[health.status]}: </span>
      <span class="cal-cadence-text">{cadenceText(health)}</span>
    </p>
  );
}
