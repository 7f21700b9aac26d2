import { z } from "@medusajs/framework/zod"
import { createListParams } from "../../../../utils/validators"

/** One page of the customer's messages or offers, newest first (`limit` 1..100, `offset`). */
export const StoreInboxListParams = createListParams({ defaultLimit: 20, maxLimit: 100 })
export type StoreInboxListParamsType = z.infer<typeof StoreInboxListParams>

/** A single message or offer takes no query parameters. */
export const StoreInboxEntryParams = z.object({}).strict()

/** Redeeming a loyalty offer takes no input: the offer is in the path, the customer is logged in. */
export const StoreRedeemOfferBody = z.object({}).strict()
export type StoreRedeemOfferBodyType = z.infer<typeof StoreRedeemOfferBody>
