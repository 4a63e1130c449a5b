/** The Calendar week fixture as the page, for content-script tests (tests/unit/content). */
import { loadFixture } from '../helpers/fixtures';

export const CHIP = '[data-eventid][data-eventchip]';

/** Lets every pending promise (the fake background's answers included) settle. */
export const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** Puts the week fixture (gcal-week.html, English) in place of the document's body. */
export function showWeekFixture(): void {
  const fixture = loadFixture('gcal-week.html');
  document.documentElement.setAttribute('lang', 'en');
  document.body.replaceWith(document.importNode(fixture.body, true));
}
