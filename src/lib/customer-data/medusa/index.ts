import type { CustomerDataHandler } from "../types"

/** Handlers for what Medusa's own modules hold about customers. */
export const medusaCustomerDataHandlers: CustomerDataHandler[] = []
