import { useEffect, useRef, useState } from 'preact/hooks';
import { ONE_ON_ONE_KINDS } from '@/lib/domain/one-on-one-title';
import { RELATIONS, type Relation, type RelationshipKind } from '@/lib/domain/model';
import { type MessageKey, t } from '@/lib/i18n';
import { namesOf } from '../../shared/format';
import { tNodes } from '../t-nodes';
import { guessRelation, kindName, relationName } from './calendar-text';
import type { ActionResult, TrackDraft } from './view-types';
import { AlertLine } from '../AlertLine';

export interface TrackCardProps {
  /** `track`: this series is not a 1:1 yet. `link`: it is, but Duet doesn't know who it is with. */
  mode: 'track' | 'link';
  /** The one other person of the meeting, when known. */
  counterpart: { name: string; email: string } | null;
  initial: TrackDraft;
  /** The cadence to suggest for a kind (from the title, else the user's default). */
  cadenceFor: (kind: RelationshipKind) => number;
  onTrack: (draft: TrackDraft) => Promise<ActionResult>;
  /** Where the meeting was seen: a Calendar event (guests) or a Meet call (participants). */
  place?: 'event' | 'call';
  /**
   * Where the form is kept for the card that follows this one: notes written before tracking make the
   * meeting a 1:1 without people, and the "track" card gives way to a "link" card that starts with what
   * this one showed (a name typed, a kind or cadence changed), not with a blank form.
   */
  keep?: { current: KeptTrackForm | null };
  /**
   * Another card above offers what this meeting most likely is (the guest is a tracked person under a new
   * address): tracking it as a new 1:1 is then the quiet second choice, not a button as loud as that one.
   */
  quiet?: boolean;
}

/** A track card's form as the user left it (see `TrackCardProps.keep`). */
export interface KeptTrackForm {
  form: Form;
  touched: Touched;
  expanded: boolean;
  /** What the form was first given then: fields not typed follow what the card is given when shown again. */
  initial: TrackCardProps['initial'];
}

interface Touched {
  relation: boolean;
  cadence: boolean;
  /** The user chose the kind (a title read later never changes it back). */
  kind?: boolean;
}

interface Form {
  name: string;
  email: string;
  relation: Relation;
  kind: RelationshipKind;
  cadence: string;
}

/** One click to track a meeting as a 1:1 (or to say who a 1:1 is with), details editable first. */
export function TrackCard({
  mode,
  counterpart,
  initial,
  cadenceFor,
  onTrack,
  place = 'event',
  keep,
  quiet = false,
}: TrackCardProps) {
  const kept = keep?.current ?? null;
  const [form, setForm] = useState<Form>(
    () => kept?.form ?? { ...initial, cadence: String(initial.cadenceDays) },
  );
  const [touched, setTouched] = useState<Touched>(() => kept?.touched ?? { relation: false, cadence: false });
  const [expanded, setExpanded] = useState(kept?.expanded ?? false);
  /** What this form's untyped fields were given (kept across a remount, see the effect below). */
  const lastInitial = useRef(kept?.initial ?? initial);
  useEffect(() => {
    if (keep) keep.current = { form, touched, expanded, initial: lastInitial.current };
  }, [keep, form, touched, expanded, initial]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const known = counterpart !== null && counterpart.name.trim() !== '';

  // The suggestion can change after the card is shown: the popover's recurrence line ("Every 2 weeks") is read
  // after the chip. When tracking, a cadence still showing the earlier suggestion follows it; one the user
  // typed stays, and so does an existing 1:1's own (linking: never a suggestion, even when equal to one).
  const suggested = cadenceFor(form.kind);
  const lastSuggested = useRef(suggested);
  useEffect(() => {
    const before = lastSuggested.current;
    lastSuggested.current = suggested;
    if (before === suggested || touched.cadence || mode !== 'track') return;
    setForm((current) =>
      current.cadence === String(before) ? { ...current, cadence: String(suggested) } : current,
    );
  }, [suggested, touched.cadence, mode]);

  // Who the meeting is with can be learnt after the card is shown (the popover's guests come after the
  // chip), or differ when the card comes back (another meeting in the same room): a name, address or kind
  // still as first given follows; one the user typed or chose stays.
  useEffect(() => {
    const before = lastInitial.current;
    lastInitial.current = initial;
    if (before.name === initial.name && before.email === initial.email && before.kind === initial.kind)
      return;
    // The kind too (a call's title read late): a kind the user chose stays, and so does a relation they set.
    setForm((current) => {
      const kind = touched.kind || current.kind !== before.kind ? current.kind : initial.kind;
      return {
        ...current,
        name: current.name === before.name ? initial.name : current.name,
        email: current.email === before.email ? initial.email : current.email,
        kind,
        relation: touched.relation || kind === current.kind ? current.relation : guessRelation(kind),
      };
    });
  }, [initial.name, initial.email, initial.kind]);

  /** A 2-1's other person, tracked along while the kind stays a 2-1. */
  const others = form.kind === 'two-on-one' ? (initial.others ?? []) : [];
  const draft = (): TrackDraft => ({
    name: form.name,
    email: form.email,
    relation: form.relation,
    kind: form.kind,
    cadenceDays: form.cadence.trim() === '' ? Number.NaN : Number(form.cadence),
    ...(others.length > 0 ? { others } : {}),
  });

  const submit = async (event?: Event) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    const result = await onTrack(draft());
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      // The details hold what failed: show them, with everything typed still there.
      if (known) setExpanded(true);
    }
  };

  const setKind = (kind: RelationshipKind) => {
    setTouched((current) => ({ ...current, kind: true }));
    setForm((current) => ({
      ...current,
      kind,
      relation: touched.relation ? current.relation : guessRelation(kind),
      cadence: touched.cadence ? current.cadence : String(cadenceFor(kind)),
    }));
  };

  const personName = namesOf(
    [{ name: form.name.trim() || counterpart?.name || '' }, ...others].filter((p) => p.name),
  );
  const primaryLabel =
    mode === 'link'
      ? t('panel_link_primary', personName)
      : others.length > 0
        ? t('panel_track_primary_two', personName)
        : t('panel_track_primary', personName);
  const knownText: MessageKey =
    mode === 'track'
      ? place === 'call'
        ? 'panel_track_known_call'
        : 'panel_track_known_guest'
      : place === 'call'
        ? 'panel_link_known_call'
        : 'panel_link_known_guest';

  const fields = (
    <div class="cal-fields" id="cal-track-details">
      {known ? (
        <TextField
          id="cal-track-name"
          label={t('panel_track_name')}
          value={form.name}
          onInput={(name) => setForm({ ...form, name })}
        />
      ) : null}
      <TextField
        id="cal-track-email"
        label={t('panel_track_email')}
        email
        value={form.email}
        onInput={(email) => setForm({ ...form, email })}
      />
      <div class="cal-field">
        <label for="cal-track-relation" class="cal-label">
          {t('panel_track_relation')}
        </label>
        <select
          id="cal-track-relation"
          class="cal-input"
          data-testid="track-relation"
          value={form.relation}
          onChange={(event) => {
            setTouched({ ...touched, relation: true });
            setForm({ ...form, relation: event.currentTarget.value as Relation });
          }}
        >
          {RELATIONS.map((relation) => (
            <option key={relation} value={relation}>
              {relationName(relation)}
            </option>
          ))}
        </select>
      </div>
      <div class="cal-field-row">
        <div class="cal-field">
          <label for="cal-track-kind" class="cal-label">
            {t('panel_track_kind')}
          </label>
          <select
            id="cal-track-kind"
            class="cal-input"
            data-testid="track-kind"
            value={form.kind}
            onChange={(event) => setKind(event.currentTarget.value as RelationshipKind)}
          >
            {ONE_ON_ONE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kindName(kind)}
              </option>
            ))}
          </select>
        </div>
        <div class="cal-field cal-field-narrow">
          <label for="cal-track-cadence" class="cal-label">
            {t('panel_track_cadence')}
          </label>
          <input
            id="cal-track-cadence"
            class="cal-input"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            step={1}
            data-testid="track-cadence"
            value={form.cadence}
            onInput={(event) => {
              setTouched({ ...touched, cadence: true });
              setForm({ ...form, cadence: event.currentTarget.value });
            }}
          />
        </div>
      </div>
    </div>
  );

  return (
    <section
      class="cal-section cal-track duet-card"
      data-testid="track"
      data-mode={mode}
      aria-labelledby="cal-track-title"
    >
      <h2 id="cal-track-title" class="cal-section-title">
        {mode === 'track' ? t('panel_track_title') : t('panel_link_title')}
      </h2>
      {known ? (
        <>
          <p class="cal-small">
            {others.length > 0
              ? tNodes(
                  mode === 'link'
                    ? 'panel_link_known_two'
                    : place === 'call'
                      ? 'panel_track_known_two_call'
                      : 'panel_track_known_two',
                  <strong>{counterpart.name}</strong>,
                  <strong>{namesOf(others)}</strong>,
                )
              : tNodes(
                  knownText,
                  <>
                    <strong>{counterpart.name}</strong>
                    {counterpart.email ? (
                      <span class="duet-muted"> {t('panel_track_email_in_brackets', counterpart.email)}</span>
                    ) : null}
                  </>,
                )}
          </p>
          {/* One way to track at a time: with the details open, their form's button does it. */}
          {expanded ? null : (
            <button
              type="button"
              class={quiet ? 'cal-button cal-button-small' : 'cal-button cal-button-primary'}
              data-testid="track-one-on-one"
              disabled={busy}
              onClick={() => void submit()}
            >
              {quiet ? t('panel_track_someone_else') : primaryLabel}
            </button>
          )}
          <button
            type="button"
            class="cal-link-button"
            aria-expanded={expanded}
            aria-controls="cal-track-form"
            data-testid="track-edit"
            onClick={() => setExpanded(!expanded)}
          >
            {t('panel_track_edit')}
          </button>
          {expanded ? (
            <form id="cal-track-form" class="cal-track-form" onSubmit={(event) => void submit(event)}>
              {fields}
              <button
                type="submit"
                class="cal-button cal-button-primary"
                data-testid="track-confirm"
                disabled={busy}
              >
                {mode === 'track' ? t('panel_track_confirm_short') : t('common_save')}
              </button>
            </form>
          ) : null}
        </>
      ) : (
        <form class="cal-track-form" onSubmit={(event) => void submit(event)}>
          <p class="cal-small">{mode === 'track' ? t('panel_track_unknown') : t('panel_link_unknown')}</p>
          <TextField
            id="cal-track-name"
            label={t('panel_track_their_name')}
            value={form.name}
            onInput={(name) => setForm({ ...form, name })}
          />
          <button
            type="button"
            class="cal-link-button"
            aria-expanded={expanded}
            aria-controls="cal-track-details"
            data-testid="track-edit"
            onClick={() => setExpanded(!expanded)}
          >
            {t('panel_track_more')}
          </button>
          {expanded ? fields : null}
          <button
            type="submit"
            class="cal-button cal-button-primary"
            data-testid="track-confirm"
            disabled={busy}
          >
            {mode === 'track' ? t('panel_track_confirm') : t('common_save')}
          </button>
        </form>
      )}
      <AlertLine message={error} testId="track-error" />
    </section>
  );
}

function TextField({
  id,
  label,
  value,
  email = false,
  onInput,
}: {
  id: string;
  label: string;
  value: string;
  email?: boolean;
  onInput: (value: string) => void;
}) {
  return (
    <div class="cal-field">
      <label for={id} class="cal-label">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode={email ? 'email' : 'text'}
        spellcheck={!email}
        class="cal-input"
        data-testid={id.replace('cal-', '')}
        value={value}
        maxLength={email ? 320 : 1000}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </div>
  );
}
