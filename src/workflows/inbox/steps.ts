import type { CreatePromotionDTO, IPromotionModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { crmError } from "../../lib/errors"
import { assertCustomerExists } from "../../lib/customers"
import { campaignStatus } from "../../lib/messages/campaigns"
import { ALL_STATUSES, findInboxRow, inboxEntryNotFound as notFound, type InboxSection } from "../../lib/messages/inbox"
import { loadPromotionTemplate, personalCode, personalPromotionData } from "../../lib/messages/personal-promotions"
import { CUSTOMER_MESSAGE_MODULE, type CustomerMessageModuleService } from "../../modules/customer-message"
import { MessageErrorCodes } from "../../types/http/messages"

type EntryUpdate = {
  id: string
  read_at?: Date | null
  removed_at?: Date | null
  removed_by?: string | null
  redeemed_at?: Date | null
  redeemed_order_id?: string | null
  promotion_id?: string | null
  promotion_code?: string | null
}
const UPDATABLE = [
  "read_at",
  "removed_at",
  "removed_by",
  "redeemed_at",
  "redeemed_order_id",
  "promotion_id",
  "promotion_code",
] as const

export const updateInboxEntriesStepId = "update-inbox-entries"

/**
 * Changes inbox entries (read, removed, used or given back, their code issued). Compensation puts
 * the fields it changed back as they were.
 */
export const updateInboxEntriesStep = createStep(
  updateInboxEntriesStepId,
  async (updates: EntryUpdate[], { container }) => {
    if (!updates?.length) {
      return new StepResponse([] as string[], [] as EntryUpdate[])
    }
    const service: CustomerMessageModuleService = container.resolve(CUSTOMER_MESSAGE_MODULE)
    const before = await service.listCustomerInboxEntries(
      { id: updates.map((u) => u.id) },
      { select: ["id", ...UPDATABLE] }
    )
    const previous = updates.map((u) => {
      const row = before.find((b) => b.id === u.id) as Record<string, unknown> | undefined
      const restore: EntryUpdate = { id: u.id }
      for (const field of UPDATABLE) {
        if (field in u) {
          ;(restore as Record<string, unknown>)[field] = row?.[field] ?? null
        }
      }
      return restore
    })
    await service.updateCustomerInboxEntries(updates)
    return new StepResponse(
      updates.map((u) => u.id),
      previous
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const service: CustomerMessageModuleService = container.resolve(CUSTOMER_MESSAGE_MODULE)
    await service.updateCustomerInboxEntries(previous)
  }
)

export type NewInboxEntry = {
  campaign_id: string
  customer_id: string
  kind: "offer"
  origin: "redemption"
  distributed_at: Date
  promotion_id: string
  promotion_code: string
  points_spent: number
  loyalty_entry_id: string
  expires_at: Date | null
}

export const createInboxEntriesStepId = "create-inbox-entries"

/** Puts entries (rewards bought with points) into inboxes. Compensation deletes them. */
export const createInboxEntriesStep = createStep(
  createInboxEntriesStepId,
  async (entries: NewInboxEntry[], { container }) => {
    const service: CustomerMessageModuleService = container.resolve(CUSTOMER_MESSAGE_MODULE)
    const created = await service.createCustomerInboxEntries(
      entries.map(({ campaign_id, ...rest }) => ({ ...rest, campaign_id }))
    )
    return new StepResponse(
      created.map((e) => ({ id: e.id })),
      created.map((e) => e.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: CustomerMessageModuleService = container.resolve(CUSTOMER_MESSAGE_MODULE)
    await service.deleteCustomerInboxEntries(ids)
  }
)

export const prepareInboxReadStepId = "prepare-inbox-read"

/**
 * Finds the customer's entry to mark read: 404 (`message_not_found` / `offer_not_found`) when it is
 * not theirs, not of the section, or removed. Returns the update to make (none when it was read
 * already: read once, with the first time). Writes nothing.
 */
export const prepareInboxReadStep = createStep(
  prepareInboxReadStepId,
  async (input: { customer_id: string; entry_id: string; section: InboxSection }, { container }) => {
    const row = await findInboxRow(
      container,
      { customer_id: input.customer_id, section: input.section, statuses: ALL_STATUSES },
      input.entry_id
    )
    if (!row || row.removed_at) {
      throw notFound(input.section, input.entry_id)
    }
    return new StepResponse({
      entry: { id: row.id, customer_id: row.customer_id, campaign_id: row.campaign_id },
      updates: row.read_at ? [] : [{ id: row.id, read_at: new Date() }],
    })
  }
)

export const prepareOfferRemovalStepId = "prepare-offer-removal"

/**
 * Checks an offer can be removed from the customer's inbox: the customer exists (404
 * `customer_not_found`), the offer is theirs (404 `offer_not_found`) and still there (409
 * `offer_already_removed`). Writes nothing.
 */
export const prepareOfferRemovalStep = createStep(
  prepareOfferRemovalStepId,
  async (input: { customer_id: string; entry_id: string }, { container }) => {
    await assertCustomerExists(container, input.customer_id)
    const row = await findInboxRow(
      container,
      { customer_id: input.customer_id, section: "offers", statuses: ALL_STATUSES },
      input.entry_id
    )
    if (!row) {
      throw notFound("offers", input.entry_id)
    }
    if (row.removed_at) {
      throw crmError(
        MedusaError.Types.CONFLICT,
        MessageErrorCodes.OFFER_ALREADY_REMOVED,
        `Offer with id: ${input.entry_id} was already removed`
      )
    }
    return new StepResponse({
      id: row.id,
      customer_id: row.customer_id,
      campaign_id: row.campaign_id,
      title: row.title,
      promotion_id: row.promotion_id,
    })
  }
)

export type PersonalPromotionPlan = {
  entry_id: string
  customer_id: string
  template_id: string
  code: string
}

export const preparePersonalPromotionStepId = "prepare-personal-promotion"

/**
 * Whether a personal offer's entry still needs its own code (none yet, usable, the campaign personal
 * with a promotion). Null when not: issuing is idempotent. Writes nothing.
 */
export const preparePersonalPromotionStep = createStep(
  preparePersonalPromotionStepId,
  async (input: { entry_id: string }, { container }) => {
    const service: CustomerMessageModuleService = container.resolve(CUSTOMER_MESSAGE_MODULE)
    const [entry] = await service.listCustomerInboxEntries(
      { id: input.entry_id },
      { relations: ["campaign"] }
    )
    const row = entry
      ? await findInboxRow(
          container,
          { customer_id: entry.customer_id, section: "offers", statuses: ["new", "read"] },
          entry.id
        )
      : null
    const campaign = entry?.campaign
    if (
      !entry ||
      !row ||
      entry.promotion_id ||
      entry.kind !== "offer" ||
      entry.origin !== "distribution" ||
      !campaign?.personal ||
      !campaign.promotion_id
    ) {
      return new StepResponse(null as PersonalPromotionPlan | null)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [template],
    } = await query.graph({ entity: "promotion", fields: ["id", "code"], filters: { id: campaign.promotion_id } })
    if (!template) {
      return new StepResponse(null as PersonalPromotionPlan | null)
    }
    return new StepResponse({
      entry_id: entry.id,
      customer_id: entry.customer_id,
      template_id: template.id,
      code: personalCode(template.code),
    } as PersonalPromotionPlan | null)
  }
)

export const createPersonalPromotionsStepId = "create-personal-promotions"

/**
 * Creates the personal promotions: copies of their templates for one customer each (see
 * `personalPromotionData`). Compensation deletes them.
 */
export const createPersonalPromotionsStep = createStep(
  createPersonalPromotionsStepId,
  async (plans: PersonalPromotionPlan[], { container }) => {
    if (!plans?.length) {
      return new StepResponse([] as { id: string; code: string }[], [] as string[])
    }
    const promotions: IPromotionModuleService = container.resolve(Modules.PROMOTION)
    const data: CreatePromotionDTO[] = []
    for (const plan of plans) {
      const template = await loadPromotionTemplate(container, plan.template_id)
      data.push(personalPromotionData(template, plan))
    }
    const created = await promotions.createPromotions(data)
    const out = created.map((p) => ({ id: p.id, code: p.code! }))
    return new StepResponse(
      out,
      out.map((p) => p.id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const promotions: IPromotionModuleService = container.resolve(Modules.PROMOTION)
    await promotions.deletePromotions(ids)
  }
)

export const setPromotionsStatusStepId = "set-personal-promotions-status"

/**
 * Sets personal promotions active or inactive (an offer removed or expired can no longer be used).
 * Compensation puts each one's previous status back.
 */
export const setPromotionsStatusStep = createStep(
  setPromotionsStatusStepId,
  async (input: { ids: string[]; status: "active" | "inactive" }, { container }) => {
    const ids = [...new Set((input.ids ?? []).filter(Boolean))]
    if (!ids.length) {
      return new StepResponse([] as string[], [] as { id: string; status: string }[])
    }
    const promotions: IPromotionModuleService = container.resolve(Modules.PROMOTION)
    const before = await promotions.listPromotions({ id: ids }, { select: ["id", "status"] })
    const changing = before.filter((p) => p.status !== input.status)
    if (changing.length) {
      await promotions.updatePromotions(changing.map((p) => ({ id: p.id, status: input.status })))
    }
    return new StepResponse(
      changing.map((p) => p.id),
      changing.map((p) => ({ id: p.id, status: p.status! }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const promotions: IPromotionModuleService = container.resolve(Modules.PROMOTION)
    await promotions.updatePromotions(previous.map((p) => ({ id: p.id, status: p.status as "active" })))
  }
)

export type LoyaltyOfferRedemptionPlan = PersonalPromotionPlan & {
  campaign_id: string
  title: string
  points: number
  /** When the reward leaves the inbox: `reward_valid_days` from now, else the campaign's end. */
  expires_at: Date | null
}

const notRedeemable = (message: string) =>
  crmError(MedusaError.Types.NOT_ALLOWED, MessageErrorCodes.OFFER_NOT_REDEEMABLE, message)

export const prepareLoyaltyOfferRedemptionStepId = "prepare-loyalty-offer-redemption"

/**
 * Checks the customer can redeem the loyalty offer: it is theirs (404 `offer_not_found`), a
 * distributed loyalty offer that was not removed, its campaign has started and not ended and has a
 * points cost and a promotion (400 `offer_not_redeemable`). The points are checked later, under the
 * account's lock. Writes nothing.
 */
export const prepareLoyaltyOfferRedemptionStep = createStep(
  prepareLoyaltyOfferRedemptionStepId,
  async (input: { customer_id: string; entry_id: string }, { container }) => {
    const row = await findInboxRow(
      container,
      { customer_id: input.customer_id, section: "offers", statuses: ALL_STATUSES },
      input.entry_id
    )
    if (!row || row.removed_at) {
      throw notFound("offers", input.entry_id)
    }
    if (row.kind !== "loyalty_offer" || row.origin !== "distribution") {
      throw notRedeemable("Only loyalty offers are redeemed for points")
    }
    const service: CustomerMessageModuleService = container.resolve(CUSTOMER_MESSAGE_MODULE)
    const campaign = await service.retrieveCustomerCampaign(row.campaign_id)
    const now = new Date()
    if (campaignStatus(campaign, now.getTime()) !== "active") {
      throw notRedeemable("The loyalty offer is not running")
    }
    if (!campaign.points_cost || campaign.points_cost < 1 || !campaign.promotion_id) {
      throw notRedeemable("The loyalty offer has no points cost or promotion")
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [template],
    } = await query.graph({ entity: "promotion", fields: ["id", "code"], filters: { id: campaign.promotion_id } })
    if (!template) {
      throw notRedeemable("The loyalty offer's promotion no longer exists")
    }
    const expires_at = campaign.reward_valid_days
      ? new Date(now.getTime() + campaign.reward_valid_days * 24 * 60 * 60 * 1000)
      : campaign.ends_at
        ? new Date(campaign.ends_at)
        : null
    return new StepResponse({
      entry_id: row.id,
      customer_id: input.customer_id,
      campaign_id: campaign.id,
      title: campaign.title,
      points: campaign.points_cost,
      template_id: template.id,
      code: personalCode(template.code),
      expires_at,
    } as LoyaltyOfferRedemptionPlan)
  }
)

type OrderForOffers = {
  id: string
  customer_id: string | null
  created_at: string | Date
  items?: ({ adjustments?: ({ promotion_id?: string | null } | null)[] | null } | null)[] | null
  shipping_methods?: ({ adjustments?: ({ promotion_id?: string | null } | null)[] | null } | null)[] | null
}

export type OfferUse = { id: string; customer_id: string; campaign_id: string; promotion_id: string | null }

export const findOfferUsesStepId = "find-offer-uses"

/**
 * The offers a placed order used, from the promotions on its items and shipping: entries whose own
 * promotion it used (personal offers, rewards), and the customer's entries of shared offers whose
 * campaign promotion it used. Only entries not marked used yet: a second run finds nothing. Writes
 * nothing.
 */
export const findOfferUsesStep = createStep(
  findOfferUsesStepId,
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = (await query.graph({
      entity: "order",
      fields: [
        "id",
        "customer_id",
        "created_at",
        "items.adjustments.promotion_id",
        "shipping_methods.adjustments.promotion_id",
      ],
      filters: { id: input.order_id },
    })) as { data: OrderForOffers[] }
    if (!order) {
      return new StepResponse({ order_id: input.order_id, redeemed_at: null as Date | null, uses: [] as OfferUse[] })
    }
    const promotionIds = [
      ...new Set(
        [...(order.items ?? []), ...(order.shipping_methods ?? [])]
          .flatMap((line) => line?.adjustments ?? [])
          .map((a) => a?.promotion_id)
          .filter((id): id is string => !!id)
      ),
    ]
    if (!promotionIds.length) {
      return new StepResponse({ order_id: order.id, redeemed_at: null as Date | null, uses: [] as OfferUse[] })
    }
    const service: CustomerMessageModuleService = container.resolve(CUSTOMER_MESSAGE_MODULE)
    const select = ["id", "customer_id", "campaign_id", "promotion_id"]
    const personal = await service.listCustomerInboxEntries(
      { promotion_id: promotionIds, redeemed_at: null },
      { select }
    )
    let shared: typeof personal = []
    if (order.customer_id) {
      const campaigns = await service.listCustomerCampaigns(
        { promotion_id: promotionIds, kind: "offer", personal: false },
        { select: ["id"] }
      )
      if (campaigns.length) {
        shared = await service.listCustomerInboxEntries(
          {
            campaign_id: campaigns.map((c) => c.id),
            customer_id: order.customer_id,
            origin: "distribution",
            promotion_id: null,
            redeemed_at: null,
          },
          { select }
        )
      }
    }
    return new StepResponse({
      order_id: order.id,
      redeemed_at: new Date(order.created_at),
      uses: [...personal, ...shared].map((e) => ({
        id: e.id,
        customer_id: e.customer_id,
        campaign_id: (e as unknown as { campaign_id: string }).campaign_id,
        promotion_id: e.promotion_id ?? null,
      })),
    })
  }
)

export const findOfferGiveBacksStepId = "find-offer-give-backs"

/** The entries a canceled order had used (to give back). A second run finds nothing. Writes nothing. */
export const findOfferGiveBacksStep = createStep(
  findOfferGiveBacksStepId,
  async (input: { order_id: string }, { container }) => {
    const service: CustomerMessageModuleService = container.resolve(CUSTOMER_MESSAGE_MODULE)
    const entries = await service.listCustomerInboxEntries(
      { redeemed_order_id: input.order_id },
      { select: ["id", "customer_id", "campaign_id", "promotion_id", "promotion_code"] }
    )
    return new StepResponse(
      entries.map((e) => ({
        id: e.id,
        customer_id: e.customer_id,
        campaign_id: (e as unknown as { campaign_id: string }).campaign_id,
        promotion_id: e.promotion_id ?? null,
        promotion_code: e.promotion_code ?? null,
      }))
    )
  }
)

export const releasePromotionUsesStepId = "release-personal-promotion-uses"

/**
 * Gives back one use of each personal promotion (by code) an order that was canceled had used, so
 * the code works again (Medusa counts a use at order placement and does not give it back on cancel).
 * Compensation counts the uses again.
 */
export const releasePromotionUsesStep = createStep(
  releasePromotionUsesStepId,
  async (input: { codes: string[]; customer_id?: string | null }, { container }) => {
    const codes = [...new Set((input.codes ?? []).filter(Boolean))]
    if (!codes.length) {
      return new StepResponse(null, null as null | { codes: string[]; customer_id: string | null })
    }
    const promotions: IPromotionModuleService = container.resolve(Modules.PROMOTION)
    const actions = codes.map((code) => ({ action: "addShippingMethodAdjustment", code, amount: 0 }) as never)
    const context = { customer_id: input.customer_id ?? null, customer_email: null }
    await promotions.revertUsage(actions, context as never)
    return new StepResponse(null, { codes, customer_id: input.customer_id ?? null })
  },
  async (data, { container }) => {
    if (!data?.codes.length) {
      return
    }
    const promotions: IPromotionModuleService = container.resolve(Modules.PROMOTION)
    const actions = data.codes.map((code) => ({ action: "addShippingMethodAdjustment", code, amount: 0 }) as never)
    await promotions.registerUsage(actions, { customer_id: data.customer_id, customer_email: null } as never)
  }
)
