import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { NoQueryParams } from "../../../../utils/validators"
import { PHOTO_MAX_BYTES } from "../../../../../types/http/profile"
import { AdminUpdateCustomerProfile, AdminUploadCustomerPhoto } from "./validators"
import { ProfileErrorCodes } from "../../../../../types/http/profile"
import { withErrorCode } from "../../../../utils/validators"

export const adminCustomerProfileMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/profile",
    middlewares: [withErrorCode(validateAndTransformQuery(NoQueryParams, {}), ProfileErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/profile",
    middlewares: [withErrorCode(validateAndTransformBody(AdminUpdateCustomerProfile), ProfileErrorCodes.INVALID_DATA)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/profile/photo",
    // The photo arrives base64 encoded in JSON: allow its size plus room for the other fields.
    bodyParser: { sizeLimit: Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 64 * 1024 },
    middlewares: [withErrorCode(validateAndTransformBody(AdminUploadCustomerPhoto), ProfileErrorCodes.INVALID_DATA)],
  },
]
