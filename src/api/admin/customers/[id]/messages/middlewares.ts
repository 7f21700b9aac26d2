import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { MessageErrorCodes } from "../../../../../types/http/messages"
import { NoQueryParams, withErrorCode } from "../../../../utils/validators"
import { AdminCustomerInboxParams, AdminRemoveCustomerOfferBody } from "./validators"

const INVALID = MessageErrorCodes.INVALID_DATA
const list = withErrorCode(validateAndTransformQuery(AdminCustomerInboxParams, { isList: true, defaultLimit: 20 }), INVALID)

/** A customer's inbox in the admin: /admin/customers/:id/messages and /admin/customers/:id/offers(/:offer_id/remove). */
export const adminCustomerMessagesMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/customers/:id/messages", middlewares: [list] },
  { methods: ["GET"], matcher: "/admin/customers/:id/offers", middlewares: [list] },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/offers/:offer_id/remove",
    middlewares: [
      withErrorCode(validateAndTransformBody(AdminRemoveCustomerOfferBody), INVALID),
      withErrorCode(validateAndTransformQuery(NoQueryParams, {}), INVALID),
    ],
  },
]
