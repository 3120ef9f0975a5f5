// Whether the result on screen still answers the inputs in the form. Calculate is pressed by
// hand, so between a result and the next one the form can hold inputs the result is not for:
// a polished calculator says so, rather than let an old number pass for the new inputs.

/** Why the shown result no longer matches the form; null when it does (or there is none). */
export type Staleness = "invalid" | "edited" | null;

/** The line shown over a stale result (and, for "invalid", announced with the field errors). */
export const STALE_NOTE = {
  invalid: "This result is for your last valid inputs. Correct the highlighted fields to update it.",
  edited: "You changed the inputs. Press Calculate to update this result.",
} as const satisfies Record<Exclude<Staleness, null>, string>;

/**
 * "invalid" while field errors are shown beside a result (the last Calculate was refused, so the
 * result is from earlier inputs); "edited" once a field differs from the inputs the result was
 * calculated from (typed, or filled from a mortgage), until Calculate is pressed again. Typing a
 * value back to what it was clears the mark. Spaces around a value do not count as a change.
 */
export function staleness({
  hasResult,
  hasErrors,
  fields,
  values,
  resultValues,
}: {
  hasResult: boolean;
  hasErrors: boolean;
  fields: readonly string[];
  values: Record<string, string | undefined>;
  /** The form's values when the shown result was calculated. */
  resultValues: Record<string, string | undefined>;
}): Staleness {
  if (!hasResult) return null;
  if (hasErrors) return "invalid";
  const same = (name: string) => (values[name] ?? "").trim() === (resultValues[name] ?? "").trim();
  return fields.every(same) ? null : "edited";
}
