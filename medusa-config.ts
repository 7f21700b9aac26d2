import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

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
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
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
