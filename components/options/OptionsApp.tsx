/**
 * Duet's settings page: who I am, how 1:1s are detected, people and their 1:1s, templates, cadence and
 * reminders, my data (export, import, delete), and the privacy statement with what is stored.
 */
import { useEffect } from 'preact/hooks';
import { countRecords, getSettings, listRelationships, listTemplates, peopleDirectory } from '@/lib/db';
import { t } from '@/lib/i18n';
import { notifyDataChanged } from '../shared/data-changed';
import { Brand } from '../shared/Brand';
import { type LiveResult, useLiveQuery } from '../shared/use-live-query';
import { DataSection } from './DataSection';
import { DetectionSection } from './DetectionSection';
import { IdentitySection } from './IdentitySection';
import { OptionsNav } from './OptionsNav';
import { PeopleSection } from './PeopleSection';
import { PrivacySection } from './PrivacySection';
import { RemindersSection } from './RemindersSection';
import { TemplatesSection } from './TemplatesSection';
import { useStorageStatus } from './use-storage-status';

export interface OptionsAppProps {
  /** Called after a change that Calendar's badges depend on (settings, people, 1:1s, import, delete). */
  onDataChanged?: () => void;
}

const valueOf = <T,>(result: LiveResult<T>): T | null => (result.status === 'ready' ? result.value : null);

export function OptionsApp({ onDataChanged = () => void notifyDataChanged() }: OptionsAppProps = {}) {
  const counts = useLiveQuery(() => countRecords(), []);
  // The space used follows what is stored (an import, "Delete everything").
  const storage = useStorageStatus(counts.status === 'ready' ? JSON.stringify(counts.value) : '');
  const settings = useLiveQuery(() => getSettings(), []);
  const relationships = useLiveQuery(() => listRelationships({ includeArchived: true }), []);
  const directory = useLiveQuery(() => peopleDirectory(), []);
  const templates = useLiveQuery(() => listTemplates(), []);
  const results = [settings, relationships, directory, templates, counts] as const;
  const failed = results.some((r) => r.status === 'error');
  const s = valueOf(settings);
  const r = valueOf(relationships);
  const d = valueOf(directory);
  const tpl = valueOf(templates);
  // The tab's title in the UI language (index.html has only the brand, for the moment before this runs).
  useEffect(() => {
    document.title = t('options_page_title');
  }, []);

  return (
    <div class="options-page">
      <header class="options-header">
        <Brand subtitle={t('options_subtitle')} />
      </header>
      <div class="options-layout">
        <OptionsNav />
        <main class="options" id="main">
          <h1 class="visually-hidden">{t('options_page_title')}</h1>
          {failed ? (
            <p class="duet-error duet-card" role="alert" data-testid="options-read-error">
              {t('common_read_error')}
            </p>
          ) : null}
          {s && r && d && tpl ? (
            <>
              <IdentitySection settings={s} onDataChanged={onDataChanged} />
              <DetectionSection settings={s} relationships={r} onDataChanged={onDataChanged} />
              <PeopleSection directory={d} templates={tpl} onDataChanged={onDataChanged} />
              <TemplatesSection templates={tpl} relationships={r} />
              <RemindersSection settings={s} onDataChanged={onDataChanged} />
            </>
          ) : failed ? null : (
            <p class="duet-muted duet-card" role="status" data-testid="options-loading">
              {t('common_loading')}
            </p>
          )}
          {/* Export, import and delete stay whatever else could not be read (a damaged row is what a backup
              is for); without the 1:1s, only their Markdown picker is empty. */}
          {r || failed ? <DataSection relationships={r ?? []} onDataChanged={onDataChanged} /> : null}
          <PrivacySection counts={valueOf(counts)} storage={storage} />
        </main>
      </div>
    </div>
  );
}
