import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { TimerBar } from '@/components/panel/session/TimerBar';
import type { TemplateSection } from '@/lib/domain/model';
import { goToSection, nextSection, startTimer } from '@/lib/domain/session-timer';
import { useRenderContainer } from '../../../helpers/dom-container';

const container = useRenderContainer();
const T0 = Date.now();
const section = (id: string): TemplateSection =>
  ({ id, title: id.toUpperCase(), minutes: 5, prompts: [], kind: 'notes' }) as TemplateSection;
const SECTIONS = ['a', 'b', 'c'].map(section);
const titleIn =
  (sections: readonly TemplateSection[]) =>
  (id: string): string =>
    sections.find((s) => s.id === id)?.title ?? `(${id})`;

async function labelFor(timer: ReturnType<typeof startTimer>): Promise<string> {
  await act(() => {
    render(
      <TimerBar timer={timer} titleOf={titleIn(SECTIONS)} onStep={() => {}} onJump={() => {}} />,
      container(),
    );
  });
  return container().querySelector('[data-testid="timer-next"]')?.textContent ?? '';
}

describe('TimerBar: the Next / Finish button says what pressing it does', () => {
  it('says Next on the last section while others are open, Finish on any section when the rest are done', async () => {
    const timer = startTimer(['a', 'b', 'c'], [5, 5, 5], T0);
    expect(await labelFor(timer)).toBe('Next section');
    // Jumped ahead to the last section: pressing goes back to the first open one, so it is not "Finish".
    expect(await labelFor(goToSection(timer, 2, T0))).toBe('Next section');
    // B and C done, back on A: pressing finishes.
    const rest = goToSection(nextSection(nextSection(goToSection(timer, 1, T0), T0), T0), 0, T0);
    expect(rest.currentIndex).toBe(0);
    expect(await labelFor(rest)).toBe('Finish sections');
  });
});

describe('TimerBar: the template edited during the call', () => {
  it("names the timer's own sections and counts them, whatever the template has now", async () => {
    // The session started on A, B, C; the template since lost B and gained D, E (the timer keeps its own).
    const timer = nextSection(startTimer(['a', 'b', 'c'], [5, 5, 5], T0), T0);
    const titles = new Map([
      ['a', 'A'],
      ['b', 'Wins (removed)'],
      ['c', 'C'],
    ]);
    await act(() => {
      render(
        <TimerBar timer={timer} titleOf={(id) => titles.get(id) ?? id} onStep={() => {}} onJump={() => {}} />,
        container(),
      );
    });
    expect(container().querySelector('[data-testid="timer-section"]')?.textContent).toBe('Wins (removed)');
    expect(container().textContent).toContain('2 of 3');
    const steps = [...container().querySelectorAll('.ses-step')].map((b) => b.textContent);
    expect(steps).toHaveLength(3);
    expect(steps[1]).toContain('Wins (removed)');
  });
});
