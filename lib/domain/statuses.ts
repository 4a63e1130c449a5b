/**
 * The status values of stored records, as plain constants (no zod): `model.ts` builds its schemas from
 * them, and code that must load without zod (the popup's first paint) imports them from here.
 */
export const SESSION_STATUSES = ['upcoming', 'held', 'cancelled', 'rescheduled'] as const;
export const TALKING_POINT_STATUSES = ['open', 'discussed', 'dropped'] as const;
export const AGREEMENT_STATUSES = ['open', 'renegotiated', 'done', 'dropped'] as const;
/** Statuses of an agreement that still has to be honoured (carried over to every next session). */
export const ACTIVE_AGREEMENT_STATUSES = ['open', 'renegotiated'] as const;
/** Events an agreement's history keeps (`appendHistory` in ./agreements makes room by dropping old reviews). */
export const MAX_AGREEMENT_HISTORY = 500;
