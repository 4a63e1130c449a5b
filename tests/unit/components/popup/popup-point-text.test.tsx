/**
 * The popup's talking point line: blank (invisible characters too) or too long is refused with a message,
 * the line keeping what was typed; the box never cuts a paste short (no maxLength).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { popupActions } from '@/components/popup/popup-actions';
import { QuickPoint } from '@/components/popup/QuickPoint';
import { addTalkingPoint, createPerson, createRelationship, getDatabase, InvalidInputError } from '@/lib/db';
import { useRenderContainer } from '../../helpers/dom-container';

const container = useRenderContainer();

async function bobs() {
  const bob = await createPerson({ name: 'Bob Jones', emails: [], relation: 'report' });
  return createRelationship({ personIds: [bob.id], kind: 'one-on-one', title: 'Bob' });
}

describe('the popup’s talking point', () => {
  it('only invisible characters: refused, nothing stored (nor by the data layer)', async () => {
    const r = await bobs();
    expect(await popupActions.addPoint(r.id, '\u200b\u2060')).toEqual({
      ok: false,
      message: expect.any(String),
    });
    await expect(addTalkingPoint(r.id, { text: '\u200b', author: 'me' })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    expect(await getDatabase().talkingPoints.count()).toBe(0);
  });

  it('too long: refused with the limit and its length, nothing stored', async () => {
    const r = await bobs();
    const result = await popupActions.addPoint(r.id, 'x'.repeat(1_200));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/1,000.*1,200/) });
    expect(await getDatabase().talkingPoints.count()).toBe(0);
  });

  it('the line takes a long paste whole (no maxLength)', async () => {
    const r = await bobs();
    await act(() =>
      render(
        <QuickPoint
          relationships={[
            {
              id: r.id,
              name: 'Bob Jones',
              baseName: 'Bob Jones',
              title: 'Bob',
              kind: 'one-on-one',
              people: [],
              archived: false,
            },
          ]}
          preselect={null}
          actions={popupActions}
        />,
        container(),
      ),
    );
    const input = container().querySelector<HTMLInputElement>('[data-testid=popup-point-text]')!;
    expect(input.maxLength).toBe(-1);
  });
});
