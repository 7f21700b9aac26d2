import { createHash } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CRM_REQUEST_MODULE, type CrmRequestModuleService } from "../../modules/crm-request"
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  RequestErrorCodes,
} from "../../types/http/common"

/**
 * The plugin's admin write routes: everything under `/admin/crm` and the customer sub-resources
 * the plugin adds. Native Medusa routes are left alone.
 */
export const ADMIN_WRITE_ROUTES_MATCHER =
  /^\/admin\/(?:crm|customers\/[^/]+\/(?:consents|identity|loyalty|memberships|messages|notes|offers|privacy|profile|start-basket|tags|transactions))(?=\/|$)/i

/** Without a key, an identical request (same user, method, URL and body) within this many seconds of the first answer is a repeat. */
export const REPEAT_WINDOW_SECONDS = 10

/** With a key, its answer is replayed for this long: enough for a retry, short because the answer may name a customer. */
export const KEYED_REPLAY_SECONDS = 10 * 60

/** How long a claim may stay pending before another request takes it over (the server running it died). */
const CLAIM_SECONDS = 120

/** How long a repeat waits for the first request's answer before answering 409 `request_in_progress`. */
const WAIT_MS = 30_000

/**
 * Answers that carry a secret shown once (a new scanner key): replayed for the short window only,
 * also with a key, so the secret does not sit in the table for minutes.
 */
const SECRET_ANSWERS = [/^\/admin\/crm\/memberships\/scanner-keys\/?$/i]

const VALID_KEY = /^[\x21-\x7e]{1,255}$/

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")

/** JSON with object keys sorted, so the same body hashes the same whatever its key order. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(",")}]`
  }
  if (value && typeof value === "object") {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
    return `{${entries.join(",")}}`
  }
  return JSON.stringify(value ?? null)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const refuse = (res: MedusaResponse, status: number, type: string, code: string, message: string) => {
  res.status(status).json({ type, code, message })
}

/**
 * Makes the plugin's admin writes safe to repeat. A request with an `Idempotency-Key` header is
 * run once per key and admin user: a repeat (in parallel or later) gets the first answer (same
 * status and body, with `Idempotent-Replayed: true`) for `KEYED_REPLAY_SECONDS`; the key reused
 * for another request is refused (422 `idempotency_key_reused`). A POST without a key is
 * compared on its content instead: the identical request by the same user within
 * `REPEAT_WINDOW_SECONDS` is a repeat, unless the user made another write in between (then it is
 * meant: renew, cancel, renew). A DELETE without a key is left alone (a repeat only finds the
 * record gone).
 *
 * The first request claims the key with one conditional insert in Postgres, so this holds across
 * server instances; a repeat that arrives while the first still runs waits for its answer. Only
 * successful answers are kept: after a failure the claim is released and a repeat runs again.
 */
/** POST routes that only read (a body too large for a query string): asking twice must answer afresh. */
const READ_ONLY_POSTS = /^\/admin\/crm\/campaigns\/audience\/?$/i

export async function idempotentAdminWrites(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if ((req.method !== "POST" && req.method !== "DELETE") || READ_ONLY_POSTS.test(req.originalUrl.split("?")[0])) {
    return next()
  }
  const header = req.get(IDEMPOTENCY_KEY_HEADER)
  if (header === undefined && req.method !== "POST") {
    return next()
  }
  if (header !== undefined && !VALID_KEY.test(header)) {
    return refuse(
      res,
      400,
      MedusaError.Types.INVALID_DATA,
      RequestErrorCodes.IDEMPOTENCY_KEY_INVALID,
      `${IDEMPOTENCY_KEY_HEADER} must be 1 to 255 printable characters without spaces`
    )
  }
  const actor = (req as MedusaRequest & { auth_context?: { actor_id?: string } }).auth_context?.actor_id ?? ""
  const requestHash = sha256(canonical([req.method, req.originalUrl, req.body ?? null]))
  const key = header === undefined ? sha256(`repeat\n${actor}\n${requestHash}`) : sha256(`key\n${actor}\n${header}`)
  const scope = sha256(`user\n${actor}`)
  const path = req.originalUrl.split("?")[0]
  const keepSeconds =
    header === undefined || SECRET_ANSWERS.some((r) => r.test(path)) ? REPEAT_WINDOW_SECONDS : KEYED_REPLAY_SECONDS

  const service: CrmRequestModuleService = req.scope.resolve(CRM_REQUEST_MODULE)
  const deadline = Date.now() + WAIT_MS
  for (let attempt = 0; ; attempt++) {
    const claim = await service.claimRequest(key, requestHash, CLAIM_SECONDS, header === undefined ? scope : null)
    if (claim.claimed) {
      break
    }
    const existing = claim.existing
    if (existing && existing.request_hash !== requestHash) {
      return refuse(
        res,
        422,
        MedusaError.Types.INVALID_DATA,
        RequestErrorCodes.IDEMPOTENCY_KEY_REUSED,
        `This ${IDEMPOTENCY_KEY_HEADER} was already used for another request; send a new key for a new request`
      )
    }
    if (existing?.state === "done" && existing.response_status !== null && existing.response_body !== null) {
      res.setHeader(IDEMPOTENT_REPLAYED_HEADER, "true")
      res.status(existing.response_status).json(JSON.parse(existing.response_body))
      return
    }
    if (Date.now() > deadline) {
      return refuse(
        res,
        409,
        MedusaError.Types.CONFLICT,
        RequestErrorCodes.REQUEST_IN_PROGRESS,
        "The same request is still being processed; retry it in a moment"
      )
    }
    // The first request is still running (or just gave its claim up): look again shortly.
    await sleep(Math.min(50 * (attempt + 1), 250))
  }

  // This request runs. Its answer is stored before it is sent, so a repeat that follows the
  // answer always finds it; a failure (or an answer that is not JSON) releases the claim.
  let settled = false
  const release = () => {
    if (!settled) {
      settled = true
      void service.releaseRequest(key, requestHash).catch(() => undefined)
    }
  }
  const send = res.json.bind(res)
  res.json = ((body: unknown) => {
    if (settled) {
      return send(body)
    }
    settled = true
    const status = res.statusCode
    const stored =
      status >= 200 && status < 300
        ? service
            .answerRequest(key, requestHash, status, JSON.stringify(body), keepSeconds)
            .catch(() => service.releaseRequest(key, requestHash))
        : service.releaseRequest(key, requestHash)
    stored
      .then(() => service.endRepeatWindows(scope, key))
      .catch(() => undefined)
      .finally(() => send(body))
    return res
  }) as typeof res.json
  // An answer that did not go through `res.json` (none of the plugin's writes): nothing to replay.
  // A client that went away is no reason to release: the request still runs and stores its answer.
  res.on("finish", release)
  next()
}

/**
 * For writes a customer may well mean twice (buying a loyalty offer again): only a request that
 * carries an `Idempotency-Key` is made safe to repeat (as `idempotentAdminWrites` does, per
 * customer and key); two requests without one are two purchases. A storefront sends one key per
 * click, so a double click or a retry after a lost answer buys once.
 */
export async function idempotentKeyedWrites(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.get(IDEMPOTENCY_KEY_HEADER) === undefined) {
    return next()
  }
  return idempotentAdminWrites(req, res, next)
}
