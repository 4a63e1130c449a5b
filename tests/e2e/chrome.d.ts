// `chrome` as seen inside worker.evaluate() callbacks (they run in the extension's service worker).
declare const chrome: {
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
  tabs: { query(filter: Record<string, unknown>): Promise<Array<{ id?: number; url?: string }>> };
};
