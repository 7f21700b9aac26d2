import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCustomerNotesMiddlewares } from "./admin/customers/[id]/notes/middlewares"

export default defineMiddlewares({
  routes: [...adminCustomerNotesMiddlewares],
})
