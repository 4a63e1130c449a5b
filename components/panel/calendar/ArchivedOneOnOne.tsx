import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { ActionResult } from './view-types';
import { AlertLine } from '../AlertLine';

/**
 * The meeting's 1:1 is archived (its person left, or the user put it away): its history is kept, but it is
 * not prepared or run as an active 1:1 — say so, and let the user bring it back (with its history).
 */
export function ArchivedOneOnOne({
  name,
  onBringBack,
}: {
  name: string;
  onBringBack: () => Promise<ActionResult>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bringBack = async () => {
    setBusy(true);
    const result = await onBringBack();
    setBusy(false);
    setError(result.ok ? null : result.message);
  };
  return (
    <section
      class="cal-section duet-card"
      data-testid="relationship-archived"
      aria-labelledby="cal-archived-title"
    >
      <h2 id="cal-archived-title" class="cal-section-title">
        {t('panel_archived_title')}
      </h2>
      <p class="cal-small">{name ? t('panel_archived_text', name) : t('panel_archived_text_unnamed')}</p>
      <button
        type="button"
        class="cal-button cal-button-small"
        data-testid="bring-back-relationship"
        disabled={busy}
        onClick={() => void bringBack()}
      >
        {t('panel_archived_bring_back')}
      </button>
      <AlertLine message={error} />
    </section>
  );
}
