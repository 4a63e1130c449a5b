import type { ComponentChildren } from 'preact';

/** One section of the options page: a card with a heading the section nav links to. */
export function OptionsSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ComponentChildren;
}) {
  return (
    <section id={id} class="duet-card options-section" aria-labelledby={`${id}-heading`} tabIndex={-1}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {intro ? <p class="duet-muted options-intro">{intro}</p> : null}
      {children}
    </section>
  );
}
