import { MedusaService } from "@medusajs/framework/utils"
import { CustomerNote } from "./models/customer-note"
import { CustomerNoteEmail } from "./models/customer-note-email"

class CustomerNoteModuleService extends MedusaService({ CustomerNote, CustomerNoteEmail }) {}

export default CustomerNoteModuleService
