/** The plain privacy statement, what is stored, and whether the browser promised to keep it. */
import type { RecordCounts } from '@/lib/db';
import { t } from '@/lib/i18n';
import { OptionsSection } from './OptionsSection';
import type { StorageStatus } from './use-storage-status';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return t('options_bytes_b', bytes);
  // Just under 1 MB rounds up to the next unit ("1.0 MB", not "1024.0 kB").
  const kilobytes = (bytes / 1024).toFixed(1);
  if (Number(kilobytes) < 1024) return t('options_bytes_kb', kilobytes);
  return t('options_bytes_mb', (bytes / 1024 / 1024).toFixed(1));
}

export function PrivacySection({ counts, storage }: { counts: RecordCounts | null; storage: StorageStatus }) {
  const count = (value: number | undefined) => (value === undefined ? '…' : String(value));
  return (
    <OptionsSection id="privacy" title={t('options_privacy_title')}>
      <p data-testid="privacy-statement" class="privacy-statement">
        {t('options_privacy_statement')}
      </p>
      <h3 class="options-h3-spaced">{t('options_storage_title')}</h3>
      <dl class="facts">
        <dt>{t('options_count_people')}</dt>
        <dd data-testid="people-count">{count(counts?.people)}</dd>
        <dt>{t('options_count_relationships')}</dt>
        <dd data-testid="relationship-count">{count(counts?.relationships)}</dd>
        <dt>{t('options_count_sessions')}</dt>
        <dd data-testid="session-count">{count(counts?.sessions)}</dd>
        <dt>{t('options_count_agreements')}</dt>
        <dd data-testid="agreement-count">{count(counts?.agreements)}</dd>
        <dt>{t('options_storage_used')}</dt>
        <dd data-testid="storage-used">
          {storage.usageBytes === null ? t('options_unknown') : formatBytes(storage.usageBytes)}
        </dd>
        <dt>{t('options_storage_persisted')}</dt>
        <dd data-testid="storage-persisted">
          {storage.persisted === null
            ? t('options_unknown')
            : storage.persisted
              ? t('options_storage_persisted_yes')
              : t('options_storage_persisted_no')}
        </dd>
      </dl>
      {counts && counts.quarantined > 0 ? (
        <p class="duet-muted options-hint">{t('options_storage_quarantined', counts.quarantined)}</p>
      ) : null}
    </OptionsSection>
  );
}
