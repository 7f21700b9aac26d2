import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { RequestReplay } from "./models/request-replay"

/** The first request's record, as a repeat finds it. */
export type StoredRequest = {
  request_hash: string
  state: "pending" | "done"
  response_status: number | null
  response_body: string | null
}

/** Either this request claimed the key (and runs), or another did first (its record). */
export type RequestClaim = { claimed: true } | { claimed: false; existing: StoredRequest | null }

type Executor = { execute: (sql: string, bindings?: unknown[]) => Promise<Record<string, unknown>[]> }

const TABLE = "crm_request_replay"

/**
 * Claims and answers of admin write requests, so that a repeated request (a double click, a retry)
 * gets the first one's answer instead of running again. The claim is one conditional statement,
 * so it holds across server instances and parallel requests: exactly one of them inserts the row
 * (or takes over an expired one); the others read it.
 */
class CrmRequestModuleService extends MedusaService({ RequestReplay }) {
  /**
   * Claims `key` for `ttlSeconds` (how long a pending claim may stay before another request takes
   * it over: a server that died while running). Also removes expired rows, so the table stays small.
   */
  @InjectManager()
  async claimRequest(
    key: string,
    requestHash: string,
    ttlSeconds: number,
    scope: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RequestClaim> {
    const manager = sharedContext.manager as unknown as Executor
    await manager.execute(`DELETE FROM ${TABLE} WHERE expires_at < now() - interval '1 minute' AND deleted_at IS NULL`)
    const inserted = await manager.execute(
      `INSERT INTO ${TABLE} (key, request_hash, scope, state, expires_at)
       VALUES (?, ?, ?, 'pending', now() + make_interval(secs => ?))
       ON CONFLICT (key) DO UPDATE SET request_hash = EXCLUDED.request_hash, scope = EXCLUDED.scope, state = 'pending',
         response_status = NULL, response_body = NULL, expires_at = EXCLUDED.expires_at,
         created_at = now(), updated_at = now()
       WHERE ${TABLE}.expires_at <= now()
       RETURNING key`,
      [key, requestHash, scope, ttlSeconds]
    )
    if (inserted.length) {
      return { claimed: true }
    }
    const [existing] = await manager.execute(
      `SELECT request_hash, state, response_status, response_body FROM ${TABLE}
       WHERE key = ? AND expires_at > now()`,
      [key]
    )
    return { claimed: false, existing: (existing as StoredRequest | undefined) ?? null }
  }

  /**
   * Ends the repeat window of the user's earlier requests without a key (`scope`), once another
   * request of theirs (`key`) is answered: an identical request after that one is meant, not a repeat.
   */
  @InjectManager()
  async endRepeatWindows(scope: string, key: string, @MedusaContext() sharedContext: Context = {}) {
    await (sharedContext.manager as unknown as Executor).execute(
      `DELETE FROM ${TABLE} WHERE scope = ? AND key <> ? AND state = 'done' AND deleted_at IS NULL`,
      [scope, key]
    )
  }

  /** Stores the answer of the request that holds the claim; repeats replay it for `keepSeconds`. */
  @InjectManager()
  async answerRequest(
    key: string,
    requestHash: string,
    status: number,
    body: string,
    keepSeconds: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await (sharedContext.manager as unknown as Executor).execute(
      `UPDATE ${TABLE} SET state = 'done', response_status = ?, response_body = ?,
         expires_at = now() + make_interval(secs => ?), updated_at = now()
       WHERE key = ? AND request_hash = ? AND state = 'pending'`,
      [status, body, keepSeconds, key, requestHash]
    )
  }

  /** Gives a claim up (the request failed): a repeat then runs by itself. */
  @InjectManager()
  async releaseRequest(key: string, requestHash: string, @MedusaContext() sharedContext: Context = {}) {
    await (sharedContext.manager as unknown as Executor).execute(
      `DELETE FROM ${TABLE} WHERE key = ? AND request_hash = ? AND state = 'pending'`,
      [key, requestHash]
    )
  }

  /** Removes expired rows; returns how many. */
  @InjectManager()
  async purgeExpiredRequests(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    const rows = await (sharedContext.manager as unknown as Executor).execute(
      `DELETE FROM ${TABLE} WHERE expires_at < now() AND deleted_at IS NULL RETURNING key`
    )
    return rows.length
  }
}

export default CrmRequestModuleService
