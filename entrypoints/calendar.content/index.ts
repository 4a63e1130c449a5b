import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCalendarPage } from '@/lib/content/calendar-page';
import { CALENDAR_MATCHES } from '@/lib/hosts';

export default defineContentScript({
  matches: CALENDAR_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startCalendarPage({ signal: ctx.signal, panelUrl: browser.runtime.getURL('/panel.html') });
  },
});
