import {
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { MessageErrorCodes } from "../../../../types/http/messages"
import { NoQueryParams, requireJsonObjectBody, validateBodyNamingFields, withErrorCode } from "../../../utils/validators"
import {
  AdminCampaignAudienceBody,
  AdminCampaignEntriesParams,
  AdminCampaignsParams,
  AdminCreateCampaign,
  AdminUpdateCampaign,
} from "./validators"

const code = MessageErrorCodes.INVALID_DATA

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

const body = (schema: z.ZodTypeAny) => validateBodyNamingFields(schema, code)
const query = (schema: Parameters<typeof validateAndTransformQuery>[0], isList = false) =>
  withErrorCode(validateAndTransformQuery(schema, isList ? { isList: true, defaults: ["id"] } : {}), code)

/** `/admin/crm/campaigns/:id` also matches `/admin/crm/campaigns/audience`, which has its own body. */
const notAudience =
  (...middlewares: Middleware[]): Middleware[] =>
    middlewares.map((m) => (req, res, next) => (req.params?.id === "audience" ? next() : m(req, res, next)))

/** Campaigns: /admin/crm/campaigns, /admin/crm/campaigns/audience, /admin/crm/campaigns/:id(/end, /entries). */
export const adminCampaignsMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/crm/campaigns", middlewares: [query(AdminCampaignsParams, true)] },
  {
    methods: ["POST"],
    matcher: "/admin/crm/campaigns",
    middlewares: [query(NoQueryParams), requireJsonObjectBody(code), body(AdminCreateCampaign)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/crm/campaigns/audience",
    middlewares: [query(NoQueryParams), requireJsonObjectBody(code), body(AdminCampaignAudienceBody)],
  },
  { methods: ["GET", "DELETE"], matcher: "/admin/crm/campaigns/:id", middlewares: [query(NoQueryParams)] },
  {
    methods: ["POST"],
    matcher: "/admin/crm/campaigns/:id",
    middlewares: notAudience(query(NoQueryParams), requireJsonObjectBody(code), body(AdminUpdateCampaign)),
  },
  { methods: ["POST"], matcher: "/admin/crm/campaigns/:id/end", middlewares: [query(NoQueryParams)] },
  {
    methods: ["GET"],
    matcher: "/admin/crm/campaigns/:id/entries",
    middlewares: [query(AdminCampaignEntriesParams, true)],
  },
]
