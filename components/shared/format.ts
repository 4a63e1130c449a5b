/** Small display helpers shared by the pages. */
export function formatRelativeTime(timestamp: number, now: number = Date.now()): string {
  const seconds = Math.round((now - timestamp) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 14) return `${days} d ago`;
  return new Date(timestamp).toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });
}

/** First line(s) of a note, collapsed to one line, for lists. */
export function snippet(text: string, max = 140): string {
  const flat = [...text.replace(/\s+/g, ' ').trim()]; // code points: never cut an emoji in half
  return flat.length > max ? `${flat.slice(0, max - 1).join('')}…` : flat.join('');
}
