import Medusa from "@medusajs/js-sdk"

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
