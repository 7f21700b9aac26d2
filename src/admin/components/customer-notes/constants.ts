/** Mirrors the API's limit on a note's body (`NOTE_BODY_MAX_LENGTH` in src/lib/constants.ts). */
export const NOTE_BODY_MAX_LENGTH = 10_000

/** How many notes one page of the Notes tab loads. */
export const NOTES_PAGE_SIZE = 20
