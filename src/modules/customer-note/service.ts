import { MedusaService } from "@medusajs/framework/utils"
import { CustomerNote } from "./models/customer-note"

class CustomerNoteModuleService extends MedusaService({ CustomerNote }) {}

export default CustomerNoteModuleService
