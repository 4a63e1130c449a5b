import { useEffect, useState } from 'preact/hooks';

export interface StorageStatus {
  persisted: boolean | null;
  usageBytes: number | null;
}

/** Whether the browser promised to keep Duet's data, and how much space it uses. */
export function useStorageStatus(): StorageStatus {
  const [status, setStatus] = useState<StorageStatus>({ persisted: null, usageBytes: null });
  useEffect(() => {
    void (async () => {
      const persisted = (await navigator.storage?.persisted?.()) ?? null;
      const estimate = await navigator.storage?.estimate?.();
      setStatus({ persisted, usageBytes: estimate?.usage ?? null });
    })();
  }, []);
  return status;
}
