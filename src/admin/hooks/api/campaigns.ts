import { keepPreviousData, type QueryClient, useMutation, useQuery } from "@tanstack/react-query"
import { customersQueryKeys, queryKeysFactory } from "../../lib/query-keys"
import { customerInboxQueryKeys } from "./customer-inbox"
import { sdk } from "../../lib/sdk"
import type {
  AdminCampaignAudienceResponse,
  AdminCampaignEntryListResponse,
  AdminCampaignListResponse,
  AdminCampaignResponse,
  AdminCreateCampaign,
  AdminUpdateCampaign,
  CampaignAudience,
} from "../../lib/types"
import type { MutationOptions, QueryOptions } from "./utils"
import { useInvalidatingMutation } from "./utils"

const CAMPAIGNS_URL = "/admin/crm/campaigns"

const campaignUrl = (id: string) => `${CAMPAIGNS_URL}/${encodeURIComponent(id)}`

export type CampaignListParams = { q?: string; limit?: number; offset?: number }
export type CampaignEntriesParams = { limit: number; offset: number }

type CampaignDeleteResponse = { id: string; object: string; deleted: true }

/** The campaigns' query keys: `["crm_campaign", "list" | "detail", …]`, entries below a campaign. */
export const campaignsQueryKeys = {
  ...queryKeysFactory<"crm_campaign", CampaignListParams>("crm_campaign"),
  entries: (id: string, query?: CampaignEntriesParams) =>
    ["crm_campaign", "detail", id, "entries", { query }] as const,
  /** An audience's size now, by the audience itself. */
  audience: (audience: CampaignAudience) =>
    ["crm_campaign", "audience", { audience }] as const,
}

/** Offers' promotions to choose from (Medusa's promotions, searched by code). */
export const offerPromotionsQueryKeys = queryKeysFactory<
  "crm_campaign_promotions",
  { q?: string }
>("crm_campaign_promotions")

/** How often an open page asks again while a campaign is distributing (its counts grow). */
const ACTIVE_POLL_MS = 15_000

export const useCampaigns = (
  query?: CampaignListParams,
  options?: QueryOptions<AdminCampaignListResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: campaignsQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AdminCampaignListResponse>(CAMPAIGNS_URL, {
        method: "GET",
        query,
      }),
    placeholderData: keepPreviousData,
    ...options,
  })

  return { ...data, ...rest }
}

export const useCampaign = (
  id: string,
  options?: QueryOptions<AdminCampaignResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: campaignsQueryKeys.detail(id),
    queryFn: () =>
      sdk.client.fetch<AdminCampaignResponse>(campaignUrl(id), { method: "GET" }),
    refetchInterval: (q) =>
      q.state.data?.campaign.status === "active" ? ACTIVE_POLL_MS : false,
    ...options,
  })

  return { campaign: data?.campaign, ...rest }
}

/** One page of the campaign's entries: who received it and how each stands. */
export const useCampaignEntries = (
  id: string,
  query: CampaignEntriesParams,
  options?: QueryOptions<AdminCampaignEntryListResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: campaignsQueryKeys.entries(id, query),
    queryFn: () =>
      sdk.client.fetch<AdminCampaignEntryListResponse>(`${campaignUrl(id)}/entries`, {
        method: "GET",
        query,
      }),
    placeholderData: keepPreviousData,
    ...options,
  })

  return { ...data, ...rest }
}

/**
 * How many customers an audience reaches now (`POST /admin/crm/campaigns/audience`): a read, so a
 * query keyed by the audience; the form passes a settled (debounced), complete audience.
 */
export const useCampaignAudienceCount = (
  audience: CampaignAudience | null,
  options?: QueryOptions<AdminCampaignAudienceResponse>
) => {
  const { data, ...rest } = useQuery({
    queryKey: campaignsQueryKeys.audience(audience ?? { type: "everyone" }),
    queryFn: () =>
      sdk.client.fetch<AdminCampaignAudienceResponse>(`${CAMPAIGNS_URL}/audience`, {
        method: "POST",
        body: { audience },
      }),
    enabled: !!audience,
    placeholderData: keepPreviousData,
    retry: false,
    ...options,
  })

  return { count: data?.count, ...rest }
}

// Ending a campaign changes the statuses on customers' pages too.
const invalidateCampaigns = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: campaignsQueryKeys.all }),
    queryClient.invalidateQueries({ queryKey: customerInboxQueryKeys.all }),
  ])

export const useCreateCampaign = (
  options?: MutationOptions<AdminCampaignResponse, AdminCreateCampaign>
) =>
  useInvalidatingMutation(
    (payload) =>
      sdk.client.fetch<AdminCampaignResponse>(CAMPAIGNS_URL, {
        method: "POST",
        body: payload,
      }),
    invalidateCampaigns,
    options
  )

/** Updates the campaign whose id is given: everything before its start, only `ends_at` after. */
export const useUpdateCampaign = (
  options?: MutationOptions<
    AdminCampaignResponse,
    { id: string; changes: AdminUpdateCampaign }
  >
) =>
  useInvalidatingMutation(
    ({ id, changes }) =>
      sdk.client.fetch<AdminCampaignResponse>(campaignUrl(id), {
        method: "POST",
        body: changes,
      }),
    invalidateCampaigns,
    options
  )

/** Ends the campaign whose id is passed now: its messages show as expired, its offers leave the inboxes. */
export const useEndCampaign = (
  options?: MutationOptions<AdminCampaignResponse, string>
) =>
  useInvalidatingMutation(
    (id) =>
      sdk.client.fetch<AdminCampaignResponse>(`${campaignUrl(id)}/end`, {
        method: "POST",
      }),
    invalidateCampaigns,
    options
  )

/** Deletes a campaign that has not started yet. */
export const useDeleteCampaign = (
  options?: MutationOptions<CampaignDeleteResponse, string>
) =>
  useInvalidatingMutation(
    (id) =>
      sdk.client.fetch<CampaignDeleteResponse>(campaignUrl(id), {
        method: "DELETE",
      }),
    (queryClient, _data, id) => {
      queryClient.removeQueries({
        queryKey: campaignsQueryKeys.detail(id),
        type: "inactive",
      })
      return queryClient.invalidateQueries({ queryKey: campaignsQueryKeys.lists() })
    },
    options
  )

/**
 * Uploads a campaign's image to the file module (Medusa's `POST /admin/uploads`): its url. A plain
 * mutation: Medusa's upload route is not one of the plugin's idempotent writes, and nothing cached
 * goes stale.
 */
export const useUploadCampaignImage = (
  options?: MutationOptions<string, File>
) =>
  useMutation({
    mutationFn: async (file: File) => {
      const { files } = await sdk.admin.upload.create({ files: [file] })
      const url = files[0]?.url
      if (!url) {
        throw new Error("The upload returned no file")
      }
      return url
    },
    ...options,
  })

const PROMOTION_FIELDS = "id,code,status,is_automatic"

/** A promotion an offer can wrap: one with a code, not applied automatically. */
export type OfferPromotion = { id: string; code: string; status: string | null }

/**
 * Medusa's promotions an offer can wrap (searched by code, the first 50): automatic ones are left
 * out, since the customer applies an offer's code themselves.
 */
export const useOfferPromotions = (q: string, options?: { enabled?: boolean }) => {
  const query = { q: q || undefined }
  const { data, ...rest } = useQuery({
    queryKey: offerPromotionsQueryKeys.list(query),
    queryFn: () =>
      sdk.admin.promotion.list({ ...query, limit: 50, fields: PROMOTION_FIELDS }),
    placeholderData: keepPreviousData,
    ...options,
  })
  const promotions: OfferPromotion[] = (data?.promotions ?? [])
    .filter((promotion) => !promotion.is_automatic && !!promotion.code)
    .map((promotion) => ({
      id: promotion.id,
      code: promotion.code ?? promotion.id,
      status: promotion.status ?? null,
    }))
  return { promotions, ...rest }
}

const CUSTOMER_FIELDS = "id,email,first_name,last_name"

/** The customers of a list audience, by id (their names for the picked list). */
export const useCampaignCustomers = (ids: string[], options?: { enabled?: boolean }) => {
  const query = { id: ids, limit: ids.length, fields: CUSTOMER_FIELDS }
  const { data, ...rest } = useQuery({
    queryKey: customersQueryKeys.list(query),
    queryFn: () => sdk.admin.customer.list(query),
    enabled: ids.length > 0 && (options?.enabled ?? true),
  })
  return { customers: data?.customers, ...rest }
}
