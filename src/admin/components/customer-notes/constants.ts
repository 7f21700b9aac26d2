/** The API's limit on a note's body, from the HTTP contract. */
export { NOTE_BODY_MAX_LENGTH } from "../../lib/types"

/** How many notes one page of the Notes tab loads. */
export const NOTES_PAGE_SIZE = 20
