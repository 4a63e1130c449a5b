/**
 * A notes view's journal writer (`note-journal.ts`): its own id, said gone when the view closes — unmounted,
 * or its page unloaded — so another view takes over what it left unsaved at once. A page kept in the
 * back/forward cache (`persisted`) may come back and type on: it is not gone.
 */
import { useEffect, useRef } from 'preact/hooks';
import { type JournalWriter, journalWriterGone, newJournalWriter } from './note-journal';

export function useJournalWriter(): JournalWriter {
  const writer = useRef(newJournalWriter()).current;
  useEffect(() => {
    const hidden = (event: PageTransitionEvent) => {
      if (!event.persisted) journalWriterGone(writer);
    };
    addEventListener('pagehide', hidden);
    return () => {
      removeEventListener('pagehide', hidden);
      journalWriterGone(writer);
    };
  }, []);
  return writer;
}
