/**
 * A record read with Query, as the HTTP contract types it. Query's generated entity types (in
 * `.medusa/types`) give `Date` for timestamps and `Maybe<>` for every field, while the route sends
 * the record through `res.json`, which writes dates as ISO strings, with the fields it asked for.
 * This is the one place where a route states that its Query result is the contract's shape.
 */
export const asHttp = <T>(record: unknown) => record as T
