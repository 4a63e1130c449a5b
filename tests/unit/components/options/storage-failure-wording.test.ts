/**
 * A save, switch or import on the options page that the browser refuses for lack of space says so in
 * the panels' words: nothing was saved or changed, try again. The page never retries on its own and keeps
 * no copy, so it never promises that.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { failureMessage } from '@/components/options/use-action';
import { actionErrorMessage } from '@/components/panel/calendar/use-calendar-actions';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('options failureMessage', () => {
  it('says a full disk stopped the change, with no retry or "stays here" promise', () => {
    const message = failureMessage(quota());
    expect(message).toMatch(/no storage space left/);
    expect(message).toMatch(/nothing was saved or changed/i);
    expect(message).toMatch(/try again/i);
    expect(message).not.toMatch(/Duet will retry|stays here|is lost/i);
  });

  it('words it as the panels do', () => {
    expect(failureMessage(quota())).toBe(actionErrorMessage(quota()));
  });

  it('a quota error wrapped by Dexie (an aborted transaction) reads the same', () => {
    const wrapped = new Dexie.AbortError('Transaction aborted', quota());
    expect(failureMessage(wrapped)).toBe(failureMessage(quota()));
  });
});
