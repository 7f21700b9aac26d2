/** `staff` or `USER_AFFILIATION = CUSTOMER`: how a tag reads in system notes. */
export const describeTag = (key: string, value: string | null | undefined) =>
  value ? `${key} = ${value}` : key
