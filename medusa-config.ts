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

/** The instance's part from MEDUSA_WORKER_MODE (`server`, `worker` or `shared`, the default). */
function workerMode(): "shared" | "worker" | "server" {
  const mode = process.env.MEDUSA_WORKER_MODE || "shared"
  if (mode !== "shared" && mode !== "worker" && mode !== "server") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `MEDUSA_WORKER_MODE must be "shared", "worker" or "server", got "${mode}"`
    )
  }
  return mode
}

/**
 * Scale-out on Redis: with REDIS_URL set, every instance (one or more HTTP servers, one or more
 * workers) shares its events, workflow state, scheduled jobs, locks and cache through that Redis,
 * as in Medusa's deployment guide. Without it, Medusa's in-memory defaults stay: one process that
 * serves HTTP and runs the subscribers and jobs ("shared").
 */
const REDIS_URL = process.env.REDIS_URL

const redisModules = REDIS_URL
  ? [
      {
        // Events go through a Redis queue (BullMQ): emitted by any instance, each subscriber runs
        // once, on a worker (a "server" instance only emits).
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl: REDIS_URL },
      },
      {
        // Workflow executions and scheduled jobs: one Redis job scheduler per job, so a job runs
        // once per due time on one of the workers, not once per instance.
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl: REDIS_URL } },
      },
      {
        // Locks seen by every instance: the plugin's jobs, point redemptions, campaign and
        // segment runs take theirs through the locking module.
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl: REDIS_URL },
            },
          ],
        },
      },
      {
        // The Caching Module (2.11+, replaces the deprecated cache-redis module) with its Redis
        // provider: one cache for every instance. Medusa's own data caching stays behind its
        // feature flag (MEDUSA_FF_CACHING=true).
        resolve: "@medusajs/medusa/caching",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/caching-redis",
              id: "caching-redis",
              is_default: true,
              options: { redisUrl: REDIS_URL },
            },
          ],
        },
      },
    ]
  : []

/**
 * The repository is both the `medusa-crm` plugin and its own demo store: this config runs the
 * plugin's source (`src/`) as a Medusa application. `npm run dev` sets DATABASE_URL to an embedded
 * Postgres unless you set it yourself.
 */
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseLogging: false,
    // Sessions and the Redis modules above; unset: in-memory (one instance only).
    redisUrl: REDIS_URL,
    // "server" (HTTP only), "worker" (subscribers and jobs only) or "shared" (both, the default).
    // Medusa reads MEDUSA_WORKER_MODE itself too; set here so the config says it.
    workerMode: workerMode(),
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
    ...redisModules,
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
