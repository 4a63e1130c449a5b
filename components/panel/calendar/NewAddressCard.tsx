import { useEffect, useState } from 'preact/hooks';
import { addAddressToPerson, type NewAddress, newAddressFor } from '@/lib/db';
import { t } from '@/lib/i18n';
import { tNodes } from '../t-nodes';
import { AlertLine } from '../AlertLine';
import { attempt } from './use-calendar-actions';
import type { CalendarContext } from './view-types';

/**
 * An event of a tracked 1:1's series whose one guest has its person's name under an address Duet does not
 * know (`newAddressFor`): Duet does not match it on the name alone (a reused series must never show one
 * person's notes to another), so it asks. Yes adds the address to the person, and the event then finds
 * their 1:1 with its history, instead of "Track" making a second, empty person and 1:1 beside them.
 */
export function NewAddressCard({
  context,
  onAdded,
  onShown,
}: {
  context: Pick<CalendarContext, 'seriesKey' | 'guests'>;
  onAdded: () => void;
  /** Whether the card is shown (the Track card beside it is then the quiet second choice). */
  onShown?: (shown: boolean) => void;
}) {
  const [found, setFound] = useState<NewAddress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const guestsKey = JSON.stringify(context.guests ?? []);
  useEffect(() => {
    let cancelled = false;
    setFound(null);
    newAddressFor({ seriesId: context.seriesKey, ...(context.guests ? { guests: context.guests } : {}) })
      .then((value) => {
        if (!cancelled) setFound(value);
      })
      // Only an offer: a failed read shows none (the Track card below still works).
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
    // The guests by value (guestsKey): read again when the popover's guests change, not on every render.
  }, [context.seriesKey, guestsKey]);
  useEffect(() => onShown?.(found !== null), [found, onShown]);
  if (!found) return null;
  const add = async () => {
    setBusy(true);
    const result = await attempt(() => addAddressToPerson(found.personId, found.email));
    setBusy(false);
    setError(result.ok ? null : result.message);
    if (result.ok) onAdded();
  };
  return (
    <section class="cal-section duet-card" data-testid="new-address" aria-labelledby="cal-new-address-title">
      <h2 id="cal-new-address-title" class="cal-section-title">
        {t('panel_new_address_title')}
      </h2>
      <p class="cal-small">
        {tNodes('panel_new_address_text', <strong>{found.personName}</strong>, <span>{found.email}</span>)}
      </p>
      <button
        type="button"
        class="cal-button cal-button-primary"
        data-testid="new-address-add"
        disabled={busy}
        onClick={() => void add()}
      >
        {t('panel_new_address_add', found.personName)}
      </button>
      <AlertLine message={error} />
    </section>
  );
}
