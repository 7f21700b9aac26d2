import Medusa from "@medusajs/js-sdk"
import { idempotencyHeaders } from "./idempotency"

/**
 * The admin extensions' client. Served by the Medusa backend, the admin talks to its own origin
 * ("/") with the dashboard's session cookie; `VITE_BACKEND_URL` points it elsewhere in development.
 */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: {
    type: "session",
  },
})

// Every write started inside `withIdempotencyKey` (each CRM mutation) carries its key, so a repeat
// of the same submission gets the first answer from the server instead of a second record.
const send = sdk.client.fetch.bind(sdk.client)
sdk.client.fetch = ((input: Parameters<typeof send>[0], init?: Parameters<typeof send>[1]) => {
  const headers = idempotencyHeaders()
  const method = (init?.method ?? "GET").toUpperCase()
  return send(
    input,
    method === "GET" || !Object.keys(headers).length
      ? init
      : { ...init, headers: { ...init?.headers, ...headers } }
  )
}) as typeof sdk.client.fetch
