import { assignMembership } from "./assign"
import { cancelMembership } from "./cancel"
import { editMembershipExpiration } from "./edit-expiration"
import { expireMemberships } from "./expire"
import { giftMembership } from "./gift"
import type { MembershipActionMap } from "./planner"
import { purchaseMemberships } from "./purchase"
import { refundPurchasedMemberships } from "./refund-purchase"
import { renewMembership } from "./renew"
import { revokePurchasedMemberships } from "./revoke-purchase"
import { shareMembership } from "./share"
import { unshareMembership } from "./unshare"

/**
 * Every membership action by name, as the order module registers its change actions: the step
 * looks the action up and runs it. A new action is one file and one line here.
 */
export const membershipActions: MembershipActionMap = {
  assign: assignMembership,
  edit_expiration: editMembershipExpiration,
  renew: renewMembership,
  cancel: cancelMembership,
  gift: giftMembership,
  share: shareMembership,
  unshare: unshareMembership,
  expire: expireMemberships,
  purchase: purchaseMemberships,
  revoke_purchase: revokePurchasedMemberships,
  refund_purchase: refundPurchasedMemberships,
}

export { MembershipPlanner } from "./planner"
export type { MembershipActionHandler, MembershipActionMap } from "./planner"
export * from "./types"
