import { STORE_IDENTITY_CLAIM_FIELDS } from "../../../../../types/http/claims"

/** Every field of a claim unless the storefront asks for fewer (`fields`). */
export const retrieveTransformQueryConfig = {
  defaults: [...STORE_IDENTITY_CLAIM_FIELDS],
  isList: false,
}
