import { sendMessage } from '@/lib/messaging/client';

/**
 * Tells the background that data behind Calendar's badges and the toolbar count changed, so they refresh.
 * Best effort. (Its own module: the popup and options use it without loading the panel.)
 */
export async function notifyDataChanged(): Promise<void> {
  try {
    await sendMessage({ kind: 'panel/data-changed' });
  } catch {
    // Not answered (the worker failed to start): the badges keep their answers until the next change here or a reload.
  }
}
