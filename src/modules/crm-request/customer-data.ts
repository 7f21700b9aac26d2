import type { CustomerDataHandler } from "../../lib/customer-data/types"

/** What the crm_request module holds about customers. */
export const customerDataHandler: CustomerDataHandler = {
  name: "crm_request",
  owner: "plugin",
  claims: [],
  count: async () => 0,
  list: async () => [],
  export: async () => ({}),
  anonymize: async () => undefined,
  delete: async () => undefined,
}
