import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A field's text, starting from the stored value and following it when another page changes it — but
 * never overwriting what the user typed before the stored value changed.
 */
export function useSyncedDraft(stored: string): [string, (value: string) => void] {
  const [draft, setDraft] = useState(stored);
  const last = useRef(stored);
  useEffect(() => {
    if (last.current === stored) return;
    const previous = last.current;
    last.current = stored;
    // Still what was stored before (nothing typed since): follow; else the typed text stays.
    setDraft((current) => (current === previous ? stored : current));
  }, [stored]);
  return [draft, setDraft];
}
