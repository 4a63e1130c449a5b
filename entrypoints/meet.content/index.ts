import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentLifetime, runtimeAlive } from '@/lib/content/lifetime';
import { startMeetPage } from '@/lib/content/meet-page';
import { MEET_MATCHES } from '@/lib/hosts';

export default defineContentScript({
  matches: MEET_MATCHES,
  runAt: 'document_idle',
  // Don't announce ourselves to the page (the page could answer with a forged "newer script" message).
  noScriptStartedPostMessage: true,
  main(ctx) {
    const { signal } = contentLifetime(ctx.signal, () => runtimeAlive(browser.runtime));
    startMeetPage({ signal });
  },
});
