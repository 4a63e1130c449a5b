/**
 * One-click actions (agreement Done, add a talking point, the popup's Done and point) do not retry: when
 * the storage is closed (another tab upgraded Duet), blocked or updated, the message says nothing was
 * changed and what to do — never "Duet will keep trying" or "Your text is still here".
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { relationshipActions } from '@/components/panel/calendar/relationship-actions';
import { actionErrorMessage } from '@/components/panel/calendar/use-calendar-actions';
import { popupActions } from '@/components/popup/popup-actions';
import * as db from '@/lib/db';

const closed = () => new Dexie.DatabaseClosedError('Database has been closed');
const PROMISES = /keep trying|will retry|Your text is still here|unsaved text is kept/i;

afterEach(() => vi.restoreAllMocks());

describe('actionErrorMessage for storage that cannot be reached', () => {
  it.each<[string, Error]>([
    ['closed', closed()],
    ['open failed', new Dexie.OpenFailedError('open failed')],
    ['updated', new Dexie.VersionError('version changed')],
    ['blocked', Object.assign(new Error('blocked'), { name: 'BlockedError' })],
  ])('%s: says nothing was changed, promises no retry', (_, error) => {
    const message = actionErrorMessage(error);
    expect(message).toMatch(/nothing was changed/i);
    expect(message).not.toMatch(PROMISES);
  });

  it('tells the user how to get going again', () => {
    expect(actionErrorMessage(closed())).toMatch(/try again, or reload/i);
    expect(actionErrorMessage(new Dexie.VersionError('x'))).toMatch(/reload/i);
    expect(actionErrorMessage(Object.assign(new Error('b'), { name: 'BlockedError' }))).toMatch(
      /close other Duet pages/i,
    );
  });
});

describe('one-click actions with the database closed', () => {
  it('adding a talking point', async () => {
    vi.spyOn(db, 'addTalkingPoint').mockRejectedValueOnce(closed());
    const result = await relationshipActions(
      'r1',
      () => {},
      () => {},
    ).addTalkingPoint('Budget', 'me');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).not.toMatch(PROMISES);
    expect(result.ok ? '' : result.message).toMatch(/nothing was changed/i);
  });

  it('marking an agreement done', async () => {
    vi.spyOn(db, 'completeAgreement').mockRejectedValueOnce(closed());
    const result = await relationshipActions(
      'r1',
      () => {},
      () => {},
    ).completeAgreement('a1');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).not.toMatch(PROMISES);
  });

  it("the popup's Done and add point", async () => {
    vi.spyOn(db, 'completeAgreement').mockRejectedValueOnce(closed());
    vi.spyOn(db, 'addTalkingPoint').mockRejectedValueOnce(closed());
    for (const result of [await popupActions.done('a1'), await popupActions.addPoint('r1', 'Budget')]) {
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.message).not.toMatch(PROMISES);
    }
  });
});
