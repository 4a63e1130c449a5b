/** zod is configured jitless before any schema exists: extension pages never try to compile code. */
import { describe, expect, it, vi } from 'vitest';

describe('lib/domain/zod', () => {
  it('is jitless, and parsing the data model never calls the Function constructor', async () => {
    const calls = vi.fn();
    const RealFunction = globalThis.Function;
    // A trap in place of the global: zod reads `Function` when it probes or compiles.
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args) {
        calls(args);
        return Reflect.construct(target, args) as object;
      },
      apply(target, self, args) {
        calls(args);
        return Reflect.apply(target, self, args) as unknown;
      },
    });
    try {
      vi.resetModules();
      const { z } = await import('@/lib/domain/zod');
      expect(z.config().jitless).toBe(true);
      const { PersonSchema, SessionSchema } = await import('@/lib/domain/model');
      const fresh = z.object({ a: z.string(), b: z.number() });
      expect(fresh.safeParse({ a: 'x', b: 1 }).success).toBe(true);
      expect(PersonSchema.safeParse({}).success).toBe(false);
      expect(SessionSchema.safeParse({ id: 'x' }).success).toBe(false);
      expect(calls).not.toHaveBeenCalled();
    } finally {
      globalThis.Function = RealFunction;
    }
  });
});
