import { Module } from "@medusajs/framework/utils"
import CustomerNoteModuleService from "./service"

export const CUSTOMER_NOTE_MODULE = "customer_note"

export default Module(CUSTOMER_NOTE_MODULE, {
  service: CustomerNoteModuleService,
})

export { CUSTOMER_NOTE_KINDS } from "./models/customer-note"
export type { CustomerNoteKind } from "./models/customer-note"
export type { default as CustomerNoteModuleService } from "./service"
