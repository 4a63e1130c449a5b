import { t } from '@/lib/i18n';

export function Brand({ subtitle }: { subtitle?: string }) {
  return (
    <div class="duet-brand">
      <img src="/icon/32.png" alt="" width={20} height={20} />
      <span>{t('extName')}</span>
      {subtitle ? (
        <span class="duet-muted" style={{ fontWeight: 400 }}>
          {subtitle}
        </span>
      ) : null}
    </div>
  );
}
