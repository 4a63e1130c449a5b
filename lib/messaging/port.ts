/**
 * The panel's live channel: a panel frame connects a port named `panel`; the background knows the
 * port's tab from the browser (`port.sender.tab.id`) and pushes that tab's context when it changes.
 */
import { z } from 'zod/mini';
import { PanelContextSchema } from './protocol';

export const PANEL_PORT_NAME = 'duet-panel';

export const PanelPushSchema = z.strictObject({
  kind: z.literal('panel/context'),
  context: z.nullable(PanelContextSchema),
});
export type PanelPush = z.infer<typeof PanelPushSchema>;
