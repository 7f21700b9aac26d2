export * from "./reports"
export * from "./finish-report-run"
export * from "./steps"
