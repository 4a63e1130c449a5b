import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentLifetime, runtimeAlive } from '@/lib/content/lifetime';
import { startCalendarPage } from '@/lib/content/calendar-page';
import { CALENDAR_MATCHES } from '@/lib/hosts';

export default defineContentScript({
  matches: CALENDAR_MATCHES,
  runAt: 'document_idle',
  // Don't announce ourselves to the page (the page could answer with a forged "newer script" message).
  noScriptStartedPostMessage: true,
  main(ctx) {
    const { signal } = contentLifetime(ctx.signal, () => runtimeAlive(browser.runtime));
    startCalendarPage({ signal: signal, panelUrl: browser.runtime.getURL('/panel.html') });
  },
});
