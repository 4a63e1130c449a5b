import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { LastSessionNotes } from '@/components/panel/calendar/LastSessionNotes';
import type { Session } from '@/lib/domain/model';
import { getBuiltInTemplate } from '@/lib/domain/templates';
import { useRenderContainer } from '../../../helpers/dom-container';

const container = useRenderContainer();

describe('LastSessionNotes', () => {
  it('titles notes of a template switched away from by that template’s sections, not their ids', async () => {
    const session = {
      id: 's1',
      scheduledAt: Date.UTC(2026, 2, 23, 17),
      notes: { okrs: 'Hiring KR is at 60%', 'how-are-you': 'Tired' },
    } as unknown as Session;
    const yours = getBuiltInTemplate('builtin:your-session')!;
    const structured = getBuiltInTemplate('builtin:structured-50')!;
    await act(() => {
      render(
        <LastSessionNotes session={session} template={yours} others={[yours, structured]} />,
        container(),
      );
    });
    const headings = [...container().querySelectorAll('[data-testid=last-session-section]')].map(
      (section) => section.querySelector('h3, .cal-note-title, strong')?.textContent ?? section.textContent,
    );
    expect(headings.join(' | ')).toContain('Personal & business OKRs');
    expect(container().textContent).not.toContain('Okrs');
  });
});
