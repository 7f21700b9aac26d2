import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { IdentityErrorCodes } from "../../../../types/http/identity"
import { withErrorCode } from "../../../utils/validators"
import { AdminListDuplicates } from "./validators"

/** The groups of records that share an e-mail or a phone number. */
export const adminDuplicatesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/duplicates",
    middlewares: [
      withErrorCode(validateAndTransformQuery(AdminListDuplicates, {}), IdentityErrorCodes.INVALID_DATA),
    ],
  },
]
