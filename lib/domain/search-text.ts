const BASE_LETTERS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ħ: 'h',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ð: 'd',
  ı: 'i',
  ŧ: 't',
};
const LETTERS_WITHOUT_DECOMPOSITION = /[øłđħæœþðıŧ]/gu;
const SINGLE_QUOTES = /[‘’‚‛`´]/gu;
const DOUBLE_QUOTES = /["“”„‟«»]/gu;
const LEADING_QUOTES = /(^|[\s([{])'+(?=[^\s'])/gu;
const TRAILING_QUOTES = /(?<=[^\s'])'+(?=$|[\s)\]}.,;:!?])/gu;

/**
 * Text as search compares it, the same on both sides (what is typed and what is searched): accents and case
 * folded ("Zoë" finds "zoe", "ÉTÉ" finds "été", "soren" finds "Søren"), ß as ss ("strasse" finds "Straße"), the Greek final sigma
 * as σ ("ΟΔΟΣ" finds "ΟΔΟΣΤΡΩΜΑ"), curly apostrophes as ' ("bob's" finds "Bob’s"), and no quotation marks
 * around words ('"rollout plan"' finds "rollout plan": quotes are not an exact-phrase syntax here).
 *
 * Nothing stores this text: every search normalises the stored text anew (the popup caches it per
 * agreement version while it is open; lib/db/popup-view.ts `searchTerms` calls this),
 * so a change here needs no migration.
 */
export function normaliseForSearch(text: string): string {
  return (
    text
      // Before NFKD, which turns an acute accent typed as an apostrophe (´) into a space.
      .replace(SINGLE_QUOTES, "'")
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/ß/gu, 'ss')
      // Letters with no decomposition ("Søren", "Łódź", "Æbeltoft", "Œuvre", "Đorđe"), read as their base.
      .replace(LETTERS_WITHOUT_DECOMPOSITION, (letter) => BASE_LETTERS[letter] ?? letter)
      .replace(/ς/gu, 'σ')
      // Double quotation marks mean nothing to a substring search: gone wherever they are.
      .replace(DOUBLE_QUOTES, '')
      // Single ones only where they open or close a word: "bob's" keeps its apostrophe.
      .replace(LEADING_QUOTES, '$1')
      .replace(TRAILING_QUOTES, '')
  );
}
