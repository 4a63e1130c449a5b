import { render } from 'preact';
import { ensurePersistentStorage } from '@/lib/db';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/shared/theme.css';
import '@/components/options/options.css';

render(<OptionsApp />, document.getElementById('app')!);
// Ask the browser to keep Duet's data under storage pressure; the answer is recorded for the options page.
void ensurePersistentStorage().catch(() => undefined);
