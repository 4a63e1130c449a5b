/**
 * The popup benchmark's floor (bench builds only; `bench-floor.html` is generated in wxt.config.ts): the
 * least an extension page can do to show a list from Duet's database — one tiny module, raw IndexedDB (no
 * Dexie, no zod, no UI library), 50 open agreements read and written as plain list items. What this page
 * takes on a machine is what no popup can beat there. An unlisted script, bundled on its own: the extension
 * pages' shared chunks stay as in a release build, so the bench measures the popup as it ships.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

export default defineUnlistedScript(() => {
  performance.mark('duet-floor-script');
  const request = indexedDB.open('duet');
  request.onsuccess = () => {
    const read = request.result
      .transaction('agreements', 'readonly')
      .objectStore('agreements')
      .index('status')
      .getAll('open', 50);
    read.onsuccess = () => {
      const list = document.getElementById('list')!;
      for (const agreement of read.result as Array<{ text: string }>) {
        const item = document.createElement('li');
        item.textContent = agreement.text;
        list.append(item);
      }
      performance.mark('duet-floor-ready');
      // Also when they are on screen, marked as the popup marks its lists (Preact runs effects after the
      // next frame, then a task): the like-for-like figure for the popup's ready mark.
      requestAnimationFrame(() => setTimeout(() => performance.mark('duet-floor-painted')));
    };
  };
});
