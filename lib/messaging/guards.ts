/**
 * Response checks for content scripts, mirroring the zod schemas in schemas.ts (held equal by
 * tests/unit/messaging/guards.test.ts): content scripts ship no zod (see lib/google/calendar/guards.ts).
 */
import { hasExactly, isDataEventId, isRecord } from '../google/calendar/guards';
import type { EventBadge, MeetShow } from './schemas';

const KINDS = new Set(['one-on-one', 'two-on-one', 'skip-level', 'peer', 'career']);
const CONFIDENCE = new Set(['confirmed', 'likely']);

export function isEventBadge(value: unknown): value is EventBadge {
  return (
    isRecord(value) &&
    hasExactly(value, ['dataEventId', 'kind', 'confidence', 'openAgreements']) &&
    isDataEventId(value.dataEventId) &&
    KINDS.has(value.kind as string) &&
    CONFIDENCE.has(value.confidence as string) &&
    Number.isInteger(value.openAgreements) &&
    (value.openAgreements as number) >= 0
  );
}

export const isOk = (value: unknown): value is { ok: true } =>
  isRecord(value) && hasExactly(value, ['ok']) && value.ok === true;

export const isBadgesResponse = (value: unknown): value is { badges: EventBadge[] } =>
  isRecord(value) &&
  hasExactly(value, ['badges']) &&
  Array.isArray(value.badges) &&
  value.badges.every(isEventBadge);

export const isDetailsResponse = (value: unknown): value is { badge: EventBadge | null } =>
  isRecord(value) && hasExactly(value, ['badge']) && (value.badge === null || isEventBadge(value.badge));

const SHOW = new Set(['open', 'collapsed', 'hidden']);

export const isMeetShow = (value: unknown): value is MeetShow =>
  isRecord(value) && hasExactly(value, ['show']) && SHOW.has(value.show as string);
