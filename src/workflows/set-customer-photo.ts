import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  deleteFilesStep,
  emitEventStep,
  uploadFilesStep,
} from "@medusajs/medusa/core-flows"
import { CrmEvents } from "../lib/events"
import {
  assertCustomerExistsStep,
  recordSystemNotesStep,
  upsertCustomerProfileStep,
  validateCustomerPhotoStep,
} from "./steps"
import { noteEvent } from "../lib/system-notes"

export type SetCustomerPhotoWorkflowInput = {
  customer_id: string
  /** The uploaded file's name: not used for storage (the stored name is generated). */
  filename?: string
  /** Must match the type read from the bytes: JPEG, PNG or WebP. */
  mime_type: string
  /** The image, base64 encoded. */
  content: string
  actor_id?: string | null
}

export const setCustomerPhotoWorkflowId = "set-customer-photo"

/**
 * Uploads a customer's photo through Medusa's file module and puts it on their profile; the photo
 * it replaces is deleted from the file storage. A failed save deletes the upload again. Only JPEG,
 * PNG and WebP, checked on the bytes; the file is stored under a generated name with the extension
 * of the type read from the bytes, never under the uploaded name.
 *
 * @example
 * await setCustomerPhotoWorkflow(container).run({
 *   input: { customer_id: "cus_123", filename: "me.png", mime_type: "image/png", content: base64 },
 * })
 */
export const setCustomerPhotoWorkflow = createWorkflow(
  setCustomerPhotoWorkflowId,
  (input: WorkflowData<SetCustomerPhotoWorkflowInput>) => {
    assertCustomerExistsStep(input.customer_id)
    const photo = validateCustomerPhotoStep({ mime_type: input.mime_type, content: input.content })

    const files = uploadFilesStep(
      transform({ input, photo }, ({ input, photo }) => ({
        files: [
          {
            filename: photo.filename,
            mimeType: photo.mime_type,
            content: input.content,
            access: "public" as const,
          },
        ],
      }))
    )

    const profile = upsertCustomerProfileStep(
      transform({ input, files }, ({ input, files }) => ({
        customer_id: input.customer_id,
        data: { photo_file_id: files[0].id, photo_url: files[0].url },
      }))
    )

    recordSystemNotesStep(
      transform({ input }, ({ input }) => [
        {
          customer_id: input.customer_id,
          body: "Profile updated: photo",
          event: noteEvent("profile_updated", { fields: ["photo"] }),
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

    // Last, because a deleted file cannot be restored by a compensation.
    when({ profile }, ({ profile }) => !!profile.previous_photo_file_id).then(() => {
      deleteFilesStep(
        transform({ profile }, ({ profile }) => [profile.previous_photo_file_id as string])
      )
    })

    return new WorkflowResponse({ id: profile.id })
  }
)
