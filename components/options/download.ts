import { dayOf } from '@/lib/domain/days';
/** Saves text as a file through the browser's download (a Blob URL: nothing leaves the device). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file-name-safe version of a title ("Alice / Bob" → "alice-bob"). */
export function slug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || '1on1'
  );
}

/** The user's own day (not UTC's: a day off at night), for file names. */
export function today(now: number = Date.now()): string {
  return dayOf(now);
}
