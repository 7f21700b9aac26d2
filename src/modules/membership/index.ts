import { Module } from "@medusajs/framework/utils"
import MembershipModuleService from "./service"

export const MEMBERSHIP_MODULE = "membership"

export default Module(MEMBERSHIP_MODULE, {
  service: MembershipModuleService,
})

export { DURATION_UNITS } from "./models/membership-plan"
export type { DurationUnit } from "./models/membership-plan"
export { MEMBERSHIP_SOURCES, MEMBERSHIP_STATUSES } from "./models/membership"
export type { MembershipSource, MembershipStatus } from "./models/membership"
export { MEMBERSHIP_ACTOR_TYPES, MEMBERSHIP_EVENT_TYPES } from "./models/membership-event"
export type { MembershipActorType, MembershipEventType } from "./models/membership-event"
export type { default as MembershipModuleService } from "./service"
