import Medusa, { FetchError, type FetchArgs, type FetchInput } from "@medusajs/js-sdk"
import { idempotencyHeaders } from "./idempotency"

/**
 * The admin extensions' client. Served by the Medusa backend, the admin talks to its own origin
 * ("/") with the dashboard's session cookie; `VITE_BACKEND_URL` points it elsewhere in development.
 */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: {
    type: "session",
  },
})

/**
 * A refused request: js-sdk's `FetchError` (message, status) plus the refusal's stable `code`
 * from the body (`{ type, message, code }`), which the admin translates (see `useErrorMessage`).
 */
export class ApiError extends FetchError {
  constructor(
    message: string,
    statusText: string | undefined,
    status: number | undefined,
    readonly code: string | null,
    readonly type: string | null
  ) {
    super(message, statusText, status)
  }
}

/** `a[b]=1&c[0]=x`: the query encoding js-sdk uses (qs' default), nulls left out. */
const appendQuery = (params: URLSearchParams, key: string, value: unknown) => {
  if (value === null || value === undefined) {
    return
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => appendQuery(params, `${key}[${i}]`, item))
  } else if (value instanceof Date) {
    params.append(key, value.toISOString())
  } else if (typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      appendQuery(params, `${key}[${k}]`, v)
    }
  } else {
    params.append(key, String(value))
  }
}

const baseUrl = new URL(
  import.meta.env.VITE_BACKEND_URL || "/",
  typeof window === "undefined" ? "http://localhost" : window.location.origin
)

/**
 * js-sdk's `fetch` for the plugin's calls, the same request (JSON body, session cookie, query,
 * the dashboard's locale header), except that a refusal throws an `ApiError` that keeps its `code`:
 * js-sdk's own `FetchError` drops it.
 */
const fetchKeepingCodes = async <T,>(input: FetchInput, init?: FetchArgs): Promise<T> => {
  if (typeof input !== "string" && !(input instanceof URL)) {
    return originalFetch(input, init) as Promise<T>
  }
  const url = new URL(
    `${baseUrl.pathname.replace(/\/$/, "")}/${input.toString().replace(/^\//, "")}`,
    baseUrl.origin
  )
  if (init?.query) {
    for (const [key, value] of Object.entries(init.query)) {
      appendQuery(url.searchParams, key, value)
    }
  }
  const headers = new Headers({
    "content-type": "application/json",
    accept: "application/json",
  })
  const locale = sdk.client.locale
  if (locale) {
    headers.set("x-medusa-locale", locale)
  }
  for (const [key, value] of Object.entries(init?.headers ?? {})) {
    if (value === null) {
      headers.delete(key)
    } else {
      headers.set(key, String(value))
    }
  }
  let body = init?.body as BodyInit | Record<string, unknown> | undefined
  if (body && headers.get("content-type")?.includes("application/json")) {
    body = JSON.stringify(body)
  }
  const response = await fetch(url, {
    method: init?.method,
    signal: init?.signal,
    cache: init?.cache,
    headers,
    credentials: "include",
    ...(body ? { body: body as BodyInit } : {}),
  })
  if (response.status >= 300) {
    const error = (await response.json().catch(() => ({}))) as {
      message?: string
      code?: string
      type?: string
    }
    throw new ApiError(
      error.message ?? response.statusText,
      response.statusText,
      response.status,
      typeof error.code === "string" ? error.code : null,
      typeof error.type === "string" ? error.type : null
    )
  }
  const accept = headers.get("accept")
  return (accept?.includes("json") ? response.json() : response) as Promise<T>
}

const originalFetch = sdk.client.fetch.bind(sdk.client)

// Every write started inside `withIdempotencyKey` (each CRM mutation) carries its key, so a repeat
// of the same submission gets the first answer from the server instead of a second record.
const send = fetchKeepingCodes
sdk.client.fetch = ((input: Parameters<typeof send>[0], init?: Parameters<typeof send>[1]) => {
  const headers = idempotencyHeaders()
  const method = (init?.method ?? "GET").toUpperCase()
  return send(
    input,
    method === "GET" || !Object.keys(headers).length
      ? init
      : { ...init, headers: { ...init?.headers, ...headers } }
  )
}) as typeof sdk.client.fetch
