import { isSharedConnectionSymbol } from "@medusajs/framework/utils"
import { findSeparateDatabases, locationOf, separateDatabaseMessage } from "../loaders/shared-database"

const SHARED = "postgres://medusa:secret@localhost:5432/medusa-store"

const config = (modules: Record<string, unknown>, projectConfig: Record<string, unknown> = { databaseUrl: SHARED }) =>
  ({ projectConfig, modules }) as unknown as Parameters<typeof findSeparateDatabases>[0]

describe("findSeparateDatabases", () => {
  it("finds nothing when every module uses the shared connection", () => {
    const found = findSeparateDatabases(
      config({
        order: { resolve: "@medusajs/medusa/order" },
        customer: true,
        customer_insight: { resolve: "./src/modules/customer-insight", options: {} },
        // Handed the shared connection (as the module test runner does).
        customer_identity: { options: { database: { clientUrl: "postgres://x/y" }, [isSharedConnectionSymbol]: true } },
        // A database of its own that is the shared one, spelled differently.
        customer_tag: { options: { database: { clientUrl: "postgres://other:pw@127.0.0.1/medusa-store" } } },
      })
    )
    expect(found).toEqual({
      shared: { host: "localhost", port: "5432", database: "medusa-store", schema: "public" },
      separate: [],
    })
  })

  it("names each module given another database or schema, and never the credentials", () => {
    const found = findSeparateDatabases(
      config({
        order: { options: { database: { clientUrl: "postgres://orders:pw@db2.internal:6432/orders" } } },
        customer_note: { options: { database: { clientUrl: SHARED, schema: "crm" } } },
        // Not read by the read models: its database is its own business.
        workflow_engine: { options: { database: { clientUrl: "postgres://elsewhere/wf" } } },
      })
    )!
    expect(found.separate).toEqual([
      { module: "order", location: { host: "db2.internal", port: "6432", database: "orders", schema: "public" } },
      { module: "customer_note", location: { host: "localhost", port: "5432", database: "medusa-store", schema: "crm" } },
    ])
    const message = separateDatabaseMessage(found.shared, found.separate)
    expect(message).toBe(
      "medusa-crm needs its modules and Medusa's customer, order and promotion modules in one database: " +
        "its customer search, timelines, tag usage and customer metrics read their tables together. " +
        "The shared database is localhost:5432/medusa-store (schema public), but the order module uses " +
        "db2.internal:6432/orders (schema public); the customer_note module uses localhost:5432/medusa-store " +
        "(schema crm). Remove `options.database` from these modules in medusa-config, or point it at the shared database."
    )
    expect(message).not.toContain("pw")
    expect(message).not.toContain("secret")
  })

  it("compares against the project's schema", () => {
    const found = findSeparateDatabases(
      config(
        { order: { options: { database: { clientUrl: SHARED, schema: "shop" } } } },
        { databaseUrl: SHARED, databaseSchema: "shop" }
      )
    )
    expect(found?.separate).toEqual([])
  })

  it("says nothing without a project configuration to compare with (module tests)", () => {
    expect(findSeparateDatabases(undefined)).toBeNull()
    expect(findSeparateDatabases({ modules: {} } as never)).toBeNull()
  })
})

describe("locationOf", () => {
  it("reads host, port, database and schema, with Postgres' defaults", () => {
    expect(locationOf("postgresql://u@LOCALHOST/shop?sslmode=disable", undefined)).toEqual({
      host: "localhost",
      port: "5432",
      database: "shop",
      schema: "public",
    })
    expect(locationOf(undefined, "public")).toBeNull()
    expect(locationOf("not a url", "public")).toBeNull()
  })
})
