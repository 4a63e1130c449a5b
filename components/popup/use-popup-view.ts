/** The popup's lists for a filter and search text, read again whenever the data may have changed. */
import { useEffect, useState } from 'preact/hooks';
import type { PopupView } from '@/lib/db/popup-view';
import type { PopupQuery, PopupSource } from './popup-source';
import { useToday } from '../shared/use-today';

export type PopupViewResult =
  { status: 'loading' } | { status: 'ready'; value: PopupView } | { status: 'error'; error: unknown };

export function usePopupView(source: PopupSource, { filter, query }: PopupQuery): PopupViewResult {
  const [result, setResult] = useState<PopupViewResult>({ status: 'loading' });
  /** Bumped on every change notification: the current filter and text are read again. */
  const [version, setVersion] = useState(0);
  const settled = result.status !== 'loading';
  // A popup left open in a tab past midnight: overdue and this week are counted from the new day.
  const today = useToday();

  useEffect(() => {
    let current = true;
    // The very first read is the first screenful; every later one (a change, a filter, a search) complete.
    source.load({ filter, query, firstScreen: !settled && version === 0 }).then(
      (value) => current && setResult({ status: 'ready', value }),
      (error: unknown) => current && setResult({ status: 'error', error }),
    );
    // A newer filter, text or change supersedes this read: its answer is dropped.
    return () => {
      current = false;
    };
  }, [source, filter, query, version, today]);

  // Watching starts once the first lists are shown: what it loads never competes with the first paint.
  useEffect(() => {
    if (!settled) return;
    return source.watch(() => setVersion((v) => v + 1));
  }, [source, settled]);

  return result;
}
