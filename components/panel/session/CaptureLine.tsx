/**
 * One-line agreement capture: type "Sam: send the draft by Friday", see who and by when as you type,
 * correct either, press Enter. The line stays in the box if saving fails.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { useKeptChoice, useKeptDraft } from './kept-drafts';
import { parseAgreementLine } from '@/lib/domain/capture';
import type { Day } from '@/lib/domain/days';
import { AgreementOwnerSchema, type AgreementOwner } from '@/lib/domain/model';
import { isBlank } from '@/lib/domain/text';
import { t } from '@/lib/i18n';
import type { ActionResult } from '../calendar/view-types';
import { AlertLine } from '../AlertLine';

export interface CapturedAgreement {
  owner: AgreementOwner;
  ownerName: string;
  text: string;
  dueDate: Day | null;
}

export interface CaptureLineProps {
  /** The other person(s) of this 1:1, for "Sam: …". */
  counterpartNames: string[];
  theirLabel: string;
  locale: 'en' | 'de';
  /** Whether "3/12" means 3 December (the user's date order); default: only in `de`. */
  dayFirst?: boolean;
  /** The user's own name from the options, so that "Alice: …" typed by Alice is theirs ("me"). */
  myName?: string;
  onAdd: (agreement: CapturedAgreement) => Promise<ActionResult>;
  now?: () => Date;
}

type Override = { owner?: AgreementOwner; dueDate?: string };

/** What `setOverride` keeps, read back: an object with a known owner and a day (or '') at most. */
function isOverrideText(kept: string): kept is string {
  try {
    const value: unknown = JSON.parse(kept);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
    const { owner, dueDate, ...rest } = value as Record<string, unknown>;
    return (
      Object.keys(rest).length === 0 &&
      (owner === undefined ||
        (typeof owner === 'string' && (AgreementOwnerSchema.options as readonly string[]).includes(owner))) &&
      (dueDate === undefined || (typeof dueDate === 'string' && /^(\d{4}-\d{2}-\d{2})?$/.test(dueDate)))
    );
  } catch {
    return false;
  }
}

function ownerWord(owner: Exclude<AgreementOwner, 'them'>): string {
  switch (owner) {
    case 'me':
      return t('common_me');
    case 'both':
      return t('panel_owner_both');
    case 'named':
      return t('panel_owner_someone_else');
  }
}

export function CaptureLine({
  counterpartNames,
  theirLabel,
  locale,
  dayFirst,
  myName,
  onAdd,
  now = () => new Date(),
}: CaptureLineProps) {
  const [line, setLine] = useKeptDraft('capture');
  // Kept with the line (JSON in the session view's drafts): the line coming back after presenting keeps the
  // owner and date picked for it.
  const [kept, setKept] = useKeptChoice('capture:choices', '{}', isOverrideText);
  const override = JSON.parse(kept) as Override;
  const setOverride = (next: Override | ((current: Override) => Override)) =>
    setKept(JSON.stringify(typeof next === 'function' ? next(override) : next));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The line as last rendered (a save resolves after the user may have typed more). */
  const latestLine = useRef(line);
  latestLine.current = line;

  const parse = (at: Date) =>
    !isBlank(line) ? parseAgreementLine(line, { now: at, counterpartNames, locale, dayFirst, myName }) : null;
  const renderedAt = now();
  // Parsed again on a new day: "tomorrow" typed before midnight means another day after it.
  const parsed = useMemo(
    () => parse(renderedAt),
    [line, counterpartNames.join('|'), locale, dayFirst, myName, renderedAt.toDateString()],
  );
  const choicesOf = (read: typeof parsed) => ({
    owner: override.owner ?? (read?.ok ? read.owner : 'me'),
    dueDate: override.dueDate ?? (read?.ok ? (read.dueDate ?? '') : ''),
    ownerName: read?.ok ? read.ownerName : '',
  });
  const { owner, dueDate, ownerName } = choicesOf(parsed);

  const submit = async (event: Event) => {
    event.preventDefault();
    // Read as of the press, not the last keystroke (the day may have changed since: the line was typed
    // at 23:59 and added at 00:01).
    const parsed = parse(now());
    const { owner, dueDate, ownerName } = choicesOf(parsed);
    if (!parsed) {
      setError(t('panel_capture_empty'));
      return;
    }
    if (!parsed.ok) {
      setError(parsed.reason);
      return;
    }
    if (owner === 'named' && !ownerName) {
      setError(t('panel_capture_who'));
      return;
    }
    setBusy(true);
    setError(null);
    const submitted = line;
    let result: ActionResult;
    try {
      result = await onAdd({
        owner,
        ownerName: owner === 'named' ? ownerName : '',
        text: parsed.text,
        dueDate: (dueDate || null) as Day | null,
      });
    } catch {
      result = { ok: false, message: t('panel_capture_not_saved') };
    } finally {
      setBusy(false);
    }
    if (!result.ok) {
      setError(result.message);
      return;
    }
    // Only what was captured leaves the line: text typed while it was saving stays, with its choices.
    setLine((current) => (current === submitted ? '' : current));
    if (latestLine.current === submitted) setOverride({});
  };

  const ownerText =
    owner === 'them' ? theirLabel : owner === 'named' ? ownerName || ownerWord('named') : ownerWord(owner);
  const exampleName = counterpartNames[0]?.split(' ')[0] ?? t('panel_capture_example_name');

  return (
    <form class="ses-capture" data-testid="capture-form" onSubmit={(event) => void submit(event)}>
      <label for="ses-capture-input" class="cal-label">
        {t('panel_capture_label')}
      </label>
      <input
        id="ses-capture-input"
        class="cal-input"
        data-testid="capture-input"
        placeholder={t('panel_capture_placeholder', exampleName)}
        value={line}
        autocomplete="off"
        aria-describedby="ses-capture-preview"
        aria-invalid={error ? 'true' : undefined}
        onInput={(event) => {
          setLine(event.currentTarget.value);
          setError(null);
          setOverride({});
        }}
      />
      {parsed?.ok ? (
        <div class="ses-capture-preview" id="ses-capture-preview" data-testid="capture-preview">
          <label class="ses-chip-field">
            <span class="cal-sr-only">{t('panel_capture_owner')}</span>
            <select
              class="cal-input ses-select"
              data-testid="capture-owner"
              value={owner}
              onChange={(event) =>
                setOverride((o) => ({ ...o, owner: event.currentTarget.value as AgreementOwner }))
              }
            >
              <option value="me">{ownerWord('me')}</option>
              <option value="them">{theirLabel}</option>
              <option value="both">{ownerWord('both')}</option>
              {ownerName ? <option value="named">{ownerName}</option> : null}
            </select>
          </label>
          <span class="ses-capture-text" data-testid="capture-text">
            {parsed.text}
          </span>
          <label class="ses-chip-field">
            <span class="cal-sr-only">{t('panel_capture_due')}</span>
            <input
              type="date"
              class="cal-input ses-date"
              data-testid="capture-due"
              value={dueDate}
              onInput={(event) => setOverride((o) => ({ ...o, dueDate: event.currentTarget.value }))}
            />
          </label>
          <span class="cal-sr-only" aria-live="polite">
            {dueDate
              ? t('panel_capture_preview_due', ownerText, parsed.text, dueDate)
              : t('panel_capture_preview_no_due', ownerText, parsed.text)}
          </span>
        </div>
      ) : (
        <p class="duet-muted cal-small" id="ses-capture-preview">
          {t('panel_capture_hint', exampleName)}
        </p>
      )}
      <div class="cal-actions">
        <button
          type="submit"
          class="cal-button cal-button-small cal-button-primary"
          data-testid="capture-add"
          disabled={busy}
        >
          {t('panel_capture_add')}
        </button>
      </div>
      <AlertLine message={error} testId="capture-error" />
    </form>
  );
}
