import { render } from 'preact';
import { ensurePersistentStorage } from '@/lib/db';
import { PanelApp } from '@/components/panel/PanelApp';
import '@/components/shared/theme.css';
import '@/components/panel/panel.css';

render(<PanelApp />, document.getElementById('app')!);
// Ask the browser to keep Duet's data under storage pressure; the answer is recorded for the options page.
void ensurePersistentStorage().catch(() => undefined);
