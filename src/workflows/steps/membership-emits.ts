import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MembershipChange } from "./membership-change"

export const emitMembershipEventsStepId = "emit-membership-events"

/**
 * Emits one event per kind of membership change, each once per membership it is about: an order
 * that buys one membership and renews another emits both `crm.membership.created` and
 * `crm.membership.renewed`. Like Medusa's `emitEventStep`, the events are held in the workflow's event
 * group and go out only when the workflow succeeds; compensation drops them.
 */
export const emitMembershipEventsStep = createStep(
  emitMembershipEventsStepId,
  async (events: MembershipChange["emit"], { container, eventGroupId }) => {
    const messages = (events ?? []).flatMap((event) =>
      event.data.map((data) => ({
        name: event.name,
        data,
        metadata: eventGroupId ? { eventGroupId } : {},
      }))
    )
    if (!messages.length) {
      return new StepResponse(undefined)
    }
    await container.resolve(Modules.EVENT_BUS).emit(messages)
    return new StepResponse(undefined, { eventGroupId, eventNames: [...new Set(messages.map((m) => m.name))] })
  },
  async (emitted, { container }) => {
    if (!emitted?.eventGroupId) {
      return
    }
    await container
      .resolve(Modules.EVENT_BUS)
      .clearGroupedEvents(emitted.eventGroupId, { eventNames: emitted.eventNames })
  }
)
