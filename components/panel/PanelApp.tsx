import { sendMessage } from '@/lib/messaging/client';
import { Brand } from '../shared/Brand';
import { CalendarPanel } from './calendar/CalendarPanel';
import { usePanelContext } from './use-panel-context';

/** Tells the background that data behind Calendar's badges changed, so they refresh. Best effort. */
export async function notifyDataChanged(): Promise<void> {
  try {
    await sendMessage({ kind: 'panel/data-changed' });
  } catch {
    // The worker may be restarting; badges catch up on the next classification.
  }
}

export interface PanelAppProps {
  /** Called after the panel changed data that badges depend on (tracked a 1:1, closed an agreement…). */
  onDataChanged?: () => void;
}

export function PanelApp({ onDataChanged = () => void notifyDataChanged() }: PanelAppProps = {}) {
  const state = usePanelContext();
  const context = state.status === 'ready' ? state.context : null;

  return (
    <main class="panel">
      <header class="panel-header">
        <Brand />
      </header>
      {state.status === 'loading' ? (
        <p class="duet-empty">Loading…</p>
      ) : context?.surface === 'calendar' ? (
        // Keyed by event: switching events starts from a clean view (the note draft is saved on the way out).
        <CalendarPanel key={context.eventKey} context={context} onChanged={onDataChanged} />
      ) : context?.surface === 'meet' ? (
        <section class="duet-empty" data-testid="panel-meet">
          <h1 class="event-title">{context.title || 'Google Meet call'}</h1>
          <p>Live session notes for calls arrive with the Meet panel.</p>
        </section>
      ) : (
        <section class="duet-empty" data-testid="panel-empty">
          <p>
            Open a 1:1 from Google Calendar — click the Duet badge on the event — to see and write its notes
            here.
          </p>
        </section>
      )}
    </main>
  );
}
