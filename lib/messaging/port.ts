/**
 * The panel's live channel: a panel frame connects a port named `duet-panel#<frame token>`; the background knows the
 * port's tab from the browser (`port.sender.tab.id`) and pushes that tab's context when it changes.
 */
import { z } from 'zod/mini';
import { PanelContextSchema } from './protocol';

export const PANEL_PORT_NAME = 'duet-panel';

/** A framed panel's port is named `duet-panel#<token>`: the background checks the token like get-context. */
export function panelPortName(token: string | null): string {
  return token ? `${PANEL_PORT_NAME}#${token}` : PANEL_PORT_NAME;
}

export function tokenOfPortName(name: string): string | null | undefined {
  if (name === PANEL_PORT_NAME) return null;
  const match = /^duet-panel#([0-9a-f]{32})$/.exec(name);
  return match ? match[1] : undefined; // undefined: not a panel port at all
}

export const PanelPushSchema = z.strictObject({
  kind: z.literal('panel/context'),
  context: z.nullable(PanelContextSchema),
});
export type PanelPush = z.infer<typeof PanelPushSchema>;
