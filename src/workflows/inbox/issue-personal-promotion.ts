import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { inboxEntryLockKey } from "../../lib/messages/personal-promotions"
import {
  createPersonalPromotionsStep,
  preparePersonalPromotionStep,
  updateInboxEntriesStep,
} from "./steps"

export type IssuePersonalPromotionWorkflowInput = { entry_id: string }

export const issuePersonalPromotionWorkflowId = "issue-personal-promotion"

/**
 * Gives a personal offer's inbox entry its own promotion and code: a copy of the campaign's
 * promotion with a rule on the customer and `limit` 1 (see `personalPromotionData`). Runs the first
 * time the customer's storefront lists or opens the offer, under the entry's lock; an entry that has
 * its code already (or cannot be used any more) is left as it is, so running it twice issues one
 * code. Any failure deletes the promotion again.
 *
 * @example
 * await issuePersonalPromotionWorkflow(container).run({ input: { entry_id: "cinb_123" } })
 */
export const issuePersonalPromotionWorkflow = createWorkflow(
  issuePersonalPromotionWorkflowId,
  (input: WorkflowData<IssuePersonalPromotionWorkflowInput>) => {
    const key = transform({ input }, ({ input }) => inboxEntryLockKey(input.entry_id))
    acquireLockStep({ key, timeout: 15, ttl: 60 })
    const plan = preparePersonalPromotionStep(input)
    const issued = when("issue-personal-promotion-when-needed", { plan }, ({ plan }) => !!plan).then(() => {
      const promotions = createPersonalPromotionsStep(transform({ plan }, ({ plan }) => [plan!]))
      updateInboxEntriesStep(
        transform({ plan, promotions }, ({ plan, promotions }) => [
          { id: plan!.entry_id, promotion_id: promotions[0].id, promotion_code: promotions[0].code },
        ])
      )
      return promotions
    })
    releaseLockStep({ key })
    return new WorkflowResponse(
      transform({ issued }, ({ issued }) => (issued?.length ? issued[0] : null))
    )
  }
)
