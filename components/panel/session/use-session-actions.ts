/**
 * The live session's actions: repository calls wrapped so components get a result to show (never an
 * exception). Agreements closed here record this session in their history, so the summary can list them.
 */
import {
  addAgreement,
  addFeedback,
  addGoal,
  addKeyResult,
  addTalkingPoint,
  completeAgreement,
  dropAgreement,
  endLiveSession,
  renegotiateAgreement,
  reviewAgreement,
  saveCareerAssessment,
  saveCheckIn,
  saveLiveTimer,
  setKeyResultProgress,
  setTalkingPointStatus,
  switchSessionTemplate,
  updateGoal,
} from '@/lib/db';
import { addDays, dayOf } from '@/lib/domain/days';
import type { CareerAssessment, CheckIn, Feedback, Goal, Session } from '@/lib/domain/model';
import {
  goToSection,
  nextSection,
  pause,
  previousSection,
  resume,
  skipSection,
  type TimerState,
} from '@/lib/domain/session-timer';
import { t } from '@/lib/i18n';
import { attempt } from '../calendar/use-calendar-actions';
import type { ActionResult } from '../calendar/view-types';
import type { CapturedAgreement } from './CaptureLine';

/** Career action steps are for the next six months. */
export const CAREER_HORIZON_DAYS = 182;

export type TimerStep = 'next' | 'skip' | 'pause' | 'resume' | 'back';

const STEPS: Record<TimerStep, (state: TimerState, now: number) => TimerState> = {
  next: nextSection,
  skip: skipSection,
  pause,
  resume,
  back: previousSection,
};

export function sessionActions(session: Session, relationshipId: string, personId: string | null) {
  const sessionId = session.id;
  const inSession = { sessionId };
  const timer = () => session.live?.timer ?? null;
  return {
    // Each step applies to the timer as stored (two quick clicks are two steps, not the same one twice).
    step: (step: TimerStep) =>
      attempt(async () => {
        if (timer()) await saveLiveTimer(sessionId, (stored) => STEPS[step](stored, Date.now()));
      }),
    jump: (index: number) =>
      attempt(async () => {
        if (timer()) await saveLiveTimer(sessionId, (stored) => goToSection(stored, index, Date.now()));
      }),
    switchTemplate: (templateId: string) => attempt(() => switchSessionTemplate(sessionId, templateId)),
    checkIn: (value: Partial<CheckIn>) => attempt(() => saveCheckIn(sessionId, value)),
    addAgreement: (captured: CapturedAgreement) =>
      attempt(() => addAgreement(relationshipId, { ...captured, sessionId })),
    done: (id: string) => attempt(() => completeAgreement(id, inSession)),
    stillOpen: (id: string) => attempt(() => reviewAgreement(id, '', inSession)),
    renegotiate: (id: string, due: string) =>
      attempt(() =>
        renegotiateAgreement(id, due as Parameters<typeof renegotiateAgreement>[1], '', inSession),
      ),
    drop: (id: string, reason: string) =>
      reason.trim()
        ? attempt(() => dropAgreement(id, reason, inSession))
        : Promise.resolve<ActionResult>({ ok: false, message: t('panel_session_drop_reason') }),
    togglePoint: (id: string, discussed: boolean) =>
      attempt(() => setTalkingPointStatus(id, discussed ? 'discussed' : 'open', sessionId)),
    // On this session's agenda, where it was typed (not whichever session of the 1:1 is next).
    addPoint: (text: string) =>
      attempt(() => addTalkingPoint(relationshipId, { text, author: 'me', sessionId })),
    updateGoal: (id: string, patch: Partial<Pick<Goal, 'keyResults' | 'status' | 'archived'>>) =>
      attempt(() => updateGoal(id, patch)),
    addGoal: (category: Goal['category'], title: string) =>
      attempt(() => addGoal(relationshipId, { category, title })),
    addKeyResult: (goalId: string, text: string) => attempt(() => addKeyResult(goalId, text)),
    keyResultProgress: (goalId: string, keyResultId: string, progress: number) =>
      attempt(() => setKeyResultProgress(goalId, keyResultId, progress)),
    addFeedback: (direction: Feedback['direction'], text: string) =>
      attempt(() => addFeedback(relationshipId, { direction, text, personId, sessionId })),
    assess: (value: CareerAssessment | null) => attempt(() => saveCareerAssessment(sessionId, value)),
    addCareerStep: (title: string) =>
      attempt(() =>
        addGoal(relationshipId, {
          category: 'personal-development',
          title,
          targetDate: addDays(dayOf(Date.now()), CAREER_HORIZON_DAYS),
        }),
      ),
    /** `user`: the End button (the session stays ended); default: the call ended. */
    end: (by: 'user' | 'call' = 'call') =>
      attempt(() => endLiveSession(sessionId, Date.now(), undefined, by)),
  };
}

export type SessionActions = ReturnType<typeof sessionActions>;
