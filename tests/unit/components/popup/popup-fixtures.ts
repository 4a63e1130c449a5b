/** Hand-made popup views and DOM helpers for the popup's component tests (no database needed). */
import { act } from 'preact/test-utils';
import { expect, vi } from 'vitest';
import type { PopupActions } from '@/components/popup/popup-actions';
import type { PopupRelationship, PopupUpcoming, PopupView, PrepStatus } from '@/lib/db';
import { type Agreement, newUpcomingSession, type Person, type Session } from '@/lib/domain/model';

export const TODAY = '2026-03-25';
const T0 = new Date(2026, 2, 25, 12, 0).getTime();

export function person(id: string, name: string): Person {
  return { id, name, emails: [], relation: 'report', archived: false, createdAt: T0, updatedAt: T0 };
}

export function rel(id: string, name: string, people: Person[] = [], title = ''): PopupRelationship {
  return { id, name, baseName: name, title, kind: 'one-on-one', people, archived: false };
}

export function agreement(id: string, relationshipId: string, changes: Partial<Agreement> = {}): Agreement {
  return {
    id,
    relationshipId,
    owner: 'me',
    ownerName: '',
    text: `Agreement ${id}`,
    dueDate: null,
    status: 'open',
    madeInSessionId: null,
    history: [],
    closedAt: null,
    createdAt: T0,
    updatedAt: T0,
    ...changes,
  };
}

export function session(id: string, relationshipId: string, scheduledAt: number): Session {
  return newUpcomingSession({ id, relationshipId, scheduledAt, templateId: 'standard' }, T0);
}

export function upcoming(
  relationship: PopupRelationship,
  scheduledAt: number,
  prep: PrepStatus = { talkingPoints: 0, openAgreements: 0, reviewed: 0 },
): PopupUpcoming {
  return {
    session: session(`s-${relationship.id}-${scheduledAt}`, relationship.id, scheduledAt),
    relationship,
    prep,
  };
}

export const BOB = rel('rel-bob', 'Bob Jones', [person('p-bob', 'Bob Jones')], 'Alice / Bob');
export const CAROL = rel('rel-carol', 'Carol King', [person('p-carol', 'Carol King')], 'Alice / Carol');

export function view(changes: Partial<PopupView> = {}): PopupView {
  return {
    today: TODAY,
    counts: { 'all-open': 0, mine: 0, theirs: 0, overdue: 0, 'due-this-week': 0 },
    groups: [],
    truncated: false,
    upcoming: [],
    upcomingCount: 0,
    relationships: [BOB, CAROL],
    partial: false,
    ...changes,
  };
}

/** Actions that succeed (each a spy); pass overrides to make one fail. */
export function fakeActions(overrides: Partial<PopupActions> = {}): PopupActions {
  return {
    done: vi.fn<PopupActions['done']>(async () => ({ ok: true })),
    undoDone: vi.fn<PopupActions['undoDone']>(async () => ({ ok: true })),
    cancelSession: vi.fn<PopupActions['cancelSession']>(async () => ({ ok: true })),
    addPoint: vi.fn<PopupActions['addPoint']>(async () => ({ ok: true })),
    ...overrides,
  };
}

export const q = <E extends Element = HTMLElement>(testId: string, root: ParentNode = document) =>
  root.querySelector(`[data-testid="${testId}"]`) as E | null;
export const qa = <E extends Element = HTMLElement>(testId: string, root: ParentNode = document) => [
  ...(root.querySelectorAll(`[data-testid="${testId}"]`) as NodeListOf<E>),
];
export const text = (testId: string, root?: ParentNode) => q(testId, root)?.textContent ?? null;

export async function click(element: Element | null | undefined) {
  expect(element).toBeTruthy();
  await act(async () => {
    (element as HTMLElement).click();
  });
}

export async function type(element: Element | null | undefined, value: string, event = 'input') {
  expect(element).toBeTruthy();
  await act(() => {
    (element as HTMLInputElement).value = value;
    element!.dispatchEvent(new Event(event, { bubbles: true }));
  });
}

/** Dispatches a keydown like a browser does; returns whether the default was prevented. */
export async function key(element: Element | null | undefined, keyName: string): Promise<boolean> {
  expect(element).toBeTruthy();
  let event!: KeyboardEvent;
  await act(() => {
    event = new KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true });
    element!.dispatchEvent(event);
  });
  return event.defaultPrevented;
}

/** The label a button has for screen readers. */
export const byLabel = (label: string, root: ParentNode = document) =>
  root.querySelector<HTMLElement>(`[aria-label="${label}"]`);
