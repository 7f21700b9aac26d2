export * from "./create-customer-note"
export * from "./delete-customer-notes"
export * from "./update-customer-note"
export * from "./steps"
