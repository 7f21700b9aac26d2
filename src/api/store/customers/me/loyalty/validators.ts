import { z } from "@medusajs/framework/zod"
import { STORE_LOYALTY_FIELDS } from "../../../../../types/http/loyalty"
import { createListParams } from "../../../../utils/validators"

/** One page of the history, newest first, and `fields` of the account, as Medusa's store routes take it. */
export const StoreGetCustomerLoyaltyParams = createListParams({ selectFields: STORE_LOYALTY_FIELDS })
export type StoreGetCustomerLoyaltyParamsType = z.infer<typeof StoreGetCustomerLoyaltyParams>
