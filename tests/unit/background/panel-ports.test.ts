import { describe, expect, it, vi } from 'vitest';
import { type PanelPort, PanelPorts } from '@/lib/background/panel-ports';
import { type PanelPush, PanelPushSchema } from '@/lib/messaging/port';
import type { PanelContext } from '@/lib/messaging/protocol';

interface FakePort extends PanelPort {
  posted: PanelPush[];
  disconnect(): void;
  listenerCount(): number;
}

function fakePort(options: { throwOnPost?: boolean } = {}): FakePort {
  const listeners: (() => void)[] = [];
  const posted: PanelPush[] = [];
  return {
    posted,
    postMessage: vi.fn((message: PanelPush) => {
      if (options.throwOnPost) throw new Error('Attempting to use a disconnected port object');
      posted.push(message);
    }),
    onDisconnect: { addListener: (callback) => listeners.push(callback) },
    disconnect: () => {
      for (const listener of listeners) listener();
    },
    listenerCount: () => listeners.length,
  };
}

const context: PanelContext = {
  surface: 'meet',
  meetingCode: 'abc-defg-hij',
  title: 'Alice / Bob',
  state: 'in-call',
  presenting: false,
  others: ['Bob Jones'],
  link: null,
  trackable: 'Bob Jones',
};

describe('PanelPorts', () => {
  it('pushes a valid panel/context message to every port of that tab only', () => {
    const ports = new PanelPorts();
    const a = fakePort();
    const b = fakePort();
    const other = fakePort();
    ports.add(1, a);
    ports.add(1, b);
    ports.add(2, other);

    ports.push(1, context);

    expect(a.posted).toEqual([{ kind: 'panel/context', context }]);
    expect(b.posted).toEqual([{ kind: 'panel/context', context }]);
    expect(other.posted).toEqual([]);
    expect(PanelPushSchema.safeParse(a.posted[0]).success).toBe(true);
  });

  it('pushes null (nothing selected)', () => {
    const ports = new PanelPorts();
    const port = fakePort();
    ports.add(3, port);
    ports.push(3, null);
    expect(port.posted).toEqual([{ kind: 'panel/context', context: null }]);
  });

  it('counts ports and forgets them on disconnect', () => {
    const ports = new PanelPorts();
    const a = fakePort();
    const b = fakePort();
    ports.add(1, a);
    ports.add(1, b);
    expect(ports.count(1)).toBe(2);

    a.disconnect();
    expect(ports.count(1)).toBe(1);
    ports.push(1, context);
    expect(a.posted).toEqual([]);
    expect(b.posted).toHaveLength(1);

    b.disconnect();
    expect(ports.count(1)).toBe(0);
    ports.push(1, context);
    expect(b.posted).toHaveLength(1);
  });

  it('keeps working after a tab lost all its ports and a new panel connects', () => {
    const ports = new PanelPorts();
    const first = fakePort();
    ports.add(1, first);
    first.disconnect();
    const second = fakePort();
    ports.add(1, second);
    expect(ports.count(1)).toBe(1);
    ports.push(1, context);
    expect(second.posted).toHaveLength(1);
  });

  it('a port that throws on post does not stop the others', () => {
    const ports = new PanelPorts();
    const broken = fakePort({ throwOnPost: true });
    const healthy = fakePort();
    ports.add(1, broken);
    ports.add(1, healthy);
    expect(() => ports.push(1, context)).not.toThrow();
    expect(broken.postMessage).toHaveBeenCalledTimes(1);
    expect(healthy.posted).toHaveLength(1);
  });

  it('push to a tab without panels is a no-op and count is 0', () => {
    const ports = new PanelPorts();
    expect(() => ports.push(42, context)).not.toThrow();
    expect(ports.count(42)).toBe(0);
  });

  it('adding the same port twice keeps one entry', () => {
    const ports = new PanelPorts();
    const port = fakePort();
    ports.add(1, port);
    ports.add(1, port);
    expect(ports.count(1)).toBe(1);
    ports.push(1, context);
    expect(port.posted).toHaveLength(1);
    port.disconnect();
    expect(ports.count(1)).toBe(0);
  });
});
