import type { HttpTypes } from "@medusajs/framework/types"
import type {
  CustomerLoyaltyParams,
  CustomerMembershipListParams,
  CustomerMetricsParams,
  CustomerNoteListParams,
  CustomerSearchParams,
  CustomerTransactionListParams,
  DuplicateGroupListParams,
  InsightsOverviewParams,
  MembershipPlanListParams,
  MembershipScannerKeyListParams,
  MergePreviewParams,
  TagDefinitionListParams,
  TimelineListParams,
} from "./types"

/**
 * The query keys of the admin, built the way the dashboard builds its own
 * (`@medusajs/dashboard`'s `queryKeysFactory`): `[resource]`, `[resource, "list", { query }]`,
 * `[resource, "detail", id, { query }]`. A mutation invalidates a prefix (`all`, `lists()`,
 * `details()`) and reaches every query below it, the dashboard's own ones included where the
 * resource is Medusa's (customers, customer groups).
 */
export const queryKeysFactory = <
  TKey extends string,
  TListQuery = unknown,
  TDetailQuery = unknown,
>(
  globalKey: TKey
) => {
  const all = [globalKey] as const
  const lists = () => [globalKey, "list"] as const
  const details = () => [globalKey, "detail"] as const

  return {
    all,
    lists,
    list: (query?: TListQuery) =>
      query ? ([...lists(), { query }] as const) : lists(),
    details,
    detail: (id: string, query?: TDetailQuery) =>
      query
        ? ([...details(), id, { query }] as const)
        : ([...details(), id] as const),
  }
}

/**
 * Keys of what belongs to one customer: `[resource, customerId, part, { query }]`. The customer's
 * id is always the second part, so `customer(customerId)` refreshes all of it and a paged query
 * can tell one customer's pages from another's (`keepCustomerData`).
 */
export const customerQueryKeysFactory = <TKey extends string>(
  globalKey: TKey
) => {
  const customer = (customerId: string) => [globalKey, customerId] as const
  const part = <TPart extends string>(customerId: string, name: TPart) =>
    [globalKey, customerId, name] as const

  return {
    all: [globalKey] as const,
    customer,
    part,
    /** One part of the customer's data, for one query. */
    query: <TPart extends string, TQuery>(
      customerId: string,
      name: TPart,
      query?: TQuery
    ) => [...part(customerId, name), { query: query ?? {} }] as const,
  }
}

// Medusa's own resources, with the dashboard's keys: what the CRM changes there refreshes the
// dashboard's pages, and what the dashboard changes refreshes the CRM's reads of them.
export const customersQueryKeys = queryKeysFactory<
  "customers",
  HttpTypes.AdminCustomerFilters,
  HttpTypes.SelectParams
>("customers")
export const customerGroupsQueryKeys = queryKeysFactory<
  "customer_groups",
  HttpTypes.AdminGetCustomerGroupsParams
>("customer_groups")
export const ordersQueryKeys = queryKeysFactory("orders")
export const salesChannelsQueryKeys = queryKeysFactory<
  "sales-channels",
  HttpTypes.AdminSalesChannelListParams
>("sales-channels")
export const storeQueryKeys = queryKeysFactory<
  "store",
  HttpTypes.AdminStoreListParams
>("store")

// The CRM's own resources.
export const tagDefinitionsQueryKeys = queryKeysFactory<
  "crm_tag_definitions",
  TagDefinitionListParams
>("crm_tag_definitions")
export const tagPickerQueryKeys = queryKeysFactory<
  "customer_tag_picker",
  TagDefinitionListParams
>("customer_tag_picker")
export const membershipPlansQueryKeys = queryKeysFactory<
  "crm_membership_plans",
  MembershipPlanListParams
>("crm_membership_plans")
export const membershipPickerQueryKeys = queryKeysFactory<
  "crm_membership_picker",
  { q?: string; id?: string[] }
>("crm_membership_picker")
export const scannerKeysQueryKeys = queryKeysFactory<
  "crm_membership_scanner_keys",
  MembershipScannerKeyListParams
>("crm_membership_scanner_keys")
/** A verified card code is the detail's id. */
export const membershipVerifyQueryKeys = queryKeysFactory(
  "crm_membership_verify"
)
export const customerSearchQueryKeys = queryKeysFactory<
  "crm_customer_search",
  CustomerSearchParams
>("crm_customer_search")
export const duplicateGroupsQueryKeys = queryKeysFactory<
  "crm_duplicate_groups",
  DuplicateGroupListParams
>("crm_duplicate_groups")
/** The program's settings and totals (the Customers › Loyalty page): one detail, `program`. */
export const loyaltyProgramQueryKeys = queryKeysFactory("crm_loyalty_program")
/** The latest rebuild of every customer's figures: one detail, `latest`. */
export const insightsRebuildQueryKeys = queryKeysFactory("crm_insights_rebuild")

// What belongs to one customer.
const notes = customerQueryKeysFactory("customer_notes")
export const customerNotesQueryKeys = {
  ...notes,
  lists: (customerId: string) => notes.part(customerId, "list"),
  list: (customerId: string, query?: CustomerNoteListParams) =>
    notes.query(customerId, "list", query),
}

const tags = customerQueryKeysFactory("customer_tags")
export const customerTagsQueryKeys = {
  ...tags,
  list: (customerId: string) => tags.part(customerId, "list"),
}

const timeline = customerQueryKeysFactory("customer_timeline")
export const customerTimelineQueryKeys = {
  ...timeline,
  list: (customerId: string, query?: TimelineListParams) =>
    timeline.query(customerId, "list", query),
}

const profile = customerQueryKeysFactory("customer_profile")
export const customerProfileQueryKeys = {
  ...profile,
  detail: (customerId: string) => profile.part(customerId, "detail"),
}

const identity = customerQueryKeysFactory("customer_identity")
export const customerIdentityQueryKeys = {
  ...identity,
  detail: (customerId: string) => identity.part(customerId, "detail"),
  mergePreview: (customerId: string, query: MergePreviewParams) =>
    identity.query(customerId, "merge_preview", query),
}

const insights = customerQueryKeysFactory("customer_insights")
export const customerInsightsQueryKeys = {
  ...insights,
  metrics: (customerId: string, query: CustomerMetricsParams) =>
    insights.query(customerId, "metrics", query),
  transactionLists: (customerId: string) =>
    insights.part(customerId, "transactions"),
  transactions: (customerId: string, query: CustomerTransactionListParams) =>
    insights.query(customerId, "transactions", query),
}

/**
 * The store-wide overview (Customers › Insights). Under the customers' insights key, so whatever
 * refreshes every customer's figures (a finished rebuild) refreshes it too.
 */
export const insightsOverviewQueryKeys = {
  all: [...customerInsightsQueryKeys.all, "store_overview"] as const,
  overview: (query: InsightsOverviewParams) =>
    [...customerInsightsQueryKeys.all, "store_overview", { query }] as const,
}

const loyalty = customerQueryKeysFactory("customer_loyalty")
export const customerLoyaltyQueryKeys = {
  ...loyalty,
  detail: (customerId: string, query: Required<CustomerLoyaltyParams>) =>
    loyalty.query(customerId, "detail", query),
}

const memberships = customerQueryKeysFactory("customer_memberships")
export const customerMembershipsQueryKeys = {
  ...memberships,
  list: (customerId: string, query?: CustomerMembershipListParams) =>
    memberships.query(customerId, "list", query),
  detail: (customerId: string, membershipId: string) =>
    [...memberships.part(customerId, "detail"), membershipId] as const,
  card: (customerId: string, membershipId: string) =>
    [...memberships.part(customerId, "card"), membershipId] as const,
}

const privacy = customerQueryKeysFactory("customer_privacy")
export const customerPrivacyQueryKeys = {
  ...privacy,
  detail: (customerId: string) => privacy.part(customerId, "detail"),
}
/** The store's privacy settings (Customers › Privacy): one detail, `settings`. */
export const privacySettingsQueryKeys = queryKeysFactory("crm_privacy_settings")
/** Medusa's admin users (the dashboard's key), for who set a legal hold. */
export const usersQueryKeys = queryKeysFactory("users")
