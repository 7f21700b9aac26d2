import type { TagColor, TagValueMode } from "../../lib/types"

/** Mirrors the API's rules (src/api/admin/crm/tags/validators.ts). */
export const TAG_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/

export const TAG_KEY_MAX_LENGTH = 64

export const TAG_LABEL_MAX_LENGTH = 100

export const TAG_DESCRIPTION_MAX_LENGTH = 1_000

/** The API's limits on the allowed values of a `list` tag, and on any tag value. */
export const TAG_VALUE_MAX_LENGTH = 255

export const TAG_ALLOWED_VALUES_MAX = 200

/** The badge colours a tag can have, in the order the form offers them. */
export const TAG_COLORS: readonly TagColor[] = [
  "grey",
  "red",
  "green",
  "blue",
  "orange",
  "purple",
]

export const TAG_VALUE_MODES: readonly TagValueMode[] = ["flag", "text", "list"]

/** How many definitions one page of the catalogue shows. */
export const TAG_DEFINITIONS_PAGE_SIZE = 20

/** The Select has no empty value: this one stands for "no benefit group". */
export const NO_GROUP_VALUE = "__none__"
