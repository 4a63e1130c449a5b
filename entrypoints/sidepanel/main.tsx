import { render } from 'preact';
import { SidePanelApp } from '@/components/panel/SidePanelApp';
import '@/components/shared/theme.css';
import '@/components/panel/panel.css';

render(<SidePanelApp />, document.getElementById('app')!);
