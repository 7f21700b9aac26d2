import type { CustomerDataContext, CustomerDataHandler } from "../types"
import { countOf, customersAsPerson, personValues, placeholderEmailSql, run, type PersonValues } from "./shared"

/** Rule values that name the person: one of their record ids, e-mails or phones. */
const PERSON_RULE_VALUES = `SELECT id FROM promotion_rule_value
   WHERE value = any(:customer_ids) OR lower(value) = any(:emails) OR value = any(:phones)`

/**
 * Rule values that name the person go. A rule left without values matches nobody (Medusa's
 * promotion module refuses a rule with no values), so a promotion meant for this one customer is
 * closed rather than opened to everyone.
 */
async function removeRuleValues(ctx: CustomerDataContext, values: PersonValues) {
  await run(ctx, `DELETE FROM promotion_rule_value WHERE id IN (${PERSON_RULE_VALUES})`, values)
}

/** Medusa's promotion module: promotion rules and campaign budgets that name the customer. */
export const medusaPromotionHandler: CustomerDataHandler = {
  name: "medusa-promotion",
  owner: "medusa",
  claims: [
    {
      table: "promotion_rule_value",
      columns: ["value"],
      holds: "promotion rules limited to the customer (customer.id or customer.email in …)",
    },
    {
      table: "promotion_campaign_budget_usage",
      columns: ["attribute_value"],
      holds: "per-customer campaign budget use, keyed by the customer's id or e-mail",
    },
  ],

  async count(ctx, customerIds) {
    return countOf(
      await run(ctx, `SELECT count(*) AS n FROM (${PERSON_RULE_VALUES}) x`, await customersAsPerson(ctx, customerIds))
    )
  },

  async list(ctx, customerIds) {
    const rows = await run(ctx, PERSON_RULE_VALUES, await customersAsPerson(ctx, customerIds))
    return rows.map((r) => ({ kind: "promotion_rule_value", id: String(r.id), customer_id: customerIds[0] }))
  },

  async export(ctx, person) {
    const promotions = await run(
      ctx,
      `SELECT DISTINCT p.id, p.code
         FROM promotion_rule_value v
         JOIN promotion_promotion_rule ppr ON ppr.promotion_rule_id = v.promotion_rule_id
         JOIN promotion p ON p.id = ppr.promotion_id
        WHERE v.id IN (${PERSON_RULE_VALUES})`,
      personValues(person)
    )
    return { personal_promotions: promotions }
  },

  /**
   * Rule values naming the person go; a campaign budget's use keyed by their e-mail keeps its count
   * under a placeholder (keyed by a record id, it stays, as orders do).
   */
  async anonymize(ctx, person) {
    const values = personValues(person)
    await removeRuleValues(ctx, values)
    await run(
      ctx,
      `UPDATE promotion_campaign_budget_usage SET attribute_value = ${placeholderEmailSql("id")}
        WHERE lower(attribute_value) = any(:emails) OR attribute_value = any(:phones)`,
      values
    )
  },

  async delete(ctx, customerIds) {
    const values = await customersAsPerson(ctx, customerIds)
    await removeRuleValues(ctx, values)
    await run(
      ctx,
      `DELETE FROM promotion_campaign_budget_usage
        WHERE attribute_value = any(:customer_ids) OR lower(attribute_value) = any(:emails) OR attribute_value = any(:phones)`,
      values
    )
  },
}
