/**
 * The membership rules that need no server: periods and dates, numbers, plans, shares, what each
 * action allows, refunds, card codes and scanner keys. Workflows, routes and the admin share them.
 */
export * from "./cards"
export * from "./dates"
export * from "./numbers"
export * from "./plans"
export * from "./refunds"
export * from "./rules"
export * from "./scanner-keys"
export * from "./shares"
