/**
 * Note-taking and recording bots that join meetings as a participant or are invited as a guest. They are
 * never the person a 1:1 is with, and never what makes a two-person meeting a three-person one. Pure.
 */

/**
 * A note-taking or recording bot that joins calls as a participant, by the names the common services show
 * ("Fireflies.ai Notetaker", "Otter.ai", "Read.ai meeting notes", "tl;dv", "Fathom Notetaker", "Meeting
 * Bot"). Never a person of a 1:1, and never what makes a call a three-person meeting.
 */
export function isNoteTaker(name: string): boolean {
  const text = name.toLowerCase();
  return (
    /\bnote[\s-]?taker\b|\b(?:otter|fireflies|read|sembly|fathom)\.(?:ai|video)\b|\btl;?dv\b|\botterpilot\b|\bmeetgeek\b/u.test(
      text,
    ) ||
    // "Meeting Bot", "Notta Bot", "Gong Recorder", "Notes (Bot)" — never a bare surname ("Ben Bot", "Jan de Bot").
    /\b(?:meeting|notes?|recording|ai|assistant|notta|gong|chorus|grain|fellow|avoma|fathom|sembly|recall)\s+(?:bot|recorder)$|[([](?:bot|recorder)[)\]]$/u.test(
      text.trim(),
    )
  );
}
