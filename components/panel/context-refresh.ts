/**
 * Reads the panel's context again, now. The browser's side panel has no port (it re-reads every couple of
 * seconds): after the user changes what a call is linked to, it must see the new link before it leaves the
 * chooser, or it would show the old 1:1 again and start that 1:1's session anew. In the page the port pushes
 * the new context first, so there it does nothing.
 */
import { createContext } from 'preact';

export const ContextRefresh = createContext<() => Promise<void>>(async () => {});
