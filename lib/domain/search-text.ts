/** Text as search compares it: accents and case folded ("Zoë" finds "zoe", "ÉTÉ" finds "été"). */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
