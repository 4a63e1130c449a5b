import { describe, expect, it } from 'vitest';
import { type MeetFixture, meetSelectors } from '@/lib/google/meet/selectors';
import { loadFixture } from '../../helpers/fixtures';

const FIXTURES: MeetFixture[] = ['meet-prejoin.html', 'meet-call.html', 'meet-ended.html'];
const documents = new Map(FIXTURES.map((name) => [name, loadFixture(name)]));

const cases = Object.entries(meetSelectors).flatMap(([name, spec]) =>
  Object.entries(spec.expect).map(
    ([fixture, count]) => [name, fixture as MeetFixture, count, spec.css] as const,
  ),
);

describe('meetSelectors against every fixture', () => {
  it('lists an expected count for every fixture on every selector', () => {
    for (const spec of Object.values(meetSelectors)) {
      expect(Object.keys(spec.expect).sort()).toEqual([...FIXTURES].sort());
    }
    expect(cases).toHaveLength(Object.keys(meetSelectors).length * FIXTURES.length);
  });

  it.each(cases)('%s matches %s exactly %i times', (_name, fixture, count, css) => {
    expect(documents.get(fixture)!.querySelectorAll(css)).toHaveLength(count);
  });

  it('participant tiles carry the two participants’ device ids from the index', () => {
    const ids = new Set(
      [...documents.get('meet-call.html')!.querySelectorAll(meetSelectors.participantTile.css)].map((tile) =>
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
});
