/**
 * Cadence health: is a 1:1 series being held as often as intended? "Last 1:1 18 days ago, every 14
 * days — due". Overdue once the gap reaches one and a half cadences (5 weeks on a 2-week cadence).
 */
import { type Day, daysBetween } from './days';

export type CadenceStatus = 'ok' | 'due' | 'overdue';

export interface CadenceHealth {
  status: CadenceStatus;
  /** Days since the last held session; `null` if none was ever held. */
  daysSince: number | null;
  cadenceDays: number;
}

export function cadenceHealth(lastHeldDay: Day | null, cadenceDays: number, today: Day): CadenceHealth {
  if (lastHeldDay === null) return { status: 'due', daysSince: null, cadenceDays };
  const daysSince = Math.max(0, daysBetween(lastHeldDay, today));
  const status: CadenceStatus =
    daysSince >= Math.ceil(cadenceDays * 1.5) ? 'overdue' : daysSince >= cadenceDays ? 'due' : 'ok';
  return { status, daysSince, cadenceDays };
}

/** "last 1:1 18 days ago, every 14 days — due" */
export function describeCadence(health: CadenceHealth): string {
  const every =
    health.cadenceDays % 7 === 0 ? `${health.cadenceDays / 7} weeks` : `${health.cadenceDays} days`;
  const cadence = health.cadenceDays === 7 ? 'every week' : `every ${every}`;
  if (health.daysSince === null) return `no 1:1 held yet, ${cadence}`;
  const since =
    health.daysSince === 0 ? 'today' : health.daysSince === 1 ? 'yesterday' : `${health.daysSince} days ago`;
  return `last 1:1 ${since}, ${cadence} — ${health.status === 'ok' ? 'on track' : health.status}`;
}
