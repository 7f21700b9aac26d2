import { type MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { PHOTO_MAX_BYTES } from "../../../../../lib/profile"
import { AdminUpdateCustomerProfile, AdminUploadCustomerPhoto } from "./validators"

export const adminCustomerProfileMiddlewares: MiddlewareRoute[] = [
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
