import { MedusaService } from "@medusajs/framework/utils"
import { CustomerTag } from "./models/customer-tag"
import { CustomerTagDefinition } from "./models/customer-tag-definition"

class CustomerTagModuleService extends MedusaService({
  CustomerTagDefinition,
  CustomerTag,
}) {}

export default CustomerTagModuleService
