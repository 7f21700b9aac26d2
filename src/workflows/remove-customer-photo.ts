import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { deleteFilesStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import {
  assertCustomerExistsStep,
  recordSystemNotesStep,
  upsertCustomerProfileStep,
} from "./steps"
import { noteEvent } from "../lib/system-notes"

export type RemoveCustomerPhotoWorkflowInput = {
  customer_id: string
  actor_id?: string | null
}

export const removeCustomerPhotoWorkflowId = "remove-customer-photo"

/**
 * Takes the photo off a customer's profile and deletes it from the file storage. Without a photo
 * it changes nothing.
 *
 * @example
 * await removeCustomerPhotoWorkflow(container).run({ input: { customer_id: "cus_123" } })
 */
export const removeCustomerPhotoWorkflow = createWorkflow(
  removeCustomerPhotoWorkflowId,
  (input: WorkflowData<RemoveCustomerPhotoWorkflowInput>) => {
    assertCustomerExistsStep(input.customer_id)

    const profile = upsertCustomerProfileStep({
      customer_id: input.customer_id,
      data: { photo_file_id: null, photo_url: null },
    })

    when({ profile }, ({ profile }) => !!profile.previous_photo_file_id).then(() => {
      recordSystemNotesStep(
        transform({ input }, ({ input }) => [
          {
            customer_id: input.customer_id,
            body: "Profile updated: photo removed",
            event: noteEvent("profile_photo_removed"),
            author_id: input.actor_id ?? null,
          },
        ])
      )
      emitEventStep({
        eventName: CrmEvents.CUSTOMER_PROFILE_UPDATED,
        data: transform({ input }, ({ input }) => ({
          customer_id: input.customer_id,
          fields: ["photo"],
        })),
      })
      deleteFilesStep(
        transform({ profile }, ({ profile }) => [profile.previous_photo_file_id as string])
      )
    })

    return new WorkflowResponse({ id: profile.id })
  }
)
