const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const testType = process.env.TEST_TYPE

const testMatch = {
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s"],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
}[testType] ?? ["**/src/**/__tests__/**/*.unit.spec.[jt]s"]

const needsDatabase = testType === "integration:modules" || testType === "integration:http"

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true, tsx: true },
          transform: { react: { runtime: "automatic" } },
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/"],
  setupFiles: ["./integration-tests/setup.js"],
  testMatch,
  testPathIgnorePatterns: testType === "integration:modules" ? ["\\.unit\\.spec\\."] : [],
  // The HTTP specs boot a whole Medusa app each, and not all of it is freed afterwards: one
  // worker runs them one after another and is replaced once it holds more than this after a
  // spec, so a long run does not exhaust the heap.
  ...(testType === "integration:http" ? { workerIdleMemoryLimit: "1536MB" } : {}),
  ...(needsDatabase
    ? {
        globalSetup: "./integration-tests/global-setup.mjs",
        globalTeardown: "./integration-tests/global-teardown.mjs",
      }
    : {}),
}
