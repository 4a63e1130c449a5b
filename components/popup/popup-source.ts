/**
 * Where the popup's lists come from. The first read uses raw IndexedDB (`@/lib/db/popup-view`: no Dexie,
 * no zod), so the lists are on screen before the rest of Duet's data layer has loaded; that part
 * (`popup-live.ts`) is imported after the first paint for the writes and the change notifications. A
 * database that does not exist yet, or must first be upgraded, is read through Dexie, which owns the schema.
 */
import type { AgreementFilter } from '@/lib/domain/agreements';
import type { OffCalendar } from './declined-events';
import { openForReading } from '@/lib/db/idb-read';
import { POPUP_TABLES, type PopupView, readPopupView } from '@/lib/db/popup-view';
import type { PopupActions } from './popup-actions';
import type { ActionResult } from '../panel/calendar/view-types';
import { t } from '@/lib/i18n';

export interface PopupQuery {
  filter: AgreementFilter;
  query: string;
  /** The popup's first read: its first screenful only (`FIRST_SCREEN`). */
  firstScreen?: boolean;
}

/** What the popup reads first: the default filter's first screenful. */
export const FIRST_READ: PopupQuery = { filter: 'all-open', query: '', firstScreen: true };

export interface PopupSource {
  load(query: PopupQuery): Promise<PopupView>;
  /** Starts the first read before the page renders anything; the first `load` of that query gets it. */
  prefetch(query: PopupQuery): void;
  /**
   * Calls `onChange` whenever the data may have changed (this page, another tab, the worker), and once
   * as soon as it is set up: what changed since the first read, and the complete view after a first screen.
   */
  watch(onChange: () => void): () => void;
  actions: PopupActions;
  /**
   * Calendar instances of tracked 1:1s I declined, or that Calendar no longer shows (what the worker saw),
   * and when that changes.
   */
  declined(): Promise<ReadonlyMap<string, OffCalendar>>;
  watchDeclined(onChange: () => void): () => void;
}

const live = () => import('./popup-live');

/** A source with its own raw connection (opened on the first read, then kept while the popup is open). */
export function createPopupSource(factory: () => IDBFactory = () => indexedDB): PopupSource {
  /** The raw connection, or null once it is known not to serve (missing/old database, closed, failed). */
  let reader: Promise<IDBDatabase | null> | undefined;

  async function read(query: PopupQuery): Promise<PopupView> {
    reader ??= openForReading(factory()).catch(() => null);
    const db = await reader;
    if (db) {
      try {
        return await readPopupView(db, query);
      } catch {
        // Closed under us (an upgrade elsewhere) or failed: Dexie reads from now on, and reports real errors.
        reader = Promise.resolve(null);
      }
    }
    return (await live()).loadPopupView(query);
  }

  /** Benchmark marks around the first read (`performance.getEntriesByName`). */
  let marked = false;
  async function markedRead(query: PopupQuery): Promise<PopupView> {
    if (marked) return read(query);
    marked = true;
    performance.mark('duet-popup-query');
    const view = await read(query);
    performance.mark('duet-popup-data');
    return view;
  }

  /** A read started before the first render (`prefetch`), for the first `load` that asks the same. */
  let early: { key: string; view: Promise<PopupView> } | null | undefined;
  const keyOf = (query: PopupQuery) =>
    JSON.stringify([query.filter, query.query, query.firstScreen === true]);

  return {
    prefetch(query) {
      if (early === undefined) early = { key: keyOf(query), view: markedRead(query) };
    },
    load(query) {
      const pending = early;
      early = null;
      if (pending && pending.key === keyOf(query)) return pending.view;
      // Asked for something else: the early read is dropped (and its failure, if any, with it).
      pending?.view.catch(() => undefined);
      return markedRead(query);
    },
    watch,
    actions,
    declined,
    watchDeclined,
  };
}

/**
 * Subscribes once the data layer has loaded (not at all if stopped first), then runs `afterwards` (also
 * if the data layer failed to load); the returned function stops it.
 */
function whenLive(
  subscribe: (module: Awaited<ReturnType<typeof live>>) => () => void,
  afterwards?: () => void,
): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  void live()
    .then((module) => {
      if (!stopped) stop = subscribe(module);
    })
    .catch(() => undefined)
    .finally(() => {
      if (!stopped) afterwards?.();
    });
  return () => {
    stopped = true;
    stop?.();
  };
}

function watch(onChange: () => void): () => void {
  return whenLive(
    (module) => {
      // Ask the browser to keep Duet's data under storage pressure (the answer is recorded for the
      // options page) — after the lists are up, so opening the popup never waits on it.
      void module.ensurePersistentStorage().catch(() => undefined);
      return module.onDatabaseChange(onChange, POPUP_TABLES);
    },
    // Read again: whatever changed since the first read, and the complete view after a first screen
    // (even if the data layer failed to load: the raw reader still serves).
    onChange,
  );
}

/**
 * A write that could not even start (the data layer failed to load: Duet was updated under the open popup)
 * answers as a failed write does, so the button that asked shows why instead of staying stuck.
 */
async function orFailed(write: () => Promise<ActionResult>): Promise<ActionResult> {
  try {
    return await write();
  } catch {
    return { ok: false, message: t('common_action_failed') };
  }
}

/** The writes, each loading the data layer first if it has not arrived yet. */
const actions: PopupActions = {
  done: (agreementId) => orFailed(async () => (await live()).popupActions.done(agreementId)),
  undoDone: (agreementId) => orFailed(async () => (await live()).popupActions.undoDone(agreementId)),
  cancelSession: (sessionId) => orFailed(async () => (await live()).popupActions.cancelSession(sessionId)),
  addPoint: (relationshipId, text) =>
    orFailed(async () => (await live()).popupActions.addPoint(relationshipId, text)),
};

/** Declined instances (after the first paint: with the data layer, `popup-live.ts`). */
async function declined(): Promise<ReadonlyMap<string, OffCalendar>> {
  return (await live()).readDeclinedEvents();
}

function watchDeclined(onChange: () => void): () => void {
  return whenLive((module) => module.watchDeclinedEvents(onChange));
}

export const popupSource: PopupSource = createPopupSource();
