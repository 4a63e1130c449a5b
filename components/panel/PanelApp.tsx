import { classifyTitle } from '@/lib/domain/one-on-one-title';
import type { PanelContext } from '@/lib/messaging/protocol';
import { Brand } from '../shared/Brand';
import { NoteEditor } from './NoteEditor';
import { usePanelContext } from './use-panel-context';
import { type NoteTarget, useNoteDraft } from './use-note-draft';

const KIND_NAMES = {
  'one-on-one': 'One-on-one',
  'two-on-one': 'Two-on-one',
  'skip-level': 'Skip-level',
  peer: 'Peer 1:1',
  career: 'Career 1:1',
} as const;

function noteTargetOf(context: PanelContext | null): NoteTarget | null {
  if (context?.surface !== 'calendar') return null;
  return { eventKey: context.eventKey, seriesKey: context.seriesKey, title: context.title };
}

export function PanelApp() {
  const state = usePanelContext();
  const context = state.status === 'ready' ? state.context : null;
  const target = noteTargetOf(context);

  return (
    <main class="panel">
      <header class="panel-header">
        <Brand />
      </header>
      {state.status === 'loading' ? (
        <p class="duet-empty">Loading…</p>
      ) : target ? (
        <EventNotes target={target} />
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

function EventNotes({ target }: { target: NoteTarget }) {
  const { text, status, update, flush } = useNoteDraft(target);
  const kind = classifyTitle(target.title)?.kind;
  return (
    <section class="event" data-testid="panel-event">
      <div class="event-meta">{kind ? <span class="duet-chip">{KIND_NAMES[kind]}</span> : null}</div>
      <h1 class="event-title" data-testid="event-title">
        {target.title || 'Untitled event'}
      </h1>
      <NoteEditor text={text} status={status} onInput={update} onBlur={() => void flush()} />
      <p class="privacy duet-muted">Stored only in this browser. Google never sees these notes.</p>
    </section>
  );
}
