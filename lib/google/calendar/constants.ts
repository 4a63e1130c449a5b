/** Plain constants of the Calendar model (no zod, so content scripts can import them). */
export const RESPONSES = ['accepted', 'declined', 'tentative', 'needs-action', 'unknown'] as const;
export const CALENDAR_VIEWS = ['day', 'week', 'custom_days', 'month', 'agenda', 'year', 'unknown'] as const;
export const GUEST_KINDS = ['person', 'room', 'resource', 'group'] as const;
export type EventResponse = (typeof RESPONSES)[number];
export type CalendarView = (typeof CALENDAR_VIEWS)[number];
