import type { Session, Template } from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import { formatSessionDate, notesBySection } from './calendar-text';

export interface LastSessionNotesProps {
  session: Session | undefined;
  template: Template | undefined;
  /** Other templates: notes of one switched away from keep its sections' titles. */
  others?: readonly Template[];
  /** The session was held after the event the panel is for (an event in the past with no 1:1 before it). */
  later?: boolean;
  /** The session is the one before the event shown, and a later one was held since (a past event). */
  earlier?: boolean;
}

/**
 * What was written last time, section by section, with the session's date. Titled "Latest 1:1" when that
 * session came after the event shown, so a date after the event is never called "last time", and "Before
 * this meeting" when later ones were held since (the cadence line above counts from the latest).
 */
export function LastSessionNotes({
  session,
  template,
  others = [],
  later = false,
  earlier = false,
}: LastSessionNotesProps) {
  const sections = session ? notesBySection(session, template, others) : [];
  return (
    <section class="cal-section" data-testid="last-session" aria-labelledby="cal-last-session-title">
      <DatedHead
        titleId="cal-last-session-title"
        title={t(later ? 'panel_latest_title' : earlier ? 'panel_before_title' : 'panel_last_title')}
        at={session?.scheduledAt}
      />
      {sections.length === 0 ? (
        <p class="duet-muted cal-empty-line" data-testid="last-session-empty">
          {session ? t('panel_last_no_notes') : t('panel_last_none')}
        </p>
      ) : (
        <NoteSections sections={sections} testId="last-session-section" />
      )}
    </section>
  );
}

export interface SkippedSessionNotesProps {
  /** Skipped (cancelled) 1:1s with notes written in them, newest first. */
  sessions: readonly Session[];
  /** Every template: each session's notes are titled by its own template's sections. */
  templates: readonly Template[];
}

/**
 * Notes written for 1:1s that were then skipped, each under "From the skipped 1:1 on <date>": prep for a
 * meeting that never took place is not lost from sight before the next one. Nothing when there are none.
 */
export function SkippedSessionNotes({ sessions, templates }: SkippedSessionNotesProps) {
  return (
    <>
      {sessions.map((session) => {
        const template = templates.find((candidate) => candidate.id === session.templateId);
        const sections = notesBySection(session, template, templates);
        if (sections.length === 0) return null;
        const titleId = `cal-skipped-title-${session.id}`;
        return (
          <section
            key={session.id}
            class="cal-section"
            data-testid="skipped-session"
            data-session-id={session.id}
            aria-labelledby={titleId}
          >
            {/* Titled and dated as "Last time" above it: the title, its date to the right. */}
            <DatedHead titleId={titleId} title={t('panel_skipped_title')} at={session.scheduledAt} />
            <NoteSections sections={sections} testId="skipped-session-section" />
          </section>
        );
      })}
    </>
  );
}

/** A notes section's heading: its title, and the day of its 1:1 to the right (when there is one). */
function DatedHead({ titleId, title, at }: { titleId: string; title: string; at: number | undefined }) {
  return (
    <div class="cal-section-head">
      <h2 id={titleId} class="cal-section-title">
        {title}
      </h2>
      {at === undefined ? null : (
        <time class="duet-muted cal-small" dateTime={new Date(at).toISOString()}>
          {formatSessionDate(at)}
        </time>
      )}
    </div>
  );
}

/** A 1:1's notes, section by section. */
function NoteSections({ sections, testId }: { sections: ReturnType<typeof notesBySection>; testId: string }) {
  return (
    <div class="cal-notes">
      {sections.map((section) => (
        <div key={section.id} class="cal-note-section" data-testid={testId} data-section-id={section.id}>
          <h3 class="cal-note-title">{section.title}</h3>
          <p class="cal-note-text">{section.text}</p>
        </div>
      ))}
    </div>
  );
}
