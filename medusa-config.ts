import { defineConfig, loadEnv, MedusaError } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/** The demo store's secret: well known, so only for development and tests. */
const DEMO_SECRET = "supersecret"

/**
 * A secret from the environment. Development and tests (NODE_ENV unset counts as development, as
 * for `loadEnv`) fall back to the demo secret; any other environment refuses to start without a
 * real one, as Medusa does in production: a known JWT secret lets anyone sign an admin token.
 */
function secret(name: "JWT_SECRET" | "COOKIE_SECRET"): string {
  const value = process.env[name]
  const env = process.env.NODE_ENV || "development"
  const demo = env === "development" || env === "test"
  if (value && (demo || value !== DEMO_SECRET)) {
    return value
  }
  if (demo) {
    return DEMO_SECRET
  }
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `${name} must be set to a secret of your own when NODE_ENV is "${env}" (the demo secret is for development and tests only)`
  )
}

/**
 * The repository is both the `medusa-crm` plugin and its own demo store: this config runs the
 * plugin's source (`src/`) as a Medusa application. `npm run dev` sets DATABASE_URL to an embedded
 * Postgres unless you set it yourself.
 */
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseLogging: false,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173,http://localhost:8000",
      jwtSecret: secret("JWT_SECRET"),
      cookieSecret: secret("COOKIE_SECRET"),
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
  },
  modules: [
    { resolve: "./src/modules/customer-note" },
    { resolve: "./src/modules/customer-profile" },
    { resolve: "./src/modules/customer-tag" },
    { resolve: "./src/modules/loyalty" },
    { resolve: "./src/modules/membership" },
    { resolve: "./src/modules/customer-insight" },
    { resolve: "./src/modules/customer-identity" },
    { resolve: "./src/modules/crm-request" },
    { resolve: "./src/modules/privacy" },
    { resolve: "./src/modules/customer-segment" },
    { resolve: "./src/modules/crm-report" },
    { resolve: "./src/modules/customer-message" },
    {
      // Customer photos in the demo store: files in ./static, served by Medusa on its own port.
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: {
              backend_url: `${
                process.env.MEDUSA_BACKEND_URL || `http://localhost:${process.env.PORT || 9000}`
              }/static`,
              // Private files (data exports) outside ./static, which Medusa serves to anyone: the
              // plugin hands them out through its own authenticated routes only.
              private_upload_dir: ".data/private-uploads",
            },
          },
        ],
      },
    },
    {
      // The demo store writes e-mails (notes sent to customers) to the log through the local provider.
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { channels: ["email"] },
          },
        ],
      },
    },
  ],
})
