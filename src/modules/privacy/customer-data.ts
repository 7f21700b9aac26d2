import type { CustomerDataHandler } from "../../lib/customer-data/types"

/** What the privacy module holds about customers. */
export const customerDataHandler: CustomerDataHandler = {
  name: "privacy",
  owner: "plugin",
  claims: [],
  count: async () => 0,
  list: async () => [],
  export: async () => ({}),
  anonymize: async () => undefined,
  delete: async () => undefined,
}
