export { assertCustomerExists } from "../../lib/customers"

/** Only admin users are recorded as the person who made a change, not API keys. */
export const actorUserId = (auth: { actor_type: string; actor_id: string }) =>
  auth.actor_type === "user" ? auth.actor_id : null
