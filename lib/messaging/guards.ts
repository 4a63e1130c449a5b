/**
 * Response checks for content scripts, mirroring the zod schemas in schemas.ts (held equal by
 * tests/unit/messaging/guards.test.ts): content scripts ship no zod (see lib/google/calendar/guards.ts).
 */
import type { EventBadge } from './schemas';

const KINDS = new Set(['one-on-one', 'two-on-one', 'skip-level', 'peer', 'career']);
const CONFIDENCE = new Set(['confirmed', 'likely']);

type Rec = Record<string, unknown>;
const isRecord = (value: unknown): value is Rec =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const keysAre = (value: Rec, keys: readonly string[]) =>
  Object.keys(value).length === keys.length &&
  keys.every((k) => Object.prototype.hasOwnProperty.call(value, k));

export function isEventBadge(value: unknown): value is EventBadge {
  return (
    isRecord(value) &&
    keysAre(value, ['dataEventId', 'kind', 'confidence', 'openAgreements']) &&
    typeof value.dataEventId === 'string' &&
    value.dataEventId.length >= 1 &&
    value.dataEventId.length <= 512 &&
    /^[A-Za-z0-9+/=_.-]+$/.test(value.dataEventId) &&
    KINDS.has(value.kind as string) &&
    CONFIDENCE.has(value.confidence as string) &&
    Number.isInteger(value.openAgreements) &&
    (value.openAgreements as number) >= 0
  );
}

export const isOk = (value: unknown): value is { ok: true } =>
  isRecord(value) && keysAre(value, ['ok']) && value.ok === true;

export const isBadgesResponse = (value: unknown): value is { badges: EventBadge[] } =>
  isRecord(value) &&
  keysAre(value, ['badges']) &&
  Array.isArray(value.badges) &&
  value.badges.every(isEventBadge);

export const isDetailsResponse = (value: unknown): value is { badge: EventBadge | null } =>
  isRecord(value) && keysAre(value, ['badge']) && (value.badge === null || isEventBadge(value.badge));
