import type { CreateNotificationDTO, INotificationModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { crmError } from "../../lib/errors"
import { NoteErrorCodes } from "../../types/http/notes"

export const sendNoteEmailStepId = "send-note-email"

/**
 * Sends one e-mail through Medusa's notification module. When no provider handles the `email`
 * channel the merchant gets a 400 that says what to configure, not the module's "not found".
 * No compensation: a sent e-mail cannot be called back, so the workflow sends it last but one.
 */
export const sendNoteEmailStep = createStep(
  sendNoteEmailStepId,
  async (notification: CreateNotificationDTO, { container }) => {
    const service: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
    try {
      const created = await service.createNotifications(notification)
      return new StepResponse(created)
    } catch (e) {
      if (/notification provider/i.test((e as Error).message)) {
        throw crmError(
          MedusaError.Types.INVALID_DATA, NoteErrorCodes.EMAIL_PROVIDER_MISSING,
          "No notification provider sends e-mail: configure one for the `email` channel in the notification module"
        )
      }
      throw e
    }
  }
)
