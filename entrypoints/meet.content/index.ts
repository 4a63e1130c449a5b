import { defineContentScript } from 'wxt/utils/define-content-script';
import { startMeetPage } from '@/lib/content/meet-page';
import { MEET_MATCHES } from '@/lib/hosts';

export default defineContentScript({
  matches: MEET_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startMeetPage({ signal: ctx.signal });
  },
});
