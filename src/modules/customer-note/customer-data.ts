import type { CustomerDataHandler } from "../../lib/customer-data/types"

/** What the customer_note module holds about customers. */
export const customerDataHandler: CustomerDataHandler = {
  name: "customer_note",
  owner: "plugin",
  claims: [],
  count: async () => 0,
  list: async () => [],
  export: async () => ({}),
  anonymize: async () => undefined,
  delete: async () => undefined,
}
