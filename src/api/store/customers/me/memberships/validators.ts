import { z } from "@medusajs/framework/zod"
import { STORE_MEMBERSHIP_FIELDS } from "../../../../../types/http/memberships"
import { membershipStatusesParam } from "../../../../utils/memberships"
import { createListParams, fieldsParam, NoQueryParams } from "../../../../utils/validators"

/** A page of the customer's memberships; `status` filters, `fields` as Medusa's store routes take it. */
export const StoreGetMembershipsParams = createListParams({
  selectFields: STORE_MEMBERSHIP_FIELDS,
  extra: { status: membershipStatusesParam() },
})
export type StoreGetMembershipsParamsType = z.infer<typeof StoreGetMembershipsParams>

/** One membership: `fields` only. */
export const StoreGetMembershipParams = z
  .object({ fields: fieldsParam(STORE_MEMBERSHIP_FIELDS).optional() })
  .strict()
export type StoreGetMembershipParamsType = z.infer<typeof StoreGetMembershipParams>

/** The card takes no parameters. */
export const StoreGetMembershipCardParams = NoQueryParams
export type StoreGetMembershipCardParamsType = z.infer<typeof StoreGetMembershipCardParams>
