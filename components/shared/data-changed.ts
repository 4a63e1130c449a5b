import { sendMessage } from '@/lib/messaging/client';

/**
 * Tells the background that data behind Calendar's badges and the toolbar count changed, so they refresh
 * (`erased`: everything was deleted, and the background forgets what it kept about it). Best effort. (Its own module: the popup and options use it without loading the panel.)
 */
export async function notifyDataChanged(change: { erased?: true } = {}): Promise<void> {
  try {
    await sendMessage({ kind: 'panel/data-changed', ...change });
  } catch {
    // Not answered (the worker failed to start): the badges keep their answers until the next change here or a reload.
  }
}
