import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Campaigns: /admin/crm/campaigns, /admin/crm/campaigns/audience, /admin/crm/campaigns/:id(/end, /entries). */
export const adminCampaignsMiddlewares: MiddlewareRoute[] = []
