export * from "../modules/membership/utils/refunds"
