/** The content script's response checks accept and refuse exactly what the zod schemas do. */
import { describe, expect, it } from 'vitest';
import { isBadgesResponse, isDetailsResponse, isEventBadge, isMeetShow, isOk } from '@/lib/messaging/guards';
import { MESSAGES } from '@/lib/messaging/protocol';
import { EventBadgeSchema, OkSchema } from '@/lib/messaging/schemas';

const badge = {
  dataEventId: 'OXE3a2Rscm1vaDdjZnVlODFrZjV1OGZta2tfMjAyNjAzMjNUMTcwMDAwWiBhbGljZUBhY21lLmV4YW1wbGU',
  kind: 'one-on-one',
  confidence: 'confirmed',
  openAgreements: 2,
};
const VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'x'.repeat(513),
  'a b',
  0,
  -1,
  1.5,
  120,
  true,
  [],
  {},
  'peer',
  'likely',
  'maybe',
];

function mutations(sample: Record<string, unknown>): unknown[] {
  const out: unknown[] = [sample, { ...sample, extra: true }, null, [], 'badge'];
  for (const key of Object.keys(sample)) {
    for (const value of VALUES) {
      const copy = { ...sample };
      if (value === undefined) delete copy[key];
      else copy[key] = value;
      out.push(copy);
    }
  }
  return out;
}

describe('content-side response guards', () => {
  it('isEventBadge ≡ EventBadgeSchema', () => {
    for (const candidate of mutations(badge)) {
      expect(isEventBadge(candidate), JSON.stringify(candidate)).toBe(
        EventBadgeSchema.safeParse(candidate).success,
      );
    }
  });

  it('isBadgesResponse ≡ the classify response schema; isDetailsResponse ≡ the details response schema', () => {
    const badges = mutations(badge);
    const classify = MESSAGES['calendar/classify-events'].response;
    const details = MESSAGES['calendar/event-details'].response;
    for (const candidate of [
      { badges: [] },
      { badges: [badge, badge] },
      ...badges.map((b) => ({ badges: [badge, b] })),
      { badges: badge },
      {},
      { badges: [], extra: 1 },
    ]) {
      expect(isBadgesResponse(candidate)).toBe(classify.safeParse(candidate).success);
    }
    for (const candidate of [
      { badge: null },
      ...badges.map((b) => ({ badge: b })),
      {},
      { badge: null, x: 1 },
    ]) {
      expect(isDetailsResponse(candidate)).toBe(details.safeParse(candidate).success);
    }
  });

  it('isOk ≡ OkSchema', () => {
    for (const candidate of [
      { ok: true },
      { ok: false },
      { ok: 'true' },
      {},
      { ok: true, x: 1 },
      null,
      true,
    ]) {
      expect(isOk(candidate)).toBe(OkSchema.safeParse(candidate).success);
    }
  });

  it('isMeetShow ≡ the Meet call-seen response schema', () => {
    const schema = MESSAGES['meet/call-seen'].response;
    for (const candidate of [
      ...mutations({ show: 'open' }),
      { show: 'collapsed' },
      { show: 'hidden' },
      { show: 'closed' },
      { show: 'open', ok: true },
    ]) {
      expect(isMeetShow(candidate), JSON.stringify(candidate)).toBe(schema.safeParse(candidate).success);
    }
  });
});
