/** Keyboard focus in the talking points: a moved point keeps focus, whenever its new order arrives. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TalkingPoints } from '@/components/panel/calendar/TalkingPoints';
import type { ActionResult } from '@/components/panel/calendar/view-types';
import type { TalkingPoint } from '@/lib/domain/model';
import { useRenderContainer } from '../../../helpers/dom-container';

const container = useRenderContainer();

const point = (id: string, order: number): TalkingPoint => ({
  id,
  relationshipId: 'r1',
  text: id,
  author: 'me',
  status: 'open',
  sessionId: null,
  order,
  discussedAt: null,
  createdAt: 1,
  updatedAt: 1,
});
const ok = (): Promise<ActionResult> => Promise.resolve({ ok: true });

async function show(points: TalkingPoint[], onMove: () => Promise<ActionResult>) {
  await act(() => {
    render(
      <TalkingPoints points={points} theirName="Bob" onAdd={ok} onMove={onMove} onSetStatus={ok} />,
      container(),
    );
  });
}
const items = () => [...container().querySelectorAll<HTMLElement>('[data-testid=talking-point-item]')];
const button = (item: HTMLElement, direction: 'up' | 'down') =>
  item.querySelector<HTMLButtonElement>(`[data-testid=talking-point-${direction}]`)!;

describe('TalkingPoints: focus after a move', () => {
  it('stays on the moved point when its new order arrives while the move is still busy', async () => {
    let finish: (result: ActionResult) => void = () => {};
    const onMove = vi.fn(() => new Promise<ActionResult>((resolve) => (finish = resolve)));
    const before = [point('First', 1), point('Second', 2), point('Third', 3)];
    await show(before, onMove);
    await act(() => button(items()[0]!, 'down').click());
    // The database's new order is shown before the move's promise settles, every button disabled. (A browser
    // drops focus from a button that is disabled or moved in the DOM: nothing has focus here.)
    await show([before[1]!, before[0]!, before[2]!], onMove);
    expect(document.activeElement).toBe(document.body);
    expect(items().map((item) => item.dataset.pointId)).toEqual(['Second', 'First', 'Third']);
    await act(async () => finish({ ok: true }));
    await vi.waitFor(() => expect(document.activeElement).toBe(button(items()[1]!, 'down')));
  });

  it('stays on the moved point when the move settles before its new order arrives', async () => {
    const before = [point('First', 1), point('Second', 2), point('Third', 3)];
    await show(before, ok);
    await act(() => button(items()[2]!, 'up').click());
    await show([before[0]!, before[2]!, before[1]!], ok);
    await vi.waitFor(() => expect(document.activeElement).toBe(button(items()[1]!, 'up')));
    expect(document.activeElement?.closest('li')?.dataset.pointId).toBe('Third');
  });

  it('never takes focus from where the user put it meanwhile', async () => {
    const elsewhere = document.createElement('input');
    document.body.append(elsewhere);
    const before = [point('First', 1), point('Second', 2)];
    await show(before, ok);
    await act(() => button(items()[0]!, 'down').click());
    elsewhere.focus();
    await show([before[1]!, before[0]!], ok);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(elsewhere);
    elsewhere.remove();
  });
});

describe('TalkingPoints: adding', () => {
  it('keeps text typed while the previous point was saving', async () => {
    let finish: (result: ActionResult) => void = () => {};
    const onAdd = vi.fn(() => new Promise<ActionResult>((resolve) => (finish = resolve)));
    await act(() => {
      render(
        <TalkingPoints points={[]} theirName="Bob" onAdd={onAdd} onMove={ok} onSetStatus={ok} />,
        container(),
      );
    });
    const input = container().querySelector<HTMLInputElement>('[data-testid=talking-point-input]')!;
    const typeInto = (value: string) =>
      act(() => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    await typeInto('Promo case');
    await act(() => {
      container().querySelector<HTMLFormElement>('[data-testid=talking-point-form]')!.requestSubmit();
    });
    expect(onAdd).toHaveBeenCalledWith('Promo case', 'me');
    await typeInto('Offsite budget');
    await act(async () => finish({ ok: true }));
    // The add is over (its button enabled again), and what was typed meanwhile is still there.
    const add = container().querySelector<HTMLButtonElement>('[data-testid=talking-point-add]')!;
    await vi.waitFor(() => expect(add.disabled).toBe(false));
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(input.value).toBe('Offsite budget');
  });

  it('empties the box once the point is added', async () => {
    await act(() => {
      render(
        <TalkingPoints points={[]} theirName="Bob" onAdd={ok} onMove={ok} onSetStatus={ok} />,
        container(),
      );
    });
    const input = container().querySelector<HTMLInputElement>('[data-testid=talking-point-input]')!;
    await act(() => {
      input.value = 'Promo case';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      container().querySelector<HTMLFormElement>('[data-testid=talking-point-form]')!.requestSubmit();
    });
    await vi.waitFor(() => expect(input.value).toBe(''));
  });
});

describe('TalkingPoints: a point typed but not added', () => {
  beforeEach(() => localStorage.clear());
  const input = () => container().querySelector<HTMLInputElement>('[data-testid=talking-point-input]')!;
  const draw = (relationshipId: string | null, onAdd = ok) =>
    act(() => {
      render(
        relationshipId === null ? null : (
          <TalkingPoints
            points={[]}
            theirName="Bob"
            onAdd={onAdd}
            onMove={ok}
            onSetStatus={ok}
            relationshipId={relationshipId}
          />
        ),
        container(),
      );
    });
  const typeIn = (value: string) =>
    act(() => {
      input().value = value;
      input().dispatchEvent(new Event('input', { bubbles: true }));
    });

  it('is back after the panel shows another 1:1, or closes and opens again; each 1:1 has its own', async () => {
    await draw('r1');
    await typeIn('Offsite bud');
    await draw('r2');
    expect(input().value).toBe('');
    await typeIn('For Carol');
    await draw('r1');
    expect(input().value).toBe('Offsite bud');
    await draw(null);
    await draw('r2');
    expect(input().value).toBe('For Carol');
  });

  it('is forgotten once added; text typed while it was saving stays', async () => {
    let finish!: (result: ActionResult) => void;
    const onAdd = vi.fn(() => new Promise<ActionResult>((resolve) => (finish = resolve)));
    await draw('r1', onAdd);
    await typeIn('Offsite budget');
    await act(() => {
      container()
        .querySelector('[data-testid=talking-point-form]')!
        .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onAdd).toHaveBeenCalledWith('Offsite budget', 'me');
    await typeIn('Offsite budget, and the venue');
    await act(async () => finish({ ok: true }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(input().value).toBe('Offsite budget, and the venue');
    await draw(null);
    await draw('r1', onAdd);
    expect(input().value).toBe('Offsite budget, and the venue');

    await act(() => {
      container()
        .querySelector('[data-testid=talking-point-form]')!
        .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await act(async () => finish({ ok: true }));
    await vi.waitFor(() => expect(input().value).toBe(''));
    await draw(null);
    await draw('r1', onAdd);
    expect(input().value).toBe('');
  });
});
