/**
 * What a 1:1's panel shows below its header and prep: last time's notes, those of 1:1s skipped since, open
 * agreements, talking points for next time, goals. Shared by the Calendar panel and a person's 1:1 opened
 * from the popup.
 */
import type { Agreement } from '@/lib/domain/model';
import { AgreementList } from './AgreementList';
import { namesOf } from '../../shared/format';
import { GoalsGlance } from './GoalsGlance';
import { LastSessionNotes, SkippedSessionNotes } from './LastSessionNotes';
import type { RelationshipActions } from './relationship-actions';
import { TalkingPoints } from './TalkingPoints';
import type { PrepView } from './use-prep-view';
import { useToday } from '../../shared/use-today';

export function RelationshipSections({ view, actions }: { view: PrepView; actions: RelationshipActions }) {
  const { overview } = view;
  const today = useToday();
  // Kept open since the last 1:1 was held: it says so, and offers no "Still open" again. (One given a new date
  // says that instead, and counts as looked at already.)
  const since = overview.lastSession ? (overview.lastSession.heldAt ?? overview.lastSession.scheduledAt) : 0;
  const lookedAt = (agreement: Agreement) =>
    agreement.history.some((step) => step.action === 'reviewed' && step.at >= since);
  return (
    <>
      <LastSessionNotes
        session={view.previous}
        template={view.previousTemplate}
        others={view.templates}
        later={view.previousIsLater}
        earlier={view.previousIsEarlier}
      />
      <SkippedSessionNotes sessions={view.skipped} templates={view.templates} />
      <AgreementList
        agreements={overview.openAgreements}
        people={overview.people}
        today={today}
        onDone={actions.completeAgreement}
        onRenegotiate={actions.renegotiateAgreement}
        onDrop={actions.dropAgreement}
        onReopen={actions.reopenAgreement}
        onStillOpen={actions.stillOpenAgreement}
        reviewedInSession={lookedAt}
      />
      <TalkingPoints
        relationshipId={overview.relationship.id}
        points={overview.talkingPoints}
        theirName={namesOf(overview.people)}
        onAdd={actions.addTalkingPoint}
        onMove={actions.moveTalkingPoint}
        onSetStatus={actions.setTalkingPointStatus}
      />
      <GoalsGlance goals={view.goals} />
    </>
  );
}
