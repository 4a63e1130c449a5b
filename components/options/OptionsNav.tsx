/** The section nav: plain links to each section (keyboard and screen-reader friendly), current one marked. */
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '@/lib/i18n';

export const SECTIONS: ReadonlyArray<{ id: string; label: MessageKey }> = [
  { id: 'identity', label: 'options_nav_identity' },
  { id: 'detection', label: 'options_nav_detection' },
  { id: 'people', label: 'options_nav_people' },
  { id: 'templates', label: 'options_nav_templates' },
  { id: 'reminders', label: 'options_nav_reminders' },
  { id: 'data', label: 'options_nav_data' },
  { id: 'privacy', label: 'options_nav_privacy' },
];

export function OptionsNav() {
  const [current, setCurrent] = useState(() => location.hash.slice(1));
  useEffect(() => {
    const onHash = () => setCurrent(location.hash.slice(1));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <nav class="options-nav" aria-label={t('options_nav_label')}>
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.id}>
            <a
              href={`#${section.id}`}
              aria-current={current === section.id ? 'location' : undefined}
              data-testid={`nav-${section.id}`}
              onClick={() => {
                setCurrent(section.id);
                // Move focus into the section, so keyboard users continue from there.
                requestAnimationFrame(() =>
                  document.getElementById(section.id)?.focus({ preventScroll: true }),
                );
              }}
            >
              {t(section.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
