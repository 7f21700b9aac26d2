import { defineMiddlewares } from "@medusajs/framework/http"
import { adminTagDefinitionsMiddlewares } from "./admin/crm/tags/middlewares"
import { adminCustomerNotesMiddlewares } from "./admin/customers/[id]/notes/middlewares"
import { adminCustomerProfileMiddlewares } from "./admin/customers/[id]/profile/middlewares"
import { adminCustomerTagsMiddlewares } from "./admin/customers/[id]/tags/middlewares"
import { adminCustomerTimelineMiddlewares } from "./admin/customers/[id]/timeline/middlewares"
import { adminLoyaltyProgramMiddlewares } from "./admin/crm/loyalty/middlewares"
import { adminCustomerLoyaltyMiddlewares } from "./admin/customers/[id]/loyalty/middlewares"
import { storeCartLoyaltyMiddlewares } from "./store/carts/[id]/loyalty/middlewares"
import { storeCustomerLoyaltyMiddlewares } from "./store/customers/me/loyalty/middlewares"
import { adminMembershipPlansMiddlewares } from "./admin/crm/membership-plans/middlewares"
import { adminVerifyMembershipMiddlewares } from "./admin/crm/memberships/verify/middlewares"
import { adminScannerKeysMiddlewares } from "./admin/crm/memberships/scanner-keys/middlewares"
import { adminCustomerMembershipsMiddlewares } from "./admin/customers/[id]/memberships/middlewares"
import { storeCustomerIdentityMiddlewares } from "./store/customers/me/identity/middlewares"
import { storeCustomerMembershipsMiddlewares } from "./store/customers/me/memberships/middlewares"
import { adminInsightsRebuildMiddlewares } from "./admin/crm/insights/rebuild/middlewares"
import { adminInsightsOverviewMiddlewares } from "./admin/crm/insights/overview/middlewares"
import { adminCustomerTransactionsMiddlewares } from "./admin/customers/[id]/transactions/middlewares"
import { adminCustomerMetricsMiddlewares } from "./admin/customers/[id]/metrics/middlewares"
import { adminStartBasketMiddlewares } from "./admin/customers/[id]/start-basket/middlewares"
import { adminDuplicatesMiddlewares } from "./admin/crm/duplicates/middlewares"
import { adminCrmCustomersMiddlewares } from "./admin/crm/customers/middlewares"
import { adminCustomerIdentityMiddlewares } from "./admin/customers/[id]/identity/middlewares"
import { adminCustomerPrivacyMiddlewares } from "./admin/customers/[id]/privacy/middlewares"
import { adminPrivacySettingsMiddlewares } from "./admin/crm/privacy/settings/middlewares"
import { storeCustomerPrivacyMiddlewares } from "./store/customers/me/privacy/middlewares"
import { adminConsentPurposesMiddlewares } from "./admin/crm/privacy/purposes/middlewares"
import { adminCustomerConsentsMiddlewares } from "./admin/customers/[id]/consents/middlewares"
import { storeCustomerConsentsMiddlewares } from "./store/customers/me/consents/middlewares"
import { storeCustomerExportsMiddlewares } from "./store/customers/me/privacy/exports/middlewares"
import { adminRetentionMiddlewares } from "./admin/crm/privacy/retention/middlewares"
import { storeActivityMiddlewares } from "./store/activity-middlewares"
import { adminPrivacyRequestsMiddlewares } from "./admin/crm/privacy/requests/middlewares"
import { adminBulkCustomerTagsMiddlewares } from "./admin/crm/customers/tags/middlewares"
import { adminSegmentsMiddlewares } from "./admin/crm/segments/middlewares"
import { adminExportsMiddlewares } from "./admin/crm/exports/middlewares"
import { adminReportsMiddlewares } from "./admin/crm/reports/middlewares"
import { adminCampaignsMiddlewares } from "./admin/crm/campaigns/middlewares"
import { adminCustomerMessagesMiddlewares } from "./admin/customers/[id]/messages/middlewares"
import { storeCustomerMessagesMiddlewares } from "./store/customers/me/messages/middlewares"
import { customerProfileFieldsSchema } from "../lib/profile"
import { PLUGIN_ROUTES_MATCHER, refuseDeepQueryKeys, requireJsonObjectBody } from "./utils/validators"
import { ADMIN_WRITE_ROUTES_MATCHER, idempotentAdminWrites } from "./utils/idempotency"

export default defineMiddlewares({
  routes: [
    // Every plugin route: no nested query keys, and a body (where there is one) is a JSON object.
    {
      matcher: PLUGIN_ROUTES_MATCHER,
      middlewares: [refuseDeepQueryKeys, requireJsonObjectBody("invalid_data")],
    },
    // Admin writes: a repeated request (double click, retry) gets the first answer instead of running again.
    {
      methods: ["POST", "DELETE"],
      matcher: ADMIN_WRITE_ROUTES_MATCHER,
      middlewares: [idempotentAdminWrites],
    },
    ...adminCustomerNotesMiddlewares,
    ...adminCustomerProfileMiddlewares,
    ...adminCustomerTagsMiddlewares,
    ...adminCustomerTimelineMiddlewares,
    ...adminTagDefinitionsMiddlewares,
    ...adminCustomerLoyaltyMiddlewares,
    ...adminLoyaltyProgramMiddlewares,
    ...storeCustomerLoyaltyMiddlewares,
    ...storeCartLoyaltyMiddlewares,
    ...adminCustomerMembershipsMiddlewares,
    ...adminMembershipPlansMiddlewares,
    ...adminVerifyMembershipMiddlewares,
    ...adminScannerKeysMiddlewares,
    ...storeCustomerMembershipsMiddlewares,
    ...storeCustomerIdentityMiddlewares,
    ...adminCustomerTransactionsMiddlewares,
    ...adminCustomerMetricsMiddlewares,
    ...adminStartBasketMiddlewares,
    ...adminInsightsRebuildMiddlewares,
    ...adminInsightsOverviewMiddlewares,
    ...adminCustomerIdentityMiddlewares,
    ...adminDuplicatesMiddlewares,
    ...adminCrmCustomersMiddlewares,
    ...adminCustomerPrivacyMiddlewares,
    ...adminPrivacySettingsMiddlewares,
    ...adminConsentPurposesMiddlewares,
    ...adminCustomerConsentsMiddlewares,
    ...adminRetentionMiddlewares,
    ...adminPrivacyRequestsMiddlewares,
    ...adminBulkCustomerTagsMiddlewares,
    ...adminSegmentsMiddlewares,
    ...adminExportsMiddlewares,
    ...adminReportsMiddlewares,
    ...adminCampaignsMiddlewares,
    ...adminCustomerMessagesMiddlewares,
    // Every store route: a token or session of an anonymized or deleted customer is refused (401).
    ...storeCustomerPrivacyMiddlewares,
    ...storeActivityMiddlewares,
    ...storeCustomerConsentsMiddlewares,
    ...storeCustomerExportsMiddlewares,
    ...storeCustomerMessagesMiddlewares,
    // The native customer create and update accept the profile fields in `additional_data`.
    {
      methods: ["POST"],
      matcher: "/admin/customers",
      additionalDataValidator: customerProfileFieldsSchema.shape,
    },
    {
      methods: ["POST"],
      matcher: "/admin/customers/:id",
      additionalDataValidator: customerProfileFieldsSchema.shape,
    },
  ],
})
