/** `staff` or `USER_AFFILIATION = CUSTOMER`: how a tag reads in system notes. */
export const describeTag = (key: string, value: string | null | undefined) =>
  value ? `${key} = ${value}` : key

/**
 * The values a tag's system note records: `tag` as `describeTag` writes it, and `tag_label`, the
 * tag as its chip reads it (`Affiliation: EMPLOYEE`, the definition's label at the time; the key
 * when it has none), which the admin shows.
 */
export const tagNoteValues = (tag: { key: string; label?: string | null; value: string | null | undefined }) => ({
  tag: describeTag(tag.key, tag.value),
  tag_label: tag.value ? `${tag.label || tag.key}: ${tag.value}` : tag.label || tag.key,
})
