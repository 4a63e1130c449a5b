/**
 * The Meet panel's corrections ask the background to re-judge the call: from a panel framed in the Meet
 * tab, the sender's own tab; from the browser's side panel (in no tab), the tab it shows, named.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { meetActions } from '@/components/panel/meet/meet-actions';
import { sidePanelTab, tabFromLocation } from '@/components/panel/side-panel';
import { createPerson, createRelationship, getRelationship, getSettings } from '@/lib/db';
import { ignoredCallKey } from '@/lib/domain/meet-link';

const CODE = 'abc-defg-hij';
const start = location.href;

afterEach(() => history.replaceState(null, '', start));

function listen(): unknown[] {
  const sent: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    sent.push(message);
    return Promise.resolve({ ok: true, data: { ok: true } });
  });
  return sent;
}

describe('meetActions: which tab a correction re-judges', () => {
  it('names the side panel’s tab', async () => {
    history.replaceState(null, '', '/sidepanel.html?tab=7');
    expect(sidePanelTab()).toBe(7);
    const sent = listen();
    expect(await meetActions(CODE, '').notOneOnOne()).toEqual({ ok: true });
    expect(sent).toContainEqual({ kind: 'meet/call-linked', meetingCode: CODE, tabId: 7 });
  });

  it('names no tab from a framed panel (the background uses the sender’s)', async () => {
    history.replaceState(null, '', '/panel.html?tab=7');
    expect(sidePanelTab()).toBeNull();
    const sent = listen();
    expect(await meetActions(CODE, '').notOneOnOne()).toEqual({ ok: true });
    expect(sent).toContainEqual({ kind: 'meet/call-linked', meetingCode: CODE });
  });

  it('reads only a plain tab number from the URL', () => {
    expect(tabFromLocation('?tab=12')).toBe(12);
    for (const bad of ['', '?tab=', '?tab=-1', '?tab=1.5', '?tab=1e3', '?tab=12345678901'])
      expect(tabFromLocation(bad)).toBeNull();
  });
});

describe('meetActions: "Not a 1:1" and its Undo', () => {
  it('Undo gives the call’s room back to the 1:1 that held it (a linked call corrected)', async () => {
    listen();
    const bob = await createPerson({ name: 'Bob Jones', emails: [], relation: 'report' });
    const relationship = await createRelationship({
      personIds: [bob.id],
      kind: 'one-on-one',
      title: 'Alice / Bob',
      meetCodes: [CODE],
    });
    let unlinked: string[] = [];
    expect(await meetActions(CODE, '').notOneOnOne((ids) => (unlinked = ids))).toEqual({ ok: true });
    expect(unlinked).toEqual([relationship.id]);
    expect((await getRelationship(relationship.id))?.meetCodes).toEqual([]);
    expect((await getSettings()).ignoredSeries).toContain(ignoredCallKey(CODE));
    expect(await meetActions(CODE, '').undoNotOneOnOne(unlinked)).toEqual({ ok: true });
    expect((await getRelationship(relationship.id))?.meetCodes).toEqual([CODE]);
    expect((await getSettings()).ignoredSeries).not.toContain(ignoredCallKey(CODE));
  });
});
