import type { CustomerDataHandler } from "../../lib/customer-data/types"

/** What the customer_insight module holds about customers. */
export const customerDataHandler: CustomerDataHandler = {
  name: "customer_insight",
  owner: "plugin",
  claims: [],
  count: async () => 0,
  list: async () => [],
  export: async () => ({}),
  anonymize: async () => undefined,
  delete: async () => undefined,
}
