/** The API's rules on a tag definition, from the HTTP contract. */
export {
  TAG_ALLOWED_VALUES_MAX,
  TAG_COLORS,
  TAG_DESCRIPTION_MAX_LENGTH,
  TAG_KEY_MAX_LENGTH,
  TAG_KEY_PATTERN,
  TAG_LABEL_MAX_LENGTH,
  TAG_VALUE_MAX_LENGTH,
  TAG_VALUE_MODES,
} from "../../lib/types"

/** How many definitions one page of the catalogue shows. */
export const TAG_DEFINITIONS_PAGE_SIZE = 20

/** The Select has no empty value: this one stands for "no benefit group". */
export const NO_GROUP_VALUE = "__none__"
