import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_NOTE_MODULE } from "../../modules/customer-note"
import type CustomerNoteModuleService from "../../modules/customer-note/service"
import type { SystemNoteEvent } from "../../types/http/notes"

export type SystemNote = {
  customer_id: string
  /** What happened, in one line of English: "Tag staff added" (search text, and older readers' fallback). */
  body: string
  /** The same as data, which the admin renders in the reader's language: `{ key: "tag_added", values: { tag: "staff" } }`. */
  event?: SystemNoteEvent | null
  /** The admin user who caused it, when a person did. */
  author_id?: string | null
}

export const recordSystemNotesStepId = "record-system-notes"

/**
 * Writes system notes on customers' timelines: the one line a workflow adds to record what it
 * did to a customer. Empty input writes nothing. Compensation deletes the notes again.
 *
 * @example
 * recordSystemNotesStep(
 *   transform({ input }, ({ input }) => [{ customer_id: input.customer_id, body: "Tag staff added", event: { key: "tag_added", values: { tag: "staff" } } }])
 * )
 */
export const recordSystemNotesStep = createStep(
  recordSystemNotesStepId,
  async (notes: SystemNote[], { container }) => {
    if (!notes?.length) {
      return new StepResponse([] as string[], [] as string[])
    }
    const service: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
    const created = await service.createCustomerNotes(
      notes.map((note) => ({
        customer_id: note.customer_id,
        body: note.body,
        event: note.event ?? null,
        author_id: note.author_id ?? null,
        kind: "system" as const,
        pinned: false,
      }))
    )
    const ids = created.map((note) => note.id)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: CustomerNoteModuleService = container.resolve(CUSTOMER_NOTE_MODULE)
    await service.deleteCustomerNotes(ids)
  }
)
