/** Types shared by the Calendar panel's components and hooks (no logic). */
import type { Relation, RelationshipKind } from '@/lib/domain/model';
import type { PanelContext } from '@/lib/messaging/protocol';

/** The panel context of a Calendar event. */
export type CalendarContext = Extract<PanelContext, { surface: 'calendar' }>;

/**
 * What an action reports back to the component that started it: components show a failure next to the
 * control (keeping what was typed) and never see the exception itself.
 */
export type ActionResult = { ok: true } | { ok: false; message: string };

/** The details used to start tracking a series as a 1:1 (editable before creating). */
export interface TrackDraft {
  name: string;
  email: string;
  relation: Relation;
  kind: RelationshipKind;
  cadenceDays: number;
  /** A 2-1's other person (the other lead or the member), tracked along with the first. */
  others?: ReadonlyArray<{ name: string; email: string }>;
}

export type Direction = 'up' | 'down';
