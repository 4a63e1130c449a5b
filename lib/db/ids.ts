/** Ids for records Duet creates: random UUIDs (never derived from private content). */
export function newId(): string {
  return crypto.randomUUID();
}
