import { describe, expect, it } from 'vitest';
import { type MeetFixture, meetLigatures, meetSelectors } from '@/lib/google/meet/selectors';
import { loadFixture, MEET_FIXTURES, meetTruth } from '../../helpers/fixtures';

const FIXTURES: readonly MeetFixture[] = MEET_FIXTURES;
const documents = new Map(FIXTURES.map((name) => [name, loadFixture(name)]));
const doc = (name: MeetFixture) => documents.get(name)!;

const cases = Object.entries(meetSelectors).flatMap(([name, spec]) =>
  Object.entries(spec.expect).map(
    ([fixture, count]) => [name, fixture as MeetFixture, count, spec.css] as const,
  ),
);

const ligatureCases = Object.entries(meetLigatures).flatMap(([name, spec]) =>
  Object.entries(spec.expect).map(
    ([fixture, count]) => [name, fixture as MeetFixture, count, spec.text] as const,
  ),
);

const ligatureCount = (d: Document, names: readonly string[]) =>
  [...d.querySelectorAll(meetSelectors.icon.css)].filter((icon) => names.includes(icon.textContent!.trim()))
    .length;

describe('meetSelectors against every fixture', () => {
  it('lists an expected count for every fixture on every selector and ligature', () => {
    for (const spec of [...Object.values(meetSelectors), ...Object.values(meetLigatures)]) {
      expect(Object.keys(spec.expect).sort()).toEqual([...FIXTURES].sort());
    }
    expect(cases).toHaveLength(Object.keys(meetSelectors).length * FIXTURES.length);
    expect(Object.keys(meetTruth).sort()).toEqual([...FIXTURES].sort());
  });

  it.each(cases)('%s matches %s exactly %i times', (_name, fixture, count, css) => {
    expect(doc(fixture).querySelectorAll(css)).toHaveLength(count);
  });

  it.each(ligatureCases)('ligature %s shows in %s exactly %i times', (_name, fixture, count, names) => {
    expect(ligatureCount(doc(fixture), names)).toBe(count);
  });

  it('participant tiles carry the two participants’ device ids from the index', () => {
    const ids = new Set(
      [...doc('meet-call.html').querySelectorAll(meetSelectors.participantTile.css)].map((tile) =>
        tile.getAttribute('data-participant-id'),
      ),
    );
    expect(ids).toEqual(
      new Set([
        'spaces/vXq8Lm2RtYpA/devices/0d9e4b31-77a2-4f5c-b6e8-2a1c9f3e5d08',
        'spaces/vXq8Lm2RtYpA/devices/6f1c2a90-3b7e-4d2a-9c11-8e0b5a7d4c21',
      ]),
    );
  });

  it.each(FIXTURES)('%s: presentation tiles (media id ≠ device id) are the ones the truth lists', (name) => {
    const tiles = [...doc(name).querySelectorAll(meetSelectors.mediaTile.css)]
      .map((tile) => ({
        participantId: tile.getAttribute('data-participant-id'),
        mediaId: tile.getAttribute('data-tile-media-id'),
      }))
      .filter((tile) => tile.mediaId !== tile.participantId);
    expect(tiles).toEqual(meetTruth[name].presentationTiles ?? []);
  });

  it('meet-call-people.html shows one person from two devices', () => {
    const [name, devices] = Object.entries(meetTruth['meet-call-people.html'].sameDeviceNames!)[0]!;
    expect(devices).toHaveLength(2);
    for (const device of devices) {
      const tile = doc('meet-call-people.html').querySelector(
        `${meetSelectors.videoTile.css}[data-participant-id="${device}"]`,
      )!;
      expect(tile.querySelector(meetSelectors.tileName.css)!.textContent).toBe(name);
    }
  });

  it('the German page has the English presenting page’s structure, with German text', () => {
    const [en, de] = [doc('meet-call-presenting.html'), doc('meet-call-de.html')];
    for (const spec of Object.values(meetSelectors)) {
      expect(de.querySelectorAll(spec.css).length, spec.css).toBe(en.querySelectorAll(spec.css).length);
    }
    const ligatures = (d: Document) =>
      [...d.querySelectorAll(meetSelectors.icon.css)].map((icon) => icon.textContent);
    expect(ligatures(de)).toEqual(ligatures(en));
    expect(de.documentElement.lang).toBe('de');
    const labels = (d: Document) =>
      new Set([...d.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')));
    expect(labels(de).has('Leave call')).toBe(false);
    expect(labels(en).has('Leave call')).toBe(true);
  });

  it('the presenting label fallback never matches a page where nobody presents', () => {
    for (const name of FIXTURES.filter((f) => !meetTruth[f].presenting)) {
      expect(doc(name).querySelector(meetSelectors.presentingLabel.css)).toBeNull();
    }
  });
});
