import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

/** For routes that take no query parameters: anything in the query string is a 400. */
export const NoQueryParams = z.object({}).strict()

/** The largest page a plugin list route serves, unless the route sets its own `maxLimit`. */
export const LIST_LIMIT_MAX = 100

/**
 * A whole number from the query string (`"20"`), within `min`..`max`. Only plain decimal numbers are
 * read as numbers: `""`, `"abc"`, `"0x10"` or `"1e3"` are refused instead of coerced to something else.
 */
export const queryInteger = (min: number, max?: number) => {
  const bounded = z.number().int().min(min)
  return z.preprocess(
    (value) => (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value),
    max === undefined ? bounded : bounded.max(max)
  )
}

/**
 * `order` for a list route: one of `fields`, with a leading `-` for descending. Anything else (an
 * unknown field, SQL, an array) is a 400 naming the fields a client may use.
 */
export const orderParam = (fields: readonly string[]) =>
  z.string().refine((value) => fields.includes(value.startsWith("-") ? value.slice(1) : value), {
    message: `order must be one of ${fields.join(", ")}, with a leading "-" for descending`,
  })

/**
 * `fields` for a route that passes `req.queryConfig.fields` to Query: a comma list of the given
 * fields (each may be prefixed with `+` or `-`, as Medusa's field parser allows).
 */
export const fieldsParam = (fields: readonly string[]) =>
  z.string().refine(
    (value) =>
      value
        .split(",")
        .map((f) => f.trim().replace(/^[+-]/, ""))
        .every((f) => fields.includes(f)),
    { message: `fields must be a comma list of ${fields.join(", ")}` }
  )

type ListParamsOptions<Extra extends z.ZodRawShape> = {
  /** Fields a client may order by (each also with a leading `-`). Empty or left out: no `order` parameter. */
  orderFields?: readonly string[]
  /** The order when none is asked, e.g. `"-created_at"`; one of `orderFields`. */
  defaultOrder?: string
  /** The page size when none is asked. Default 20. */
  defaultLimit?: number
  /** The largest page a client may ask. Default `LIST_LIMIT_MAX` (100). */
  maxLimit?: number
  /** Fields a client may select with `fields` (for routes that pass `req.queryConfig.fields` to Query). */
  selectFields?: readonly string[]
  /** The route's own parameters (filters, search). */
  extra?: Extra
}

/**
 * Query parameters of a plugin list route, for `validateAndTransformQuery`: `limit` 1..`maxLimit`,
 * `offset` >= 0, `order` only from `orderFields`, and unknown parameters refused (strict). It takes
 * the place of Medusa's `createFindParams`, which accepts `limit=-1` and any `order` string and
 * lets both reach the database as a 500. The names match what `validateAndTransformQuery` turns
 * into `req.queryConfig.pagination` (`limit`, `offset`, `order`) and `req.queryConfig.fields`.
 *
 * @example
 * export const AdminThingsParams = createListParams({
 *   orderFields: ["created_at", "name"],
 *   defaultOrder: "-created_at",
 *   extra: { q: z.string().trim().max(200).optional() },
 * })
 */
export function createListParams<Extra extends z.ZodRawShape = {}>(options: ListParamsOptions<Extra> = {}) {
  const {
    orderFields = [],
    defaultOrder,
    defaultLimit = 20,
    maxLimit = LIST_LIMIT_MAX,
    selectFields,
    extra,
  } = options
  if (defaultOrder !== undefined && !orderFields.includes(defaultOrder.replace(/^-/, ""))) {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      `defaultOrder ${defaultOrder} is not one of the order fields`
    )
  }
  const order = orderParam(orderFields)
  return z
    .object({
      limit: queryInteger(1, maxLimit).default(defaultLimit),
      offset: queryInteger(0).default(0),
      ...(orderFields.length
        ? { order: defaultOrder === undefined ? order.optional() : order.default(defaultOrder) }
        : {}),
      ...(selectFields ? { fields: fieldsParam(selectFields).optional() } : {}),
      ...((extra ?? {}) as Extra),
    })
    .strict()
}

/**
 * Medusa's query validation throws a plain error (a 500) on a parameter nested more than two levels
 * (`?a.b.c=1`). No plugin route takes such a parameter: refuse it as unknown, with a 400.
 */
export function refuseDeepQueryKeys(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const deep = Object.keys(req.query ?? {}).filter((key) => key.split(".").length > 2)
  if (deep.length) {
    return next(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid request: Unrecognized fields: '${deep.join(", ")}'`
      )
    )
  }
  next()
}

/**
 * The plugin's own routes: the CRM pages under `/admin/crm`, the customer sub-resources it adds and
 * its store routes. `refuseDeepQueryKeys` runs on these only; native routes are left as they are.
 * Express mounts a matcher without methods as a prefix, so it must match the path's prefix exactly
 * up to a `/` or the end: hence the lookahead instead of a trailing `/`.
 */
export const PLUGIN_ROUTES_MATCHER =
  /^\/(?:admin\/crm|admin\/customers\/[^/]+\/(?:consents|identity|loyalty|memberships|messages|metrics|notes|offers|privacy|profile|start-basket|tags|timeline|transactions)|store\/customers\/me\/(?:consents|identity|loyalty|memberships|messages|offers|privacy)|store\/carts\/[^/]+\/loyalty)(?=\/|$)/i

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/**
 * Gives the refusals of a validation middleware (Medusa's `validateAndTransformBody`/`Query`,
 * which set none) a stable machine-readable `code`, so every refusal of a route carries one.
 */
export function withErrorCode(middleware: Middleware, code: string): Middleware {
  return (req, res, next) =>
    middleware(req, res, (err?: unknown) => {
      if (err && MedusaError.isMedusaError(err as Error) && !(err as MedusaError).code) {
        ;(err as MedusaError).code = code
      }
      next(err)
    })
}

/**
 * Refuses a body that is not a JSON object (an array, a string, a number) with a message that
 * says so; Medusa's validator would answer "Field '' is required".
 */
export function requireJsonObjectBody(code: string): Middleware {
  return (req, _res, next) => {
    const body = req.body
    if (body !== undefined && (body === null || typeof body !== "object" || Array.isArray(body))) {
      const error = new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Invalid request: the body must be a JSON object"
      )
      error.code = code
      return next(error)
    }
    next()
  }
}

/**
 * The part of a list route's contract (`src/types/http`) a `createListParams` schema can be checked
 * against with `satisfies z.ZodType<ListParams<…>>`: its `order` and `fields` are only present when
 * the route declares them, so their output type is left open.
 */
export type ListParams<Contract> = Omit<Contract, "order" | "fields">

/**
 * Validates a JSON body with `schema` and names each refused field by its path
 * (`filter.tags.0: must be a tag key…`, `audience.customer_ids: …`): Medusa's body validator drops
 * the path of a refinement's message, which leaves a client guessing which field was wrong. A
 * refusal is a 400 with `code`.
 */
export function validateBodyNamingFields(schema: z.ZodTypeAny, code: string): Middleware {
  return (req, _res, next) => {
    const parsed = schema.safeParse(req.body ?? {})
    if (parsed.success) {
      req.validatedBody = parsed.data
      return next()
    }
    const issues = parsed.error.issues.map((issue) => {
      const keys = (issue as { keys?: string[] }).keys
      const path = issue.path.join(".")
      const message = keys?.length ? `unknown field(s) ${keys.join(", ")}` : issue.message
      return path ? `${path}: ${message}` : message
    })
    const error = new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${issues.join("; ")}`)
    error.code = code
    next(error)
  }
}
