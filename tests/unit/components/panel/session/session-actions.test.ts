/** The live panel's actions change what is stored, not the copy of it the panel last showed. */
import { describe, expect, it } from 'vitest';
import { sessionActions } from '@/components/panel/session/use-session-actions';
import { createRelationship, getSession, startLiveSession } from '@/lib/db';

describe('sessionActions: timer steps', () => {
  it('two quick Next clicks from one view are two steps, not the same step twice', async () => {
    const relationship = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Alice / Sam',
    });
    const started = await startLiveSession({ relationshipId: relationship.id });
    // The actions are made from the session the panel shows; both clicks land before it shows the first.
    const actions = sessionActions(started, relationship.id, null);
    expect(await actions.step('next')).toEqual({ ok: true });
    expect(await actions.step('next')).toEqual({ ok: true });
    const timer = (await getSession(started.id))!.live!.timer;
    expect(timer.currentIndex).toBe(2);
    expect(timer.doneIds).toEqual(started.live!.timer.sectionIds.slice(0, 2));
  });
});
