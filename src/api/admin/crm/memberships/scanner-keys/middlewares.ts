import { type MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { NoQueryParams } from "../../../../utils/validators"
import { AdminCreateScannerKey, AdminListScannerKeys, AdminRevokeScannerKey } from "./validators"

export const adminScannerKeysMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/crm/memberships/scanner-keys",
    middlewares: [validateAndTransformQuery(AdminListScannerKeys, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/memberships/scanner-keys",
    middlewares: [validateAndTransformQuery(NoQueryParams, {}), validateAndTransformBody(AdminCreateScannerKey)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/memberships/scanner-keys/:id/revoke",
    middlewares: [validateAndTransformQuery(NoQueryParams, {}), validateAndTransformBody(AdminRevokeScannerKey)],
  },
]
