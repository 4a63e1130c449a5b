import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PrepCard } from '@/components/panel/calendar/PrepCard';
import { newUpcomingSession, type Session } from '@/lib/domain/model';
import { resetI18nForTests } from '@/lib/i18n';
import { useRenderContainer } from '../../../helpers/dom-container';
import { useTimeZone } from '../../../helpers/time-zone';

useTimeZone('Europe/Berlin');
const container = useRenderContainer();

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  resetI18nForTests();
});

async function show(session: Session) {
  await act(() => {
    render(
      <PrepCard
        session={session}
        template={undefined}
        carried={null}
        onStart={() => Promise.resolve({ ok: true })}
      />,
      container(),
    );
  });
  return container().querySelector('[data-testid="prep-result"]')?.textContent;
}

describe('PrepCard', () => {
  it('a 1:1 at 23:30 that ended after midnight is "held on" the day it was on, not the next', async () => {
    const scheduledAt = new Date(2026, 2, 23, 23, 30).getTime(); // Monday 23 March, 23:30
    const heldAt = new Date(2026, 2, 24, 0, 20).getTime(); // Tuesday, 00:20
    const session: Session = {
      ...newUpcomingSession({ id: 's1', relationshipId: 'r1', scheduledAt, templateId: 'standard' }, 0),
      status: 'held',
      heldAt,
    };
    expect(await show(session)).toBe('Held on Mon, Mar 23, 2026');
  });
});
