import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { notifyDataChanged } from '../shared/data-changed';
import { Brand } from '../shared/Brand';
import { CalendarPanel } from './calendar/CalendarPanel';
import { MeetPanel } from './meet/MeetPanel';
import { openSidePanel, sidePanelAvailable } from './side-panel';
import { guardVisibility } from './visibility-guard';
import { type PanelContextState, usePanelContext } from './use-panel-context';

export { notifyDataChanged };

export interface PanelAppProps {
  /** Called after the panel changed data that badges depend on (tracked a 1:1, closed an agreement…). */
  onDataChanged?: () => void;
}

export function PanelApp({ onDataChanged = () => void notifyDataChanged() }: PanelAppProps = {}) {
  const state = usePanelContext();
  // What the page could cover: the header and the body. Not the "covered" note beside them, which must stay
  // in the accessibility tree to be announced (inert content is not).
  const shielded = useRef<HTMLDivElement>(null);
  const [covered, setCovered] = useState(false);
  // The page can hide or cover our frame: while the browser says it isn't really visible, ignore input.
  useEffect(() => guardVisibility(document.documentElement, (visible) => setCovered(!visible)), []);
  useEffect(() => {
    if (shielded.current) shielded.current.inert = covered;
  }, [covered]);
  return (
    <main class="panel" aria-label={t('panel_label')} data-covered={covered ? 'true' : undefined}>
      {/* A live region there from the start, so the line is announced when it comes. */}
      <p class="panel-covered" role="status" data-testid="panel-covered">
        {covered ? t('panel_covered') : ''}
      </p>
      <div class="panel-shielded" ref={shielded}>
        <header class="panel-header">
          <Brand />
        </header>
        <PanelBody state={state} place="in-page" onDataChanged={onDataChanged} />
      </div>
    </main>
  );
}

export interface PanelBodyProps {
  state: PanelContextState;
  /** In the page (hides notes while presenting) or in the browser's side panel (never framed by a page). */
  place: 'in-page' | 'side-panel';
  onDataChanged?: () => void;
}

export function PanelBody({ state, place, onDataChanged = () => void notifyDataChanged() }: PanelBodyProps) {
  const context = state.status === 'ready' ? state.context : null;
  if (state.status === 'loading') return <p class="duet-empty">{t('common_loading')}</p>;
  if (context?.surface === 'calendar') {
    // Keyed by event: switching events starts from a clean view (the note draft is saved on the way out).
    return <CalendarPanel key={context.eventKey} context={context} onChanged={onDataChanged} />;
  }
  if (context?.surface === 'meet') {
    // Keyed by meeting: another meeting in the tab starts clean (a link being corrected in the last one
    // does not show its chooser in the next one's green room).
    return (
      <MeetPanel
        key={context.meetingCode}
        context={place === 'side-panel' ? { ...context, presenting: false } : context}
        onOpenSidePanel={place === 'in-page' && sidePanelAvailable() ? openSidePanel : undefined}
      />
    );
  }
  return (
    <section class="duet-empty" data-testid="panel-empty">
      <p>{t('panel_empty')}</p>
    </section>
  );
}
