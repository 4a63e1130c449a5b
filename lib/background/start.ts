/** Wires the background: message router, panel ports, per-tab contexts. Called once by the entrypoint. */
import { type Browser, browser } from 'wxt/browser';
import { eventKeysWithNotes } from '../db';
import { seedDemoDataIfEmpty } from '../demo/seed';
import { PANEL_PORT_NAME } from '../messaging/port';
import { createHandlers } from './handlers';
import { PanelPorts } from './panel-ports';
import { createRouter } from './router';
import { type SessionArea, TabContexts } from './tab-contexts';
import { classifySender } from '../messaging/senders';

function memoryArea(): SessionArea {
  const items = new Map<string, unknown>();
  return {
    get: async (key) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (values) => {
      for (const [key, value] of Object.entries(values)) items.set(key, value);
    },
    remove: async (key) => {
      items.delete(key);
    },
  };
}

export function startBackground(): void {
  const self = () => ({ id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') });
  const session = browser.storage.session as SessionArea | undefined;
  const tabContexts = new TabContexts(session ?? memoryArea());
  const ports = new PanelPorts();

  const router = createRouter(
    createHandlers({
      tabContexts,
      eventKeysWithNotes,
      pushContext: (tabId, context) => ports.push(tabId, context),
    }),
    self,
  );

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) =>
    router(message, sender),
  );

  browser.runtime.onConnect.addListener((port) => {
    const sender = classifySender(port.sender ?? {}, self());
    if (
      port.name !== PANEL_PORT_NAME ||
      !sender.ok ||
      sender.kind !== 'extension-page' ||
      sender.tabId === null
    ) {
      port.disconnect();
      return;
    }
    const tabId = sender.tabId;
    ports.add(tabId, port);
    void tabContexts.get(tabId).then((context) => ports.push(tabId, context));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void tabContexts.clear(tabId);
  });

  if (__DUET_DEMO__) {
    browser.runtime.onInstalled.addListener(() => {
      void seedDemoDataIfEmpty();
    });
  }
}
