import type {
  CreatePromotionDTO,
  CreatePromotionRuleDTO,
  IPromotionModuleService,
  MedusaContainer,
  PromotionDTO,
  PromotionRuleDTO,
} from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { crmError } from "../errors"
import { selectRows, type SqlSource } from "../queries/sql"
import { MessageErrorCodes } from "../../types/http/messages"
import { ENTRY_STATUS_SQL } from "./inbox"

/**
 * Personal promotions: a personal offer's entry, and every reward bought with points, gets a
 * promotion of its own, copied from the campaign's promotion (the template) so the discount stays
 * Medusa's, plus a rule `customer.id eq <customer>` (nobody else's cart takes it) and `limit` 1
 * (Medusa counts a use when an order is placed and refuses the code once it is used).
 */

/** The lock every change of one inbox entry takes (read, removal, issuing its code). */
export const inboxEntryLockKey = (entryId: string) => `medusa-crm:inbox-entry:${entryId}`

/** The relations a template is copied with. */
const TEMPLATE_RELATIONS = [
  "application_method",
  "application_method.target_rules",
  "application_method.target_rules.values",
  "application_method.buy_rules",
  "application_method.buy_rules.values",
  "rules",
  "rules.values",
]

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

/** An unguessable code that starts like the template's: `SUMMER10-7KQ2M8ZP`. */
export function personalCode(templateCode: string | null | undefined) {
  const prefix = (templateCode ?? "OFFER").toUpperCase().replace(/[^A-Z0-9]+/g, "").slice(0, 20) || "OFFER"
  const random = Array.from(crypto.getRandomValues(new Uint8Array(10)))
    .map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length])
    .join("")
  return `${prefix}-${random}`
}

const copyRules = (rules: PromotionRuleDTO[] | undefined): CreatePromotionRuleDTO[] =>
  (rules ?? []).map((rule) => ({
    attribute: rule.attribute!,
    operator: rule.operator!,
    values: (rule.values ?? []).map((v) => v.value as string),
    ...(rule.description ? { description: rule.description } : {}),
  }))

/** The campaign's promotion with everything a copy needs; 400 `promotion_not_found` when it is gone. */
export async function loadPromotionTemplate(container: MedusaContainer, promotionId: string) {
  const promotions: IPromotionModuleService = container.resolve(Modules.PROMOTION)
  const [template] = await promotions.listPromotions({ id: [promotionId] }, { relations: TEMPLATE_RELATIONS })
  if (!template?.application_method) {
    throw crmError(
      MedusaError.Types.NOT_ALLOWED,
      MessageErrorCodes.PROMOTION_NOT_FOUND,
      `The offer's promotion ${promotionId} no longer exists`
    )
  }
  return template
}

/**
 * A copy of the template for one customer: the same type, application method (with its target and
 * buy rules), rules, tax inclusion and Medusa campaign (its dates and budget), plus the customer
 * rule, `limit` 1, a new code, and status active (the template itself may stay a draft, so that only
 * the personal codes work). Never automatic.
 */
export function personalPromotionData(
  template: PromotionDTO,
  input: { customer_id: string; code: string; entry_id?: string }
): CreatePromotionDTO {
  const method = template.application_method!
  return {
    code: input.code,
    type: template.type!,
    status: "active",
    is_automatic: false,
    is_tax_inclusive: !!template.is_tax_inclusive,
    limit: 1,
    ...(template.campaign_id ? { campaign_id: template.campaign_id } : {}),
    application_method: {
      type: method.type!,
      target_type: method.target_type!,
      ...(method.allocation ? { allocation: method.allocation } : {}),
      ...(method.value !== undefined && method.value !== null ? { value: Number(method.value) } : {}),
      ...(method.currency_code ? { currency_code: method.currency_code } : {}),
      ...(method.max_quantity != null ? { max_quantity: Number(method.max_quantity) } : {}),
      ...(method.apply_to_quantity != null ? { apply_to_quantity: Number(method.apply_to_quantity) } : {}),
      ...(method.buy_rules_min_quantity != null
        ? { buy_rules_min_quantity: Number(method.buy_rules_min_quantity) }
        : {}),
      ...(method.target_rules?.length ? { target_rules: copyRules(method.target_rules) } : {}),
      ...(method.buy_rules?.length ? { buy_rules: copyRules(method.buy_rules) } : {}),
    },
    rules: [
      ...copyRules(template.rules),
      { attribute: "customer.id", operator: "eq", values: [input.customer_id] },
    ],
    metadata: { medusa_crm_personal: true, template_id: template.id, ...(input.entry_id ? { entry_id: input.entry_id } : {}) },
  }
}

/**
 * The customer's personal offers still without a code (issued lazily, the first time the storefront
 * lists or opens them: never for a whole audience at distribution). Only usable ones (new, read).
 */
const PENDING_CODES_SQL = `
  select e.id from customer_inbox_entry e
  join customer_campaign c on c.id = e.campaign_id and c.deleted_at is null
  where e.deleted_at is null and e.customer_id = :customer_id and e.kind = 'offer'
    and e.origin = 'distribution' and c.personal and c.promotion_id is not null
    and e.promotion_id is null and ${ENTRY_STATUS_SQL} in ('new', 'read')
    and (:id::text is null or e.id = :id)
  order by e.distributed_at desc, e.id
  limit 100`

export async function entriesAwaitingCodes(source: SqlSource, customerId: string, entryId: string | null = null) {
  const rows = await selectRows(source, PENDING_CODES_SQL, { customer_id: customerId, id: entryId, now: new Date() })
  return rows.map((r) => r.id as string)
}

/**
 * Entries whose own promotion is still active though the entry can no longer be used: removed by
 * staff, or expired (campaign ended, reward past its end). Reads the promotion table (Medusa's
 * promotion module, same database), so a run only meets what is left to do: deactivated promotions
 * drop out, which makes the job resumable. Oldest entry ids first, a page at a time.
 */
const STALE_PROMOTIONS_SQL = `
  select e.id, e.promotion_id from customer_inbox_entry e
  join customer_campaign c on c.id = e.campaign_id
  join promotion p on p.id = e.promotion_id and p.deleted_at is null and p.status = 'active'
  where e.deleted_at is null and e.promotion_id is not null
    and ${ENTRY_STATUS_SQL} in ('removed', 'expired')
  order by e.id
  limit :limit`

export async function stalePersonalPromotions(source: SqlSource, limit: number, now = new Date()) {
  const rows = await selectRows(source, STALE_PROMOTIONS_SQL, { limit, now })
  return rows.map((r) => ({ entry_id: r.id as string, promotion_id: r.promotion_id as string }))
}
