/**
 * One-line agreement capture: type "Sam: send the draft by Friday", see who and by when as you type,
 * correct either, press Enter. The line stays in the box if saving fails.
 */
import { useMemo, useState } from 'preact/hooks';
import { parseAgreementLine } from '@/lib/domain/capture';
import type { Day } from '@/lib/domain/days';
import type { AgreementOwner } from '@/lib/domain/model';
import type { ActionResult } from '../calendar/view-types';

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
  onAdd: (agreement: CapturedAgreement) => Promise<ActionResult>;
  now?: () => Date;
}

type Override = { owner?: AgreementOwner; dueDate?: string };

const OWNER_LABEL: Record<AgreementOwner, string> = {
  me: 'Me',
  them: 'Them',
  both: 'Both',
  named: 'Someone else',
};

export function CaptureLine({
  counterpartNames,
  theirLabel,
  locale,
  onAdd,
  now = () => new Date(),
}: CaptureLineProps) {
  const [line, setLine] = useState('');
  const [override, setOverride] = useState<Override>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const parsed = useMemo(
    () => (line.trim() ? parseAgreementLine(line, { now: now(), counterpartNames, locale }) : null),
    [line, counterpartNames.join('|'), locale],
  );
  const owner = override.owner ?? (parsed?.ok ? parsed.owner : 'me');
  const dueDate = override.dueDate ?? (parsed?.ok ? (parsed.dueDate ?? '') : '');
  const ownerName = parsed?.ok ? parsed.ownerName : '';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!parsed) {
      setError('Type what was agreed, e.g. “Sam: send the draft by Friday”.');
      return;
    }
    if (!parsed.ok) {
      setError(parsed.reason);
      return;
    }
    if (owner === 'named' && !ownerName) {
      setError('Who is it for? Start the line with their name, e.g. “Priya: …”, or pick an owner.');
      return;
    }
    setBusy(true);
    setError(null);
    let result: ActionResult;
    try {
      result = await onAdd({
        owner,
        ownerName: owner === 'named' ? ownerName : '',
        text: parsed.text,
        dueDate: (dueDate || null) as Day | null,
      });
    } catch {
      result = { ok: false, message: 'That agreement was not saved. Your line is still here; try again.' };
    } finally {
      setBusy(false);
    }
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setLine('');
    setOverride({});
  };

  const ownerText =
    owner === 'them' ? theirLabel : owner === 'named' ? ownerName || OWNER_LABEL.named : OWNER_LABEL[owner];

  return (
    <form class="ses-capture" data-testid="capture-form" onSubmit={(event) => void submit(event)}>
      <label for="ses-capture-input" class="cal-label">
        Capture an agreement
      </label>
      <input
        id="ses-capture-input"
        class="cal-input"
        data-testid="capture-input"
        placeholder={`${counterpartNames[0]?.split(' ')[0] ?? 'Sam'}: send the draft by Friday`}
        value={line}
        maxLength={600}
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
            <span class="cal-sr-only">Owner</span>
            <select
              class="cal-input ses-select"
              data-testid="capture-owner"
              value={owner}
              onChange={(event) =>
                setOverride((o) => ({ ...o, owner: event.currentTarget.value as AgreementOwner }))
              }
            >
              <option value="me">Me</option>
              <option value="them">{theirLabel}</option>
              <option value="both">Both</option>
              {ownerName ? <option value="named">{ownerName}</option> : null}
            </select>
          </label>
          <span class="ses-capture-text" data-testid="capture-text">
            {parsed.text}
          </span>
          <label class="ses-chip-field">
            <span class="cal-sr-only">Due date</span>
            <input
              type="date"
              class="cal-input ses-date"
              data-testid="capture-due"
              value={dueDate}
              onInput={(event) => setOverride((o) => ({ ...o, dueDate: event.currentTarget.value }))}
            />
          </label>
          <span class="cal-sr-only" aria-live="polite">
            {`${ownerText}: ${parsed.text}${dueDate ? `, due ${dueDate}` : ', no due date'}`}
          </span>
        </div>
      ) : (
        <p class="duet-muted cal-small" id="ses-capture-preview">
          Owner first (“me:”, “{counterpartNames[0]?.split(' ')[0] ?? 'Sam'}:”, “both:”), a date anywhere (“by
          Friday”, “in 2 weeks”). Enter adds it.
        </p>
      )}
      <div class="cal-actions">
        <button
          type="submit"
          class="cal-button cal-button-small cal-button-primary"
          data-testid="capture-add"
          disabled={busy}
        >
          Add agreement
        </button>
      </div>
      {error ? (
        <p class="duet-error cal-small" role="alert" data-testid="capture-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
