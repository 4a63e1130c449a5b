import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameTokenOf } from '@/components/panel/use-panel-context';
import { newFrameToken } from '@/lib/content/panel-host';
import { PANEL_PORT_NAME, panelPortName, tokenOfPortName } from '@/lib/messaging/port';
import { MESSAGES } from '@/lib/messaging/protocol';

const TOKEN = '0123456789abcdef0123456789abcdef';
const HEX = [...'0123456789abcdef'];
const token = fc.array(fc.constantFrom(...HEX), { minLength: 32, maxLength: 32 }).map((c) => c.join(''));

/** Strings a token must not be taken from: case, length, alphabet, extra characters. */
const NOT_TOKENS = [
  '',
  TOKEN.toUpperCase(),
  TOKEN.slice(1),
  `${TOKEN}0`,
  `${TOKEN.slice(1)}g`,
  ` ${TOKEN}`,
  `${TOKEN} `,
  `${TOKEN}\n`,
  `${TOKEN}#${TOKEN}`,
  `${TOKEN}&x=1`,
  `${TOKEN}?x`,
];

describe('panelPortName / tokenOfPortName', () => {
  it('names a framed panel’s port duet-panel#<token>, and a panel without a token plain duet-panel', () => {
    expect(PANEL_PORT_NAME).toBe('duet-panel');
    expect(panelPortName(TOKEN)).toBe(`duet-panel#${TOKEN}`);
    expect(panelPortName(null)).toBe('duet-panel');
  });

  it('reads back the token of any panel port name', () => {
    fc.assert(
      fc.property(token, (t) => {
        expect(tokenOfPortName(panelPortName(t))).toBe(t);
      }),
    );
    expect(tokenOfPortName(panelPortName(newFrameToken()))).toMatch(/^[0-9a-f]{32}$/);
  });

  it('a plain duet-panel port carries no token (null): a panel port, but one no tab will accept', () => {
    expect(tokenOfPortName('duet-panel')).toBeNull();
    expect(tokenOfPortName(panelPortName(null))).toBeNull();
  });

  it.each(NOT_TOKENS)('duet-panel#%j is no panel port at all (undefined)', (notToken) => {
    expect(tokenOfPortName(`duet-panel#${notToken}`)).toBeUndefined();
  });

  it.each([
    'duet-panel-2',
    'Duet-panel',
    'DUET-PANEL',
    ' duet-panel',
    'duet-panel ',
    `xduet-panel#${TOKEN}`,
    `duet-panel${TOKEN}`,
    `duet-panel/${TOKEN}`,
    `duet-panel##${TOKEN}`,
    `${TOKEN}`,
    'panel',
    '',
  ])('%j is no panel port at all (undefined)', (name) => {
    expect(tokenOfPortName(name)).toBeUndefined();
  });
});

describe('frameTokenOf (the panel reading its URL hash)', () => {
  it('takes the token from the hash panel-host.ts puts on the frame’s URL', () => {
    expect(frameTokenOf(`#${TOKEN}`)).toBe(TOKEN);
    const fresh = newFrameToken();
    expect(frameTokenOf(new URL(`chrome-extension://duet-test-id/panel.html#${fresh}`).hash)).toBe(fresh);
    fc.assert(
      fc.property(token, (t) => {
        expect(frameTokenOf(`#${t}`)).toBe(t);
      }),
    );
  });

  it('no hash, or anything but exactly a token, is no token', () => {
    expect(frameTokenOf('')).toBeNull();
    expect(frameTokenOf('#')).toBeNull();
    for (const notToken of NOT_TOKENS) expect(frameTokenOf(`#${notToken}`), notToken).toBeNull();
    expect(frameTokenOf(`##${TOKEN}`)).toBeNull();
  });

  it('what it reads is what get-context and the port accept, and only that', () => {
    const request = MESSAGES['panel/get-context'].request;
    fc.assert(
      fc.property(
        fc.oneof(
          token.map((t) => `#${t}`),
          fc.string().map((s) => `#${s}`),
        ),
        (hash) => {
          const read = frameTokenOf(hash);
          const accepted = request.safeParse({
            kind: 'panel/get-context',
            frameToken: hash.slice(1),
          }).success;
          expect(read !== null).toBe(accepted);
          if (read !== null) expect(tokenOfPortName(panelPortName(read))).toBe(read);
        },
      ),
    );
  });
});
