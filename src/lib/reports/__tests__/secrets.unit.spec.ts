import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { decryptSecret, encryptSecret } from "../secrets"

/** A container with the report module's option and the app's JWT secret. */
const container = (option: string | null, jwtSecret = "supersecret") =>
  ({
    resolve: (key: string) =>
      key === ContainerRegistrationKeys.CONFIG_MODULE
        ? { projectConfig: { http: { jwtSecret } } }
        : { getReportSecretOption: async () => option },
  }) as any

describe("report destination secrets", () => {
  const env = { ...process.env }
  afterEach(() => {
    process.env = { ...env }
  })

  it("encrypts with AES-256-GCM under the report_secret option and reads it back; another key cannot", async () => {
    const sealed = await encryptSecret(container("option-key"), { password: "hunter2", private_key: "KEY" })
    expect(sealed).toMatch(/^v1:[^:]+:[^:]+:[^:]+$/)
    expect(sealed).not.toContain("hunter2")
    // A fresh IV each time.
    expect(await encryptSecret(container("option-key"), { password: "hunter2" })).not.toBe(
      await encryptSecret(container("option-key"), { password: "hunter2" })
    )
    expect(await decryptSecret(container("option-key"), sealed)).toEqual({ password: "hunter2", private_key: "KEY" })
    await expect(decryptSecret(container("another-key"), sealed)).rejects.toThrow(/report_secret/)
    const tampered = sealed.slice(0, -4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA")
    await expect(decryptSecret(container("option-key"), tampered)).rejects.toThrow(/report_secret/)
  })

  it("falls back to CRM_REPORT_SECRET, then (development and test) the JWT secret", async () => {
    process.env.CRM_REPORT_SECRET = "env-key"
    const withEnv = await encryptSecret(container(null), { password: "a" })
    expect(await decryptSecret(container("env-key"), withEnv)).toEqual({ password: "a" })
    delete process.env.CRM_REPORT_SECRET
    process.env.NODE_ENV = "test"
    const withJwt = await encryptSecret(container(null, "jwt-1"), { password: "b" })
    expect(await decryptSecret(container(null, "jwt-1"), withJwt)).toEqual({ password: "b" })
    await expect(decryptSecret(container(null, "jwt-2"), withJwt)).rejects.toThrow()
  })

  it("refuses to save a secret in production without a key", async () => {
    delete process.env.CRM_REPORT_SECRET
    process.env.NODE_ENV = "production"
    await expect(encryptSecret(container(null), { password: "c" })).rejects.toMatchObject({
      code: "report_secret_missing",
      type: "not_allowed",
    })
  })
})
