import { MedusaService } from "@medusajs/framework/utils"
import { CustomerProfile } from "./models/customer-profile"
import { CustomerStore } from "./models/customer-store"

class CustomerProfileModuleService extends MedusaService({
  CustomerProfile,
  CustomerStore,
}) {}

export default CustomerProfileModuleService
