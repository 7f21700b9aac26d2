import type { CreateNotificationDTO, INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveLivePurposes } from "../../lib/consents"
import { crmError } from "../../lib/errors"
import { CrmEvents } from "../../lib/events"
import { segmentFilter } from "../../lib/messages/audience"
import { campaignStatus, loadCampaign, type CampaignRow } from "../../lib/messages/campaigns"
import {
  CAMPAIGN_EMAIL_TEMPLATE,
  campaignEmailContent,
  campaignEmails,
  claimEmailEntries,
  type DistributableCampaign,
  insertEntries,
  loadRunningCampaign,
  missingRecipients,
  releaseEmailEntries,
  removePassEntries,
} from "../../lib/messages/distribute"
import { selectRows } from "../../lib/queries/sql"
import { CUSTOMER_MESSAGE_MODULE, type CustomerMessageModuleService } from "../../modules/customer-message"
import {
  type AdminCreateCampaign,
  type CampaignAudience,
  type CampaignKind,
  MessageErrorCodes,
} from "../../types/http/messages"
import { PrivacyErrorCodes } from "../../types/http/privacy"

type Resolver = { resolve: <T>(key: string) => T }

const messages = (container: Resolver) => container.resolve<CustomerMessageModuleService>(CUSTOMER_MESSAGE_MODULE)

/** The fields a create or update writes (dates as ISO strings or Dates). */
export type CampaignData = Omit<Partial<AdminCreateCampaign>, "starts_at" | "ends_at"> & {
  starts_at?: string | Date
  ends_at?: string | Date | null
  created_by?: string | null
}

const invalid = (message: string) => crmError(MedusaError.Types.INVALID_DATA, MessageErrorCodes.INVALID_DATA, message)

/** The fields compared to tell whether an update changes them (the rest are plain values). */
const DATE_FIELDS = new Set(["starts_at", "ends_at"])
const sameValue = (key: string, a: unknown, b: unknown) => {
  if (DATE_FIELDS.has(key)) {
    return (a ? new Date(a as string).getTime() : null) === (b ? new Date(b as string).getTime() : null)
  }
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

export type ValidateCampaignStepInput = {
  action: "create" | "update" | "end" | "delete"
  id?: string
  data?: CampaignData
}

export type ValidatedCampaign = {
  previous: CampaignRow | null
  /** What to write: the changed fields (update) or every field (create), dates filled in. */
  data: CampaignData
}

export const validateCampaignStepId = "validate-customer-campaign"

/**
 * Checks what a campaign write may do, reading only:
 * - the campaign exists (404 `campaign_not_found`); ended: nothing changes (409 `campaign_ended`);
 *   started: only `ends_at` changes (409 `campaign_started`), and it is deleted only before it starts;
 * - on the result of the write: `ends_at` after `starts_at`; offers and loyalty offers name a
 *   promotion (400 `invalid_data`) that exists (400 `promotion_not_found`) and is used with a code,
 *   not automatically (400 `promotion_not_usable`); loyalty offers cost a whole number of points
 *   (at least 1); fields of another kind stay empty; the audience's segment exists (400
 *   `audience_segment_not_found`) and the e-mail consent purpose exists.
 */
export const validateCampaignStep = createStep(
  validateCampaignStepId,
  async (input: ValidateCampaignStepInput, { container }) => {
    const previous = input.id ? await loadCampaign(container, input.id) : null
    const status = previous ? campaignStatus(previous) : null
    const data: CampaignData = Object.fromEntries(
      Object.entries(input.data ?? {}).filter(([, v]) => v !== undefined)
    ) as CampaignData

    if (input.action === "delete") {
      if (previous && new Date(previous.starts_at).getTime() <= Date.now()) {
        throw crmError(
          MedusaError.Types.CONFLICT,
          MessageErrorCodes.CAMPAIGN_STARTED,
          `Campaign ${previous.id} has started: it can be ended, not deleted`
        )
      }
      return new StepResponse<ValidatedCampaign>({ previous, data: {} })
    }
    if (input.action === "end") {
      if (status === "ended") {
        throw crmError(MedusaError.Types.CONFLICT, MessageErrorCodes.CAMPAIGN_ENDED, `Campaign ${previous!.id} has already ended`)
      }
      return new StepResponse<ValidatedCampaign>({ previous, data: {} })
    }

    if (input.action === "create") {
      data.starts_at = data.starts_at ?? new Date()
    } else if (previous) {
      if (status === "ended") {
        throw crmError(MedusaError.Types.CONFLICT, MessageErrorCodes.CAMPAIGN_ENDED, `Campaign ${previous.id} has ended: it can no longer change`)
      }
      // Only what changes is written (the admin may send the whole form back).
      for (const key of Object.keys(data)) {
        if (sameValue(key, data[key as keyof CampaignData], previous[key as keyof CampaignRow])) {
          delete data[key as keyof CampaignData]
        }
      }
      if (status === "active") {
        const others = Object.keys(data).filter((k) => k !== "ends_at")
        if (others.length) {
          throw crmError(
            MedusaError.Types.CONFLICT,
            MessageErrorCodes.CAMPAIGN_STARTED,
            `Campaign ${previous.id} has started: only ends_at can change (not ${others.join(", ")})`
          )
        }
      }
    }

    // The campaign as it will be.
    const next = { ...(previous ?? {}), ...data } as CampaignRow & CampaignData
    const kind = next.kind as CampaignKind
    const startsAt = new Date(next.starts_at as string).getTime()
    if (next.ends_at && new Date(next.ends_at as string).getTime() <= startsAt) {
      throw invalid("ends_at: must be after starts_at")
    }
    if (kind === "message") {
      if (next.promotion_id) throw invalid("promotion_id: only offers and loyalty offers have a promotion")
      if (next.personal) throw invalid("personal: only offers can be personal")
    }
    if (kind !== "loyalty_offer") {
      if (next.points_cost !== null && next.points_cost !== undefined) throw invalid("points_cost: only loyalty offers cost points")
      if (next.reward_valid_days !== null && next.reward_valid_days !== undefined) {
        throw invalid("reward_valid_days: only loyalty offers have rewards")
      }
    }
    if (kind === "loyalty_offer") {
      if (next.personal) throw invalid("personal: a loyalty offer's rewards are always personal; leave personal out")
      if (!Number.isInteger(next.points_cost) || (next.points_cost as number) < 1) {
        throw invalid("points_cost: a loyalty offer costs a whole number of points, at least 1")
      }
    }
    if (kind !== "message") {
      if (!next.promotion_id) {
        throw invalid(`promotion_id: ${kind === "offer" ? "an offer" : "a loyalty offer"} needs a promotion`)
      }
      if (data.promotion_id) {
        const [promotion] = await container
          .resolve(Modules.PROMOTION)
          .listPromotions({ id: [data.promotion_id] }, { select: ["id", "code", "is_automatic"] })
        if (!promotion) {
          throw crmError(
            MedusaError.Types.INVALID_DATA,
            MessageErrorCodes.PROMOTION_NOT_FOUND,
            `promotion_id: promotion ${data.promotion_id} does not exist`
          )
        }
        if (promotion.is_automatic || !promotion.code) {
          throw crmError(
            MedusaError.Types.INVALID_DATA,
            MessageErrorCodes.PROMOTION_NOT_USABLE,
            `promotion_id: promotion ${data.promotion_id} ${promotion.is_automatic ? "applies automatically" : "has no code"}; an offer needs a promotion used with a code`
          )
        }
      }
    }
    const audience = data.audience as CampaignAudience | undefined
    if (audience?.type === "segment") {
      await segmentFilter(container, audience.segment_id)
    }
    if (data.email_consent) {
      // The privacy module's own check (unknown or archived handles), answered in this route's terms.
      await resolveLivePurposes(container as unknown as MedusaContainer, { handles: [data.email_consent] }).catch(
        (e: MedusaError) => {
          throw e.code === PrivacyErrorCodes.PURPOSE_NOT_FOUND
            ? invalid(`email_consent: consent purpose ${data.email_consent} does not exist or is archived`)
            : e
        }
      )
    }
    return new StepResponse<ValidatedCampaign>({ previous, data })
  }
)

export const createCampaignStepId = "create-customer-campaign"

/** Creates the campaign. Compensation deletes it. */
export const createCampaignStep = createStep(
  createCampaignStepId,
  async (data: CampaignData, { container }) => {
    const created = await messages(container).createCustomerCampaigns({
      kind: data.kind as CampaignKind,
      title: data.title as string,
      short_description: data.short_description as string,
      body: data.body ?? null,
      body_format: data.body_format ?? "text",
      image_url: data.image_url ?? null,
      starts_at: new Date(data.starts_at as string),
      ends_at: data.ends_at ? new Date(data.ends_at) : null,
      audience: data.audience as unknown as Record<string, unknown>,
      send_email: !!data.send_email,
      email_consent: data.email_consent ?? null,
      promotion_id: data.promotion_id ?? null,
      personal: !!data.personal,
      points_cost: data.points_cost ?? null,
      reward_valid_days: data.reward_valid_days ?? null,
      created_by: data.created_by ?? null,
    })
    return new StepResponse(
      { id: created.id, started: new Date(created.starts_at).getTime() <= Date.now() },
      created.id
    )
  },
  async (id, { container }) => {
    if (id) {
      await messages(container).deleteCustomerCampaigns([id])
    }
  }
)

const dated = (data: CampaignData) => ({
  ...data,
  ...(data.starts_at ? { starts_at: new Date(data.starts_at) } : {}),
  ...(data.ends_at !== undefined ? { ends_at: data.ends_at ? new Date(data.ends_at) : null } : {}),
})

export const updateCampaignStepId = "update-customer-campaign"

/** Writes a campaign's changed fields. Compensation writes the previous values back. */
export const updateCampaignStep = createStep(
  updateCampaignStepId,
  async (input: { id: string; data: CampaignData; previous: CampaignRow }, { container }) => {
    const keys = Object.keys(input.data).filter((k) => k !== "created_by")
    const before = Object.fromEntries(keys.map((k) => [k, input.previous[k as keyof CampaignRow] ?? null]))
    if (keys.length) {
      const data = Object.fromEntries(Object.entries(dated(input.data)).filter(([k]) => keys.includes(k)))
      await messages(container).updateCustomerCampaigns({ id: input.id, ...data } as any)
    }
    const startsAt = (input.data.starts_at ?? input.previous.starts_at) as string
    return new StepResponse({ id: input.id, started: new Date(startsAt).getTime() <= Date.now() }, { id: input.id, before })
  },
  async (undo, { container }) => {
    if (undo && Object.keys(undo.before).length) {
      await messages(container).updateCustomerCampaigns({ id: undo.id, ...undo.before } as any)
    }
  }
)

export const endCampaignStepId = "end-customer-campaign"

/** Ends a campaign now (`ended_at`). Compensation clears it again. */
export const endCampaignStep = createStep(
  endCampaignStepId,
  async (input: { id: string }, { container }) => {
    await messages(container).updateCustomerCampaigns({ id: input.id, ended_at: new Date() })
    return new StepResponse(input.id, input.id)
  },
  async (id, { container }) => {
    if (id) {
      await messages(container).updateCustomerCampaigns({ id, ended_at: null })
    }
  }
)

export const deleteCampaignStepId = "delete-customer-campaign"

/** Deletes a campaign softly. Compensation restores it. */
export const deleteCampaignStep = createStep(
  deleteCampaignStepId,
  async (input: { id: string }, { container }) => {
    await messages(container).softDeleteCustomerCampaigns([input.id])
    return new StepResponse(input.id, input.id)
  },
  async (id, { container }) => {
    if (id) {
      await messages(container).restoreCustomerCampaigns([id])
    }
  }
)

// ---------------------------------------------------------------------------------------------
// Distribution

export const loadRunningCampaignStepId = "load-running-customer-campaign"

/** The campaign to distribute, or null when it does not distribute now (not started, ended, deleted). */
export const loadRunningCampaignStep = createStep(
  loadRunningCampaignStepId,
  async (input: { id: string }, { container }) => {
    return new StepResponse(await loadRunningCampaign(container, input.id))
  }
)

export type DistributedEntries = { added: number; at: string | null }
/** A pass's campaign and mark (`distributed_at` of its entries). */
type PassMark = { id: string; at: string }

export const insertCampaignEntriesStepId = "insert-customer-campaign-entries"

/**
 * Puts an entry into the inbox of each recipient who has none yet (set-based, see
 * `src/lib/messages/distribute.ts`). Compensation removes the entries this pass put in.
 */
export const insertCampaignEntriesStep = createStep(
  insertCampaignEntriesStepId,
  async (input: { campaign: DistributableCampaign | null }, { container }) => {
    if (!input.campaign) {
      return new StepResponse<DistributedEntries, PassMark | null>({ added: 0, at: null }, null)
    }
    const at = new Date()
    const missing = await missingRecipients(container, input.campaign)
    try {
      const added = missing.length ? await insertEntries(container, input.campaign, missing, at) : 0
      return new StepResponse<DistributedEntries, PassMark | null>(
        { added, at: at.toISOString() },
        { id: input.campaign.id, at: at.toISOString() }
      )
    } catch (e) {
      // Batches that went in before the failure go out again before it is passed on.
      await removePassEntries(container, input.campaign.id, at.toISOString())
      throw e
    }
  },
  async (pass: PassMark | null | undefined, { container }) => {
    if (pass) {
      await removePassEntries(container, pass.id, pass.at)
    }
  }
)

export const markCampaignDistributedStepId = "mark-customer-campaign-distributed"

/** Records when distribution first and last ran. Compensation puts the previous times back. */
export const markCampaignDistributedStep = createStep(
  markCampaignDistributedStepId,
  async (input: { id: string | null; at: string | null }, { container }) => {
    if (!input.id || !input.at) {
      return new StepResponse(null, null)
    }
    const [before] = await selectRows(
      container,
      `SELECT distributed_at, last_distributed_at FROM customer_campaign WHERE id = :id`,
      { id: input.id }
    )
    await selectRows(
      container,
      `UPDATE customer_campaign SET distributed_at = COALESCE(distributed_at, :at), last_distributed_at = :at, updated_at = now()
        WHERE id = :id`,
      { id: input.id, at: input.at }
    )
    return new StepResponse(null, {
      id: input.id,
      distributed_at: before?.distributed_at ?? null,
      last_distributed_at: before?.last_distributed_at ?? null,
    })
  },
  async (undo, { container }) => {
    if (undo) {
      await selectRows(
        container,
        `UPDATE customer_campaign SET distributed_at = :d, last_distributed_at = :l WHERE id = :id`,
        { id: undo.id, d: undo.distributed_at, l: undo.last_distributed_at }
      )
    }
  }
)

export const emailCampaignEntriesStepId = "email-customer-campaign-entries"

/**
 * E-mails the campaign's recipients not e-mailed yet, through Medusa's notification module
 * (channel `email`, template `crm-campaign-message`; the text in `content`, `data` holds the
 * campaign and entry ids only), in batches. Each entry is claimed first (`emailed_at`), so two
 * passes never e-mail one entry twice; the notification's idempotency key (campaign and customer)
 * guards a retry too. A batch the provider refuses is given back (no `emailed_at`) and the next pass
 * retries it; distribution itself stands. No compensation: a sent e-mail cannot be called back.
 */
export const emailCampaignEntriesStep = createStep(
  emailCampaignEntriesStepId,
  async (input: { campaign: DistributableCampaign | null }, { container }) => {
    const campaign = input.campaign
    if (!campaign?.send_email) {
      return new StepResponse({ emailed: 0 })
    }
    const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
    let emailed = 0
    for (;;) {
      const claimed = await claimEmailEntries(container, campaign)
      if (!claimed.length) {
        break
      }
      try {
        const mails = await campaignEmails(container, claimed)
        await notifications.createNotifications(
          mails.map(
            (mail): CreateNotificationDTO => ({
              to: mail.to,
              channel: "email",
              template: CAMPAIGN_EMAIL_TEMPLATE,
              content: campaignEmailContent(mail),
              data: { campaign_id: mail.campaign_id, entry_id: mail.entry_id },
              trigger_type: CrmEvents.CAMPAIGN_DISTRIBUTED,
              resource_id: mail.entry_id,
              resource_type: "customer_inbox_entry",
              receiver_id: mail.customer_id,
              idempotency_key: `${CAMPAIGN_EMAIL_TEMPLATE}:${mail.campaign_id}:${mail.customer_id}`,
            })
          )
        )
        emailed += claimed.length
      } catch (e) {
        await releaseEmailEntries(container, claimed)
        ;(container as unknown as MedusaContainer)
          .resolve(ContainerRegistrationKeys.LOGGER)
          .warn(`medusa-crm: e-mails of campaign ${campaign.id} failed; the next distribution pass retries them`)
        break
      }
    }
    return new StepResponse({ emailed })
  }
)
