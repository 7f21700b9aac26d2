import { authenticate, type MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { PrivacyErrorCodes } from "../../../../../../types/http/privacy"
import { requireJsonObjectBody, withErrorCode } from "../../../../../utils/validators"
import { StoreGetExportParams, StoreGetExportsParams, StoreRequestExport } from "./validators"

const customer = authenticate("customer", ["session", "bearer"])
const INVALID = PrivacyErrorCodes.INVALID_DATA

/** The signed-in customer's data exports. */
export const storeCustomerExportsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/store/customers/me/privacy/exports",
    middlewares: [
      customer,
      requireJsonObjectBody(INVALID),
      withErrorCode(validateAndTransformBody(StoreRequestExport), INVALID),
      withErrorCode(validateAndTransformQuery(StoreGetExportParams, {}), INVALID),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/store/customers/me/privacy/exports",
    middlewares: [customer, withErrorCode(validateAndTransformQuery(StoreGetExportsParams, {}), INVALID)],
  },
  {
    methods: ["GET"],
    matcher: "/store/customers/me/privacy/exports/:id",
    middlewares: [customer, withErrorCode(validateAndTransformQuery(StoreGetExportParams, {}), INVALID)],
  },
]
