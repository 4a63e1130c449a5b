/**
 * A call linked to a 1:1 whose person is archived (a 1:1 brought back by an older Duet, which left its
 * person archived): the panel still names the person it waits for — this 1:1's own — rather than an empty
 * "Waiting for" that would start the session at once.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type MeetContext, MeetPanel } from '@/components/panel/meet/MeetPanel';
import { createPerson, createRelationship, runningSessionOfCall, updatePerson } from '@/lib/db';
import { useRenderContainer } from '../../../helpers/dom-container';

const CODE = 'abc-defg-hij';

beforeEach(() => {
  fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, data: { ok: true } }));
});

const container = useRenderContainer();
const q = (testId: string) => container().querySelector<HTMLElement>(`[data-testid="${testId}"]`);

it('waits for the archived person of the 1:1 the call is linked to, by name', async () => {
  const bob = await createPerson({ name: 'Bob Jones', emails: [], relation: 'report' });
  const relationship = await createRelationship({
    personIds: [bob.id],
    kind: 'one-on-one',
    title: 'Alice / Bob',
    meetCodes: [CODE],
  });
  // Archived on his own, his 1:1 left active (as an older "Unarchive 1:1" left it).
  await updatePerson(bob.id, { archived: true });
  const context: MeetContext = {
    surface: 'meet',
    meetingCode: CODE,
    title: 'Alice / Bob',
    state: 'in-call',
    presenting: false,
    others: [],
    link: { relationshipId: relationship.id, via: 'meet-code' },
    trackable: null,
  };
  await act(() => {
    render(<MeetPanel context={context} />, container());
  });
  await vi.waitFor(() =>
    expect(q('session-waiting')?.textContent).toContain('Waiting for Bob Jones to join'),
  );
  expect(await runningSessionOfCall(relationship.id, CODE)).toBeUndefined();
});
