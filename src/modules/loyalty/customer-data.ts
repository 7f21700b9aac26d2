import type { CustomerDataHandler } from "../../lib/customer-data/types"

/** What the loyalty module holds about customers. */
export const customerDataHandler: CustomerDataHandler = {
  name: "loyalty",
  owner: "plugin",
  claims: [],
  count: async () => 0,
  list: async () => [],
  export: async () => ({}),
  anonymize: async () => undefined,
  delete: async () => undefined,
}
