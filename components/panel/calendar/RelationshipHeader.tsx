import type { RelationshipKind } from '@/lib/domain/model';
import { t } from '@/lib/i18n';
import { tNodes } from '../t-nodes';
import { kindName } from './calendar-text';

export interface RelationshipHeaderProps {
  /** The Calendar event's title. */
  eventTitle: string;
  kind: RelationshipKind | null;
  /**
   * Who the 1:1 is with (people's names, else the relationship's title); null when not tracked. Not repeated
   * under the title when it says the same (a 1:1 nobody was named for yet).
   */
  withWhom: string | null;
  /** The kind is only a guess from the event's title. */
  titleGuess: boolean;
  /** Offered for a detected meeting no tracked 1:1 holds (a title guess or confirmed by guests): "this is not a 1:1". */
  onNotOneOnOne?: (() => void) | undefined;
  notOneOnOneBusy?: boolean;
}

/** Who the 1:1 is with, its kind and the event's title. */
export function RelationshipHeader({
  eventTitle,
  kind,
  withWhom,
  titleGuess,
  onNotOneOnOne,
  notOneOnOneBusy = false,
}: RelationshipHeaderProps) {
  return (
    <header
      class="cal-header"
      data-testid="panel-relationship-header"
      data-tracked={withWhom === null ? 'false' : 'true'}
    >
      <div class="event-meta cal-meta">
        {kind ? (
          <span class="duet-chip" data-testid="relationship-kind" data-kind={kind}>
            {kindName(kind)}
          </span>
        ) : null}
        {titleGuess ? (
          <span class="cal-guess duet-muted" data-testid="title-guess">
            {t('panel_title_guess')}
          </span>
        ) : null}
        {onNotOneOnOne ? (
          <button
            type="button"
            class="cal-link-button cal-not-one-on-one"
            data-testid="not-one-on-one"
            disabled={notOneOnOneBusy}
            onClick={onNotOneOnOne}
          >
            {t('panel_not_1on1')}
          </button>
        ) : null}
      </div>
      <h1 class="event-title" data-testid="event-title">
        {eventTitle || t('panel_untitled_event')}
      </h1>
      {withWhom !== null && withWhom !== eventTitle ? (
        <p class="cal-with" data-testid="relationship-with">
          {tNodes('panel_with', <strong>{withWhom}</strong>)}
        </p>
      ) : null}
    </header>
  );
}
