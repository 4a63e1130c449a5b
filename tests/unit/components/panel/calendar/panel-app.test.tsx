import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PanelApp } from '@/components/panel/PanelApp';
import type { CalendarContext } from '@/components/panel/calendar/view-types';
import { createPerson, createRelationship, listRelationships } from '@/lib/db';
import type { PanelContext } from '@/lib/messaging/protocol';
import { useRenderContainer } from '../../../helpers/dom-container';

const context: CalendarContext = {
  surface: 'calendar',
  dataEventId: 'ZGFuYQ',
  eventKey: 'danaseries_20260324T090000Z',
  seriesKey: 'danaseries',
  title: 'Alice / Dana',
  day: '2026-03-24',
  start: '09:00',
  startsAt: new Date(2026, 2, 24, 9, 0).getTime(),
  recurring: true,
  detection: {
    kind: 'one-on-one',
    confidence: 'likely',
    counterparts: [],
    trackable: { email: 'dana@acme.example', name: 'Dana' },
    relationshipId: null,
  },
  guests: [{ email: 'dana@acme.example', name: 'Dana' }],
  meetCode: null,
};

const container = useRenderContainer();
let received: unknown[];

/** The background, as the panel sees it: answers get-context, acknowledges everything else. */
function fakeBackground(current: PanelContext | null) {
  received = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    received.push(message);
    const kind = (message as { kind?: string }).kind;
    return Promise.resolve(
      kind === 'panel/get-context'
        ? { ok: true, data: { context: current } }
        : { ok: true, data: { ok: true } },
    );
  });
  const port = {
    onMessage: { addListener: () => {} },
    onDisconnect: { addListener: () => {} },
    disconnect: () => {},
  };
  vi.spyOn(fakeBrowser.runtime, 'connect').mockReturnValue(port as never);
}

const q = (testId: string) => container().querySelector<HTMLElement>(`[data-testid="${testId}"]`);

describe('PanelApp', () => {
  it('shows the Calendar panel for a Calendar event, keeping the title and note editor test ids', async () => {
    const dana = await createPerson({ name: 'Dana', emails: ['dana@acme.example'], relation: 'report' });
    await createRelationship({
      personIds: [dana.id],
      kind: 'one-on-one',
      title: 'Alice / Dana',
      calendarSeriesIds: ['danaseries'],
    });
    fakeBackground(context);
    await act(() => {
      render(<PanelApp />, container());
    });
    await vi.waitFor(() => expect(q('cadence')).not.toBeNull());
    expect(q('event-title')?.textContent).toBe('Alice / Dana');
    expect(q('relationship-with')?.textContent).toBe('with Dana');
    expect(q('note-input')).not.toBeNull();
    expect(q('save-status')).not.toBeNull();
  });

  it('tells the background when the panel changed what badges show', async () => {
    fakeBackground(context);
    await act(() => {
      render(<PanelApp />, container());
    });
    await vi.waitFor(() => expect(q('track-one-on-one')).not.toBeNull());
    await act(async () => {
      q('track-one-on-one')!.click();
    });
    await vi.waitFor(() => expect(received).toContainEqual({ kind: 'panel/data-changed' }));
    expect(await listRelationships()).toHaveLength(1);
  });

  it('passes data changes to the caller when asked to', async () => {
    fakeBackground(context);
    const onDataChanged = vi.fn();
    await act(() => {
      render(<PanelApp onDataChanged={onDataChanged} />, container());
    });
    await vi.waitFor(() => expect(q('not-one-on-one')).not.toBeNull());
    await act(async () => {
      q('not-one-on-one')!.click();
    });
    await vi.waitFor(() => expect(onDataChanged).toHaveBeenCalledTimes(1));
    expect(received).not.toContainEqual({ kind: 'panel/data-changed' });
  });

  it('keeps the empty state without an event', async () => {
    fakeBackground(null);
    await act(() => {
      render(<PanelApp />, container());
    });
    await vi.waitFor(() => expect(q('panel-empty')).not.toBeNull());
  });
});
