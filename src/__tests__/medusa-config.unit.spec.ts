const KEYS = ["NODE_ENV", "JWT_SECRET", "COOKIE_SECRET"] as const

/** Loads the demo store's medusa-config.ts afresh with these variables (unset when undefined). */
function loadConfig(env: Partial<Record<(typeof KEYS)[number], string>>) {
  const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]))
  for (const key of KEYS) {
    if (env[key] === undefined) {
      delete process.env[key]
    } else {
      process.env[key] = env[key]
    }
  }
  try {
    let config: any
    jest.isolateModules(() => {
      config = require("../../medusa-config")
    })
    return config.projectConfig.http as { jwtSecret: string; cookieSecret: string }
  } finally {
    for (const key of KEYS) {
      if (saved[key] === undefined) {
        delete process.env[key]
      } else {
        process.env[key] = saved[key]
      }
    }
  }
}

describe("medusa-config secrets", () => {
  it("refuses to load in production without a JWT secret or cookie secret", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(
      'JWT_SECRET must be set to a secret of your own when NODE_ENV is "production"'
    )
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: "a-real-jwt-secret" })).toThrow(
      /^COOKIE_SECRET must be set/
    )
    expect(() => loadConfig({ NODE_ENV: "staging", COOKIE_SECRET: "a-real-cookie-secret" })).toThrow(
      /^JWT_SECRET must be set .* "staging"/
    )
  })

  it("refuses the demo secret itself in production", () => {
    expect(() =>
      loadConfig({ NODE_ENV: "production", JWT_SECRET: "supersecret", COOKIE_SECRET: "a-real-cookie-secret" })
    ).toThrow(/^JWT_SECRET must be set/)
  })

  it("uses the secrets it is given in production", () => {
    expect(
      loadConfig({ NODE_ENV: "production", JWT_SECRET: "a-real-jwt-secret", COOKIE_SECRET: "a-real-cookie-secret" })
    ).toEqual(expect.objectContaining({ jwtSecret: "a-real-jwt-secret", cookieSecret: "a-real-cookie-secret" }))
  })

  it.each([["development"], ["test"], [undefined]])(
    "falls back to the demo secret when NODE_ENV is %s",
    (nodeEnv) => {
      expect(loadConfig({ NODE_ENV: nodeEnv })).toEqual(
        expect.objectContaining({ jwtSecret: "supersecret", cookieSecret: "supersecret" })
      )
      expect(loadConfig({ NODE_ENV: nodeEnv, JWT_SECRET: "mine" })).toEqual(
        expect.objectContaining({ jwtSecret: "mine", cookieSecret: "supersecret" })
      )
    }
  )
})
