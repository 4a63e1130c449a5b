import { useEffect, useState } from 'preact/hooks';

export interface StorageStatus {
  persisted: boolean | null;
  usageBytes: number | null;
}

/**
 * Whether the browser promised to keep Duet's data, and how much space it uses — asked again whenever
 * `dataKey` changes (what is stored changed: an import, "Delete everything").
 */
export function useStorageStatus(dataKey = ''): StorageStatus {
  const [status, setStatus] = useState<StorageStatus>({ persisted: null, usageBytes: null });
  useEffect(() => {
    // Each answer on its own: one the browser refuses is "unknown", and the other is still shown.
    const ask = async <T>(question: () => Promise<T> | undefined): Promise<T | undefined> => {
      try {
        return await question();
      } catch {
        return undefined;
      }
    };
    void (async () => {
      const [persisted, estimate] = await Promise.all([
        ask(() => navigator.storage?.persisted?.()),
        ask(() => navigator.storage?.estimate?.()),
      ]);
      // The notes' database where the browser says (Chromium's `usageDetails`): the total also counts the
      // extension's worker and space the browser frees later, so it rose after "Delete everything".
      const details = (estimate as { usageDetails?: { indexedDB?: number } } | undefined)?.usageDetails;
      const usage = typeof details?.indexedDB === 'number' ? details.indexedDB : estimate?.usage;
      setStatus({ persisted: persisted ?? null, usageBytes: usage ?? null });
    })();
  }, [dataKey]);
  return status;
}
