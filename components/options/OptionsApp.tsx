import { countRecords } from '@/lib/db';
import { Brand } from '../shared/Brand';
import { useLiveQuery } from '../shared/use-live-query';
import { useStorageStatus } from './use-storage-status';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function OptionsApp() {
  const storage = useStorageStatus();
  const counts = useLiveQuery(() => countRecords(), []);
  return (
    <main class="options">
      <header>
        <Brand subtitle="settings" />
      </header>
      <section class="duet-card" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">Privacy</h2>
        <p data-testid="privacy-statement">
          Everything you write in Duet stays in this browser, on this device. Duet sends nothing anywhere: it
          has no server, no account, no analytics, and it makes no network requests. Google Calendar and
          Google Meet pages never see your notes — Duet shows them in its own frame, which those pages cannot
          read.
        </p>
      </section>
      <section class="duet-card" aria-labelledby="storage-heading">
        <h2 id="storage-heading">Your data</h2>
        <dl class="facts">
          <dt>1:1 series</dt>
          <dd data-testid="relationship-count">
            {counts.status === 'ready' ? counts.value.relationships : '…'}
          </dd>
          <dt>Sessions</dt>
          <dd data-testid="session-count">{counts.status === 'ready' ? counts.value.sessions : '…'}</dd>
          <dt>Agreements</dt>
          <dd data-testid="agreement-count">{counts.status === 'ready' ? counts.value.agreements : '…'}</dd>
          <dt>Space used</dt>
          <dd>{storage.usageBytes === null ? 'unknown' : formatBytes(storage.usageBytes)}</dd>
          <dt>Protected from automatic clean-up</dt>
          <dd>{storage.persisted === null ? 'unknown' : storage.persisted ? 'yes' : 'not yet'}</dd>
        </dl>
      </section>
    </main>
  );
}
