import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { FIRST_READ, popupSource } from '@/components/popup/popup-source';
import '@/components/shared/theme.css';
import '@/components/popup/popup.css';

// Nothing here may import Dexie or zod: the popup shows its lists before those load (popup-source.ts).
performance.mark('duet-popup-script');
// The database is opened and read while the page renders its frame.
popupSource.prefetch(FIRST_READ);
render(<PopupApp />, document.getElementById('app')!);
