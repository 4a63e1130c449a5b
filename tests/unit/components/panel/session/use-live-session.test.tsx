/** useLiveSession: a session found stays while the target comes to name it (no teardown, no second start). */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { type LiveSessionTarget, useLiveSession } from '@/components/panel/session/use-live-session';
import * as db from '@/lib/db';
import { createPerson, createRelationship } from '@/lib/db';
import { useRenderContainer } from '../../../helpers/dom-container';

const container = useRenderContainer();

describe('useLiveSession', () => {
  it('keeps the session it started when the target then names it by id (Calendar: Start session)', async () => {
    const bob = await createPerson({ name: 'Bob Jones', emails: [], relation: 'report' });
    const relationship = await createRelationship({
      personIds: [bob.id],
      kind: 'one-on-one',
      title: 'Alice / Bob',
    });
    const starts = vi.spyOn(db, 'startLiveSession');
    const statuses: string[] = [];
    let found = '';
    function Probe({ target }: { target: LiveSessionTarget }) {
      const state = useLiveSession(target);
      statuses.push(state.status);
      if (state.status === 'ready') found = state.view.session.id;
      return null;
    }
    const first = { relationshipId: relationship.id, meetCode: null, calendarEventId: 'event-1' };
    await act(() => render(<Probe target={first} />, container()));
    await vi.waitFor(() => expect(found).not.toBe(''));
    statuses.length = 0;
    await act(() => render(<Probe target={{ ...first, sessionId: found }} />, container()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statuses).not.toContain('starting');
    expect(starts).toHaveBeenCalledTimes(1);
  });
});
