import {
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { NoQueryParams } from "../../../../utils/validators"
import { PHOTO_MAX_BYTES } from "../../../../../lib/profile"
import { AdminUpdateCustomerProfile, AdminUploadCustomerPhoto } from "./validators"

export const adminCustomerProfileMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/profile",
    middlewares: [validateAndTransformQuery(NoQueryParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/profile",
    middlewares: [validateAndTransformBody(AdminUpdateCustomerProfile)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/profile/photo",
    // The photo arrives base64 encoded in JSON: allow its size plus room for the other fields.
    bodyParser: { sizeLimit: Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 64 * 1024 },
    middlewares: [validateAndTransformBody(AdminUploadCustomerPhoto)],
  },
]
