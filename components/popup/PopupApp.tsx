/**
 * The toolbar popup: any agreement in two keystrokes (the search field has focus when it opens), filters with
 * counts, agreements grouped by person with "done" inline, the 1:1s of the next 7 days with their prep
 * status, and a one-line talking point for anyone. Reads live: a change in any tab shows up here.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OffCalendar } from './declined-events';
import type { PopupView } from '@/lib/db/popup-view';
import { type AgreementFilter } from '@/lib/domain/agreements';
import { t } from '@/lib/i18n';
import { Brand } from '../shared/Brand';
import { AgreementGroups } from './AgreementGroups';
import { FilterBar } from './FilterBar';
import { openRelationship, primeActiveTab } from './open-relationship';
import type { PopupActions } from './popup-actions';
import { FIRST_READ, popupSource, type PopupSource } from './popup-source';
import { QuickPoint } from './QuickPoint';
import { UpcomingList } from './UpcomingList';
import { usePopupView } from './use-popup-view';

export interface PopupAppProps {
  /** Reads and change notifications (default: raw IndexedDB first, Dexie after the first paint). */
  source?: PopupSource;
  actions?: PopupActions;
  open?: (relationshipId: string) => void;
  /** My email addresses (Settings → You), read only on a first run (no 1:1 tracked) to point there. */
  readMyEmails?: () => Promise<readonly string[]>;
}

/** Settings through Dexie: loaded only when asked (a first run), never before the first paint. */
const readMyEmailsFromSettings = async (): Promise<readonly string[]> =>
  (await (await import('@/lib/db')).getSettings()).myEmails;

/** The key that jumps to the search from anywhere (its hint beside the field shows the same key). */
const SEARCH_KEY = '/';

/** Marks the first render with data, for the popup benchmark (`performance.getEntriesByName`). */
export const READY_MARK = 'duet-popup-ready';
/** Marks the first render of the complete view (after the first screenful), also `html[data-complete]`. */
export const COMPLETE_MARK = 'duet-popup-complete';

export function PopupApp({
  source = popupSource,
  actions = source.actions,
  open = (id) => void openRelationship(id),
  readMyEmails = readMyEmailsFromSettings,
}: PopupAppProps = {}) {
  // What the page read first (`popupSource.prefetch(FIRST_READ)` in main.tsx).
  const [filter, setFilter] = useState<AgreementFilter>(FIRST_READ.filter);
  const [query, setQuery] = useState(FIRST_READ.query);
  const [pointFor, setPointFor] = useState<{ id: string; nonce: number } | null>(null);
  // "+ Point" on a search result shows the talking point line with the results (hidden while searching
  // otherwise), until the search changes.
  const [pointWhileSearching, setPointWhileSearching] = useState(false);
  const addPoint = (id: string) => {
    setPointFor({ id, nonce: Date.now() });
    setPointWhileSearching(true);
  };
  const changeQuery = (next: string) => {
    setQuery(next);
    setPointWhileSearching(false);
  };
  const view = usePopupView(source, { filter, query });
  const search = useRef<HTMLInputElement>(null);

  const partial = view.status === 'ready' && view.value.partial;
  const [declined, setDeclined] = useState<ReadonlyMap<string, OffCalendar>>(() => new Map());
  const shown = view.status !== 'loading';
  // Which 1:1s are off in Calendar (declined, or no longer shown): read after the first paint, and again
  // when the worker sees more.
  useEffect(() => {
    if (!shown) return;
    let current = true;
    const read = () =>
      void source.declined().then(
        (ids) => current && setDeclined(ids),
        () => undefined, // not known: nothing is marked
      );
    read();
    const stop = source.watchDeclined(read);
    return () => {
      current = false;
      stop();
    };
  }, [source, shown]);

  useEffect(() => primeActiveTab(), []);

  // No 1:1 tracked yet: whether "me" is set, for the first-run line pointing to Settings → You.
  const noneTracked = view.status === 'ready' && view.value.relationships.length === 0;
  const [meUnknown, setMeUnknown] = useState(false);
  useEffect(() => {
    if (!noneTracked) return;
    let current = true;
    readMyEmails().then(
      (emails) => current && setMeUnknown(emails.length === 0),
      () => undefined, // not known: no line
    );
    return () => {
      current = false;
    };
  }, [noneTracked, readMyEmails]);

  // "/" jumps to the search field from anywhere (unless typing in another field).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // Only fields that take text swallow "/": from a checkbox or filter it still jumps to the search.
      const typing = target?.closest(
        'textarea, select, [contenteditable="true"], input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit])',
      );
      if (event.key === SEARCH_KEY && !typing) {
        event.preventDefault();
        search.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const ready: PopupView | null = view.status === 'ready' ? view.value : null;
  const searching = query.trim() !== '';
  return (
    <main class="popup">
      <PaintMarks shown={view.status === 'ready'} complete={view.status === 'ready' && !partial} />
      <header class="popup-header">
        <Brand />
        <a
          class="popup-settings"
          href="/options.html"
          target="_blank"
          rel="noopener"
          data-testid="popup-settings"
        >
          {t('popup_settings')}
        </a>
      </header>
      <div class="popup-search" role="search">
        <label class="popup-sr-only" for="popup-search-input">
          {t('popup_search_label')}
        </label>
        <input
          id="popup-search-input"
          ref={search}
          type="search"
          class="popup-input"
          placeholder={t('popup_search_placeholder')}
          title={t('popup_search_shortcut', SEARCH_KEY)}
          aria-keyshortcuts={SEARCH_KEY}
          value={query}
          autoFocus
          autoComplete="off"
          spellcheck={false}
          data-testid="popup-search"
          onInput={(e) => changeQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Escape during an IME composition cancels the candidate, not the search.
            if (e.isComposing || e.keyCode === 229) return;
            if (e.key === 'Escape' && query) {
              e.preventDefault();
              changeQuery('');
            } else if (e.key === 'ArrowDown') {
              // The agreements first (the search's results); else the first thing in the lists that is on
              // screen: while searching, the week ahead is hidden, and with no results there is nothing to go
              // to — the key is left to the field (a hidden item can't take focus; swallowing it did nothing).
              const visible = (selector: string) =>
                [...document.querySelectorAll<HTMLElement>(selector)].find(
                  (item) => !item.closest('[hidden]'),
                );
              const first = visible('[data-testid=popup-done]') ?? visible('[data-popup-item]');
              if (first) {
                e.preventDefault();
                first.focus();
              }
            }
          }}
        />
        {/* The shortcut as a key cap in the field's empty end (it read "( / )" inside the placeholder, as if
            part of what to type); screen readers have it from aria-keyshortcuts and the title. */}
        <kbd class="popup-search-key" aria-hidden="true" data-testid="popup-search-key">
          {SEARCH_KEY}
        </kbd>
      </div>
      {view.status === 'error' ? (
        <p class="duet-error popup-message" role="alert" data-testid="popup-error">
          {t('popup_read_error')}
        </p>
      ) : !ready ? (
        <p class="duet-muted popup-message">{t('common_loading')}</p>
      ) : (
        <>
          {/* While searching, the agreements are all that matters; otherwise the week ahead comes first.
              Hidden, not removed: a half-typed talking point survives a search. */}
          <div hidden={searching} class="popup-ahead">
            <UpcomingList
              view={ready}
              declined={declined}
              onCancel={actions.cancelSession}
              onOpen={open}
              onAddPoint={addPoint}
              meUnknown={noneTracked && meUnknown}
            />
          </div>
          <div hidden={searching && !pointWhileSearching}>
            <QuickPoint
              relationships={ready.relationships}
              preselect={pointFor}
              actions={actions}
              firstPaint={partial}
            />
          </div>
          <AgreementGroups
            view={ready}
            filter={filter}
            query={query}
            actions={actions}
            onOpen={open}
            onAddPoint={addPoint}
            filters={
              // No open agreement at all: five "0" chips would filter nothing (the empty message says why).
              // While searching, the counts are what the search found: the bar shows them.
              searching || ready.counts['all-open'] > 0 ? (
                <FilterBar filter={filter} counts={ready.counts} onChange={setFilter} />
              ) : null
            }
          />
        </>
      )}
    </main>
  );
}

/**
 * Marks the first paint with data and the first of the complete view. Rendered first, so its effects run
 * first after the browser painted — before the other effects start loading the data layer.
 */
function PaintMarks({ shown, complete }: { shown: boolean; complete: boolean }) {
  useMarkOnce(shown, READY_MARK, 'ready');
  useMarkOnce(complete, COMPLETE_MARK, 'complete');
  return null;
}

/** Once `when` is true: the performance mark, and `html[data-<flag>]` (once per page). */
function useMarkOnce(when: boolean, mark: string, flag: 'ready' | 'complete'): void {
  useEffect(() => {
    const root = document.documentElement;
    if (!when || root.dataset[flag]) return;
    performance.mark(mark);
    root.dataset[flag] = 'true';
  }, [when]);
}
