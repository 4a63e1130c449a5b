import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { ActionResult } from './view-types';
import { AlertLine } from '../AlertLine';

/** The user said this series is not a 1:1: say so, and let them take it back. */
export function SeriesIgnored({ onUndo }: { onUndo: () => Promise<ActionResult> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const undo = async () => {
    setBusy(true);
    const result = await onUndo();
    setBusy(false);
    setError(result.ok ? null : result.message);
  };
  return (
    <section class="cal-section duet-card" data-testid="series-ignored" aria-labelledby="cal-ignored-title">
      <h2 id="cal-ignored-title" class="cal-section-title">
        {t('panel_ignored_title')}
      </h2>
      <p class="cal-small">{t('panel_ignored_text')}</p>
      <button
        type="button"
        class="cal-button cal-button-small cal-button-quiet"
        data-testid="undo-not-one-on-one"
        disabled={busy}
        onClick={() => void undo()}
      >
        {t('panel_ignored_undo')}
      </button>
      <AlertLine message={error} />
    </section>
  );
}
