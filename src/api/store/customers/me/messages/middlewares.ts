import {
  authenticate,
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { MessageErrorCodes } from "../../../../../types/http/messages"
import { idempotentKeyedWrites } from "../../../../utils/idempotency"
import { withErrorCode } from "../../../../utils/validators"
import { StoreInboxEntryParams, StoreInboxListParams, StoreRedeemOfferBody } from "./validators"

const customer = authenticate("customer", ["session", "bearer"])
const INVALID = MessageErrorCodes.INVALID_DATA
const list = withErrorCode(validateAndTransformQuery(StoreInboxListParams, { isList: true, defaultLimit: 20 }), INVALID)
const single = withErrorCode(validateAndTransformQuery(StoreInboxEntryParams, {}), INVALID)

/** The logged-in customer's inbox: /store/customers/me/messages(/:id) and /store/customers/me/offers(/:id, /:id/redeem). */
export const storeCustomerMessagesMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/store/customers/me/messages", middlewares: [customer, list] },
  { methods: ["GET"], matcher: "/store/customers/me/messages/:id", middlewares: [customer, single] },
  { methods: ["GET"], matcher: "/store/customers/me/offers", middlewares: [customer, list] },
  { methods: ["GET"], matcher: "/store/customers/me/offers/:id", middlewares: [customer, single] },
  {
    methods: ["POST"],
    matcher: "/store/customers/me/offers/:id/redeem",
    // With an Idempotency-Key, a double click or a retry redeems once (the answer is replayed).
    middlewares: [
      customer,
      withErrorCode(validateAndTransformBody(StoreRedeemOfferBody), INVALID),
      single,
      idempotentKeyedWrites,
    ],
  },
]
