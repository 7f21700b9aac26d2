import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { anonymizeWithHandlers, inCustomerDataTransaction } from "../lib/customer-data"
import { personOfRecords } from "../lib/erasure-log"
import { crmError } from "../lib/errors"
import { selectRows } from "../lib/queries/sql"

// Stand-in for the privacy module's anonymizeCustomerWorkflow until it lands: the same input.
const anonymizeStandInStep = createStep(
  "anonymize-customer-stand-in",
  async (input: { customer_id: string; source: string; actor_id?: string | null }, { container }) => {
    await inCustomerDataTransaction(container, async (ctx) => {
      const [hold] = await selectRows(ctx.sql, `SELECT 1 FROM privacy_legal_hold WHERE customer_id = :id AND deleted_at IS NULL`, { id: input.customer_id })
      if (hold) {
        throw crmError(MedusaError.Types.CONFLICT, "anonymize_refused", "The customer is on legal hold")
      }
      await anonymizeWithHandlers(ctx, await personOfRecords(ctx.sql, [input.customer_id]))
      await selectRows(
        ctx.sql,
        `INSERT INTO privacy_erasure (id, customer_id, kind, erased_at) VALUES (:id, :customer_id, 'anonymized', now())`,
        { id: `perase_${Date.now()}${Math.random().toString(36).slice(2, 8)}`, customer_id: input.customer_id }
      )
    })
    return new StepResponse({ customer_id: input.customer_id })
  }
)

export const anonymizeCustomerWorkflow = createWorkflow(
  "anonymize-customer-stand-in",
  (input: WorkflowData<{ customer_id: string; source: "admin" | "store" | "retention" | "api"; actor_id?: string | null }>) =>
    new WorkflowResponse(anonymizeStandInStep(input))
)
