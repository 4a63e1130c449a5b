/**
 * A talking point for anyone, in one line: pick the person (or start with their name and a colon,
 * "Bob: offsite budget"), type, Enter. On failure the text stays where it was typed. A line not added yet
 * (with the person picked for it) is kept when the popup closes, and is back the next time it opens.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PopupRelationship } from '@/lib/db/popup-view';
import { normaliseForSearch } from '@/lib/domain/search-text';
import { t } from '@/lib/i18n';
import { readLine, useJournalledLine } from '../shared/line-journal';
import type { PopupActions } from './popup-actions';

/** "Bob: offsite" → Bob's 1:1 and "offsite", when the name before the colon picks exactly one 1:1. */
export function splitNamePrefix(
  line: string,
  relationships: readonly PopupRelationship[],
): { relationshipId: string; text: string } | null {
  const match = /^\s*([^:]{1,60}):\s*(.+)$/su.exec(line);
  if (!match) return null;
  const name = normaliseForSearch(match[1]!.trim());
  if (!name) return null;
  const candidates = relationships.filter((r) => {
    // By the name as the user knows it (not "Design review · Peer 1:1"), the full one, or a person's.
    const names = [r.baseName, r.name, ...r.people.map((p) => p.name)].map(normaliseForSearch);
    return names.some((full) => full === name || full.split(/\s+/u)[0] === name);
  });
  return candidates.length === 1 ? { relationshipId: candidates[0]!.id, text: match[2]!.trim() } : null;
}

/** Where the popup's line is journalled (`line-journal.ts`): one line, whoever it is for. */
export const QUICK_POINT_LINE = 'popup-point';

export interface QuickPointProps {
  relationships: readonly PopupRelationship[];
  /** Set from "+ point" elsewhere in the popup: select that person and focus the line. */
  preselect: { id: string; nonce: number } | null;
  actions: PopupActions;
  /**
   * Drawn in the popup's first paint: the person picker lists only the chosen person at first; its other
   * options (one per 1:1) follow right after that paint.
   */
  firstPaint?: boolean;
}

export function QuickPoint({ relationships, preselect, actions, firstPaint = false }: QuickPointProps) {
  const [deferOptions, setDeferOptions] = useState(firstPaint);
  // Effects run after the browser painted.
  useEffect(() => setDeferOptions(false), []);
  const [chosen, setChosen] = useState(() => readLine(QUICK_POINT_LINE)?.choice ?? '');
  // Only a 1:1 still listed counts as chosen: one archived or merged away meanwhile (another tab) is
  // dropped, so the picker's "For…" is what is used, and a "Carol: …" line picks Carol.
  const relationshipId = relationships.some((r) => r.id === chosen) ? chosen : '';
  useEffect(() => {
    // Forgotten, not kept hidden: it is not picked again by itself should the 1:1 come back.
    if (chosen && !relationshipId) setChosen('');
  }, [chosen, relationshipId]);
  // Journalled on every keystroke: a click outside closes the popup at once.
  const [text, setText] = useJournalledLine(QUICK_POINT_LINE, relationshipId);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!preselect) return;
    setChosen(preselect.id);
    input.current?.focus();
    input.current?.scrollIntoView({ block: 'nearest' });
  }, [preselect?.nonce]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const submitted = text;
    const prefixed = relationshipId ? null : splitNamePrefix(text, relationships);
    const target = prefixed?.relationshipId ?? (relationshipId || null);
    const pointText = prefixed?.text ?? text;
    // Named as listed now: the list may re-read without this 1:1 while the point is being saved.
    const name = relationships.find((r) => r.id === target)?.name ?? '';
    setBusy(true);
    const result = await actions.addPoint(target, pointText);
    setBusy(false);
    if (result.ok) {
      // Only what was added leaves the line: text typed while it was saving stays.
      setText((current) => (current === submitted ? '' : current));
      setMessage({ ok: true, text: t('popup_point_added', name) });
    } else setMessage({ ok: false, text: result.message });
  };

  if (relationships.length === 0) return null;
  return (
    <section class="popup-section" aria-labelledby="popup-point-title" data-testid="popup-quick-point">
      <h2 id="popup-point-title" class="popup-section-title">
        {t('popup_point_title')}
      </h2>
      <form class="popup-point-form" onSubmit={(e) => void submit(e)}>
        <label class="popup-sr-only" for="popup-point-person">
          {t('popup_point_person_label')}
        </label>
        <select
          id="popup-point-person"
          class="popup-input popup-point-person"
          value={relationshipId}
          data-testid="popup-point-person"
          onChange={(e) => setChosen(e.currentTarget.value)}
        >
          <option value="">{t('popup_point_person_placeholder')}</option>
          {(deferOptions ? relationships.filter((r) => r.id === relationshipId) : relationships).map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <label class="popup-sr-only" for="popup-point-text">
          {t('popup_point_text_label')}
        </label>
        <input
          id="popup-point-text"
          ref={input}
          class="popup-input popup-point-text"
          value={text}
          placeholder={t('popup_point_placeholder')}
          data-testid="popup-point-text"
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" class="popup-button" disabled={busy} data-testid="popup-point-add">
          {t('popup_point_add')}
        </button>
      </form>
      {message ? (
        <p
          class={message.ok ? 'duet-muted popup-message' : 'duet-error popup-message'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="popup-point-message"
        >
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
