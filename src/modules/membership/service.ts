import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { Membership } from "./models/membership"
import { MembershipEvent } from "./models/membership-event"
import { MembershipPlan } from "./models/membership-plan"
import { MembershipScannerKey } from "./models/membership-scanner-key"
import { MembershipShare } from "./models/membership-share"

export type MembershipModuleOptions = {
  /** Signs membership cards (see the README); falls back to CRM_CARD_SECRET, then the JWT secret. */
  membership_card_secret?: string
}

class MembershipModuleService extends MedusaService({
  MembershipPlan,
  Membership,
  MembershipShare,
  MembershipEvent,
  MembershipScannerKey,
}) {
  protected readonly options_: MembershipModuleOptions

  constructor(container: Record<string, unknown>, options: MembershipModuleOptions = {}) {
    super(...(arguments as unknown as [Record<string, unknown>]))
    this.options_ = options ?? {}
  }

  /** Active and all memberships per plan, in one grouped query (for plan lists). */
  @InjectManager()
  async countMembershipsByPlan(
    planIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, { active_count: number; member_count: number }>> {
    const counts: Record<string, { active_count: number; member_count: number }> = {}
    for (const id of planIds) {
      counts[id] = { active_count: 0, member_count: 0 }
    }
    if (!planIds.length) {
      return counts
    }
    const manager = sharedContext.manager as any
    const rows: { plan_id: string; active_count: string; member_count: string }[] = await manager.execute(
      `SELECT plan_id,
         COUNT(*) FILTER (WHERE status = 'active') AS active_count,
         COUNT(*) AS member_count
       FROM membership
       WHERE deleted_at IS NULL AND plan_id IN (${planIds.map(() => "?").join(", ")})
       GROUP BY plan_id`,
      planIds
    )
    for (const row of rows) {
      counts[row.plan_id] = { active_count: Number(row.active_count), member_count: Number(row.member_count) }
    }
    return counts
  }

  /**
   * The scanner key with this hash when it is not revoked, marking it used now; null otherwise.
   * One statement, so a key revoked a moment ago never authenticates afterwards.
   */
  @InjectManager()
  async useScannerKey(
    tokenHash: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; name: string } | null> {
    const manager = sharedContext.manager as any
    const rows: { id: string; name: string }[] = await manager.execute(
      `UPDATE membership_scanner_key SET last_used_at = now()
       WHERE token_hash = ? AND revoked_at IS NULL AND deleted_at IS NULL
       RETURNING id, name`,
      [tokenHash]
    )
    return rows[0] ?? null
  }

  /** The card secret given as the plugin's option, if any. */
  async getCardSecretOption(): Promise<string | null> {
    return this.options_.membership_card_secret ?? null
  }
}

export default MembershipModuleService
