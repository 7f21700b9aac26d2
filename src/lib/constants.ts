/** Longest note body accepted, in characters. */
export const NOTE_BODY_MAX_LENGTH = 10_000
