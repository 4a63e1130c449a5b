import { describe, expect, it } from 'vitest';
import { decodeEventId } from '@/lib/domain/event-id';

describe('setup', () => {
  it('runs', () => {
    expect(
      decodeEventId('OXE3a2Rscm1vaDdjZnVlODFrZjV1OGZta2tfMjAyNjAzMjNUMTcwMDAwWiBhbGljZUBhY21lLmV4YW1wbGU')
        ?.seriesId,
    ).toBe('9q7kdlrmoh7cfue81kf5u8fmkk');
  });
});
