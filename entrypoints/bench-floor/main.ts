/**
 * The popup benchmark's floor (bench builds only): the least an extension page can do to show a list from
 * Duet's database — a tiny module, raw IndexedDB (no Dexie, no zod, no UI library), 50 open agreements read
 * and written as plain list items. What this page takes on a machine is what no popup can beat there.
 */
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
  };
};
