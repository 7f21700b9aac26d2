import { STORE_MEMBERSHIP_FIELDS } from "../../../../../types/http/memberships"

/** Every field of a membership unless the storefront asks for fewer (`fields`). */
export const retrieveTransformQueryConfig = {
  defaults: [...STORE_MEMBERSHIP_FIELDS],
  isList: false,
}

export const listTransformQueryConfig = {
  ...retrieveTransformQueryConfig,
  isList: true,
}
