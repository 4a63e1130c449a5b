/** zod schemas are the single source of each stored type. */
import { z } from 'zod';

export const MAX_NOTE_CHARS = 200_000;

export const NoteSchema = z.strictObject({
  /** The Calendar event instance the note is about (decoded event id). */
  eventKey: z.string().min(1).max(512),
  /** The recurring series (or the event itself), so a series' history can be listed. */
  seriesKey: z.string().min(1).max(512),
  title: z.string().max(1024),
  text: z.string().max(MAX_NOTE_CHARS),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type Note = z.infer<typeof NoteSchema>;

export const NoteDraftSchema = NoteSchema.pick({
  eventKey: true,
  seriesKey: true,
  title: true,
  text: true,
});
export type NoteDraft = z.infer<typeof NoteDraftSchema>;
