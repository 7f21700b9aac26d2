import { STORE_LOYALTY_FIELDS } from "../../../../../types/http/loyalty"

/** Every field of the account unless the storefront asks for fewer (`fields`). */
export const retrieveTransformQueryConfig = {
  defaults: [...STORE_LOYALTY_FIELDS],
  isList: false,
}
