/**
 * The fields a store route answers of a resource it computes (not read through Query): those in
 * `req.queryConfig.fields`, which `validateAndTransformQuery` derives from the route's defaults and
 * the client's `fields` (`a,b`, `+a`, `-b`), as Medusa's store routes take it. `id`, where the
 * resource has one, is always there.
 */
export function selectFields<T extends object>(resource: T, fields: readonly string[]): Partial<T> {
  const wanted = new Set(fields)
  const picked: Partial<T> = {}
  for (const key of Object.keys(resource) as (keyof T & string)[]) {
    if (key === "id" || wanted.has(key)) {
      picked[key] = resource[key]
    }
  }
  return picked
}
