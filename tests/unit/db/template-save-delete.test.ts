/**
 * Custom templates: a save from a stale editor never undoes another window's save nor brings back a template
 * deleted meanwhile; a template whose only use is notes under a section removed from it is retired, not
 * deleted (those notes keep their section's title).
 */
import { describe, expect, it } from 'vitest';
import {
  createRelationship,
  deleteCustomTemplate,
  getDatabase,
  getTemplate,
  prepareSession,
  saveCustomTemplate,
  saveSectionNotes,
  switchSessionTemplate,
  TemplateChangedError,
  TemplateGoneError,
  updateRelationship,
} from '@/lib/db';
import type { TemplateSection } from '@/lib/domain/model';

const section = (id: string, title: string): TemplateSection => ({
  id,
  title,
  minutes: 10,
  prompts: [],
  kind: 'notes',
});

const TALK = section('section-talk-1', 'Talk');
const WINS = section('section-wins-1', 'Wins');

async function mine() {
  return saveCustomTemplate({ name: 'Mine', method: 'custom', description: 'd', sections: [TALK, WINS] });
}

describe('saveCustomTemplate from an editor opened earlier', () => {
  it('refuses a template deleted meanwhile, and does not bring it back', async () => {
    const template = await mine();
    await deleteCustomTemplate(template.id);
    const save = saveCustomTemplate({
      id: template.id,
      name: 'Mine v2',
      method: 'custom',
      description: 'd',
      sections: [TALK],
      opened: template,
    });
    await expect(save).rejects.toBeInstanceOf(TemplateGoneError);
    expect(await getTemplate(template.id)).toBeUndefined();
    // Without what it opened with too.
    await expect(
      saveCustomTemplate({ id: template.id, name: 'X', method: 'custom', description: '', sections: [TALK] }),
    ).rejects.toThrow('deleted in another window');
    expect(await getTemplate(template.id)).toBeUndefined();
  });

  it('refuses to write over a save made in another window since it opened', async () => {
    const template = await mine();
    // Another window renames it and adds a section.
    await saveCustomTemplate({
      id: template.id,
      name: 'Renamed elsewhere',
      method: 'custom',
      description: 'd',
      sections: [TALK, WINS, section('section-next-1', 'Next')],
      opened: template,
    });
    const stale = saveCustomTemplate({
      id: template.id,
      name: 'Mine',
      method: 'custom',
      description: 'changed here',
      sections: [TALK, WINS],
      opened: template,
    });
    await expect(stale).rejects.toBeInstanceOf(TemplateChangedError);
    expect(await getTemplate(template.id)).toMatchObject({
      name: 'Renamed elsewhere',
      description: 'd',
      sections: [TALK, WINS, section('section-next-1', 'Next')],
    });
  });

  it('saves over the template as it opened, keeping the sections it once had', async () => {
    const template = await mine();
    const saved = await saveCustomTemplate({
      id: template.id,
      name: 'Mine v2',
      method: 'custom',
      description: 'd',
      sections: [TALK],
      // As an editor has it: equal content, another object (and key order).
      opened: { sections: template.sections.map((s) => ({ ...s })), description: 'd', name: 'Mine' },
    });
    expect(saved).toMatchObject({ name: 'Mine v2', formerSections: [{ id: WINS.id, title: 'Wins' }] });
  });
});

describe('deleteCustomTemplate: notes under a section removed from it', () => {
  it('retires it (not deleted): those notes keep their section’s title', async () => {
    const template = await mine();
    const zed = await createRelationship({
      personIds: [],
      kind: 'one-on-one',
      title: 'Zed',
      templateId: template.id,
    });
    const { session } = await prepareSession({
      relationshipId: zed.id,
      scheduledAt: Date.now() - 86_400_000,
    });
    await saveSectionNotes(session.id, WINS.id, 'Shipped the beta');
    // The session and the 1:1 move on to a built-in; then Wins is removed from the template.
    await switchSessionTemplate(session.id, 'builtin:career');
    await updateRelationship(zed.id, { templateId: 'builtin:career' });
    const stored = await getDatabase().sessions.get(session.id);
    expect(stored).toMatchObject({ templateId: 'builtin:career', notes: { [WINS.id]: 'Shipped the beta' } });
    const saved = await saveCustomTemplate({
      id: template.id,
      name: 'Mine',
      method: 'custom',
      description: 'd',
      sections: [TALK],
    });
    expect(saved.formerSections).toEqual([{ id: WINS.id, title: 'Wins' }]);

    await deleteCustomTemplate(template.id);

    expect(await getTemplate(template.id)).toMatchObject({
      retired: true,
      formerSections: [{ id: WINS.id, title: 'Wins' }],
    });
  });
});
