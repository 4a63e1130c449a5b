import { render } from 'preact';
import { ensurePersistentStorage } from '@/lib/db';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/shared/theme.css';
import '@/components/popup/popup.css';

performance.mark('duet-popup-script');
render(<PopupApp />, document.getElementById('app')!);
// Ask the browser to keep Duet's data under storage pressure (the answer is recorded for the options page) —
// after the lists are up, so opening the popup never waits on it.
setTimeout(() => void ensurePersistentStorage().catch(() => undefined), 1000);
