/**
 * The import preview is always for the mode on screen: the mode changed while a (large) file's preview was
 * being computed gives a preview for the new mode, and Apply becomes usable.
 */
import { describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createPerson } from '@/lib/db';
import { exportAll, serializeExport } from '@/lib/io/export';
import * as io from '@/lib/io/import';
import { change, click, q, text, until, useMount } from './helpers';

/** Holds the first preview until the test lets it go. */
const gate = vi.hoisted(() => ({ release: (): void => undefined, held: false }));

vi.mock('@/lib/io/import', async (original) => {
  const actual = await original<typeof io>();
  return {
    ...actual,
    previewImport: vi.fn(async (...args: Parameters<typeof actual.previewImport>) => {
      if (!gate.held) {
        gate.held = true;
        await new Promise<void>((resolve) => (gate.release = resolve));
      }
      return actual.previewImport(...args);
    }),
  };
});

const mount = useMount();

describe('DataSection: import mode', () => {
  it('a mode chosen while the preview is being made gets its own preview', async () => {
    await createPerson({ name: 'Bob Jones', emails: ['bob@acme.example'], relation: 'report' });
    const exported = serializeExport(await exportAll());
    const root = await mount(<OptionsApp onDataChanged={() => undefined} />);
    await until(() => q(root, 'import-file'));
    Object.defineProperty(q(root, 'import-file'), 'files', {
      configurable: true,
      value: [new File([exported], 'backup.json', { type: 'application/json' })],
    });
    await change(q(root, 'import-file'));
    await until(() => expect(gate.held).toBe(true));
    // The merge preview is being made: the user picks Replace meanwhile.
    await click(q(root, 'import-replace'));
    gate.release();
    await until(() => q(root, 'import-preview'));
    expect(vi.mocked(io.previewImport).mock.calls.map((call) => call[1])).toEqual(['merge', 'replace']);
    expect(text(root, 'import-apply')).toBe('Replace everything');
    await until(() => expect(q<HTMLButtonElement>(root, 'import-apply').disabled).toBe(false));
  });
});
