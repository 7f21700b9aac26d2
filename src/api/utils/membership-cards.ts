import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import QRCode from "qrcode"
import { cardCode, cardSecret, HOLDER_SEAT, publicName, readCardCode } from "../../lib/membership"
import { MEMBERSHIP_MODULE, type MembershipModuleService } from "../../modules/membership"
import {
  MembershipErrorCodes,
  type MembershipCard,
  type MembershipStatus,
  type MembershipVerifyResponse,
  type MembershipVerifyResult,
} from "../../types/http/memberships"
import { crmError } from "../../lib/errors"

type CardPerson = { first_name: string | null; last_name: string | null } | null

type CardRow = {
  id: string
  number: string
  status: MembershipStatus
  starts_at: string | Date
  expires_at: string | Date | null
  customer_id: string
  card_version: number
  plan: { name: string; level: number }
  customer?: CardPerson
  shares?: { id: string; customer_id: string; card_version: number; customer?: CardPerson }[]
}

// Names only: a card and the door check never show an e-mail address.
const CARD_FIELDS = [
  "id",
  "number",
  "status",
  "starts_at",
  "expires_at",
  "customer_id",
  "card_version",
  "plan.name",
  "plan.level",
  "customer.first_name",
  "customer.last_name",
  "shares.id",
  "shares.customer_id",
  "shares.card_version",
  "shares.customer.first_name",
  "shares.customer.last_name",
]

/** The card key: the plugin option, `CRM_CARD_SECRET`, or the app's JWT secret. */
export async function membershipCardKey(scope: MedusaContainer) {
  const service: MembershipModuleService = scope.resolve(MEMBERSHIP_MODULE)
  return cardSecret(scope, await service.getCardSecretOption())
}

async function cardRow(scope: MedusaContainer, filters: { id: string } | { number: string }) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "membership", fields: CARD_FIELDS, filters })
  return (data[0] as CardRow | undefined) ?? null
}

/**
 * The web membership card of one person: the holder's, or a co-member's own. Its code carries the
 * person's seat and the seat's current card version, signed by this server. 404 when the customer
 * neither holds nor shares the membership.
 */
export async function membershipCard(
  scope: MedusaContainer,
  membershipId: string,
  customerId: string
): Promise<MembershipCard> {
  const m = await cardRow(scope, { id: membershipId })
  const share = m?.shares?.find((s) => s.customer_id === customerId)
  if (!m || (m.customer_id !== customerId && !share)) {
    throw crmError(
      MedusaError.Types.NOT_FOUND,
      MembershipErrorCodes.MEMBERSHIP_NOT_FOUND,
      `Membership with id: ${membershipId} was not found`
    )
  }
  const holder = m.customer_id === customerId
  const seat = holder
    ? { seat: HOLDER_SEAT, version: m.card_version, person: m.customer }
    : { seat: share!.id, version: share!.card_version, person: share!.customer }
  const code = cardCode({ number: m.number, seat: seat.seat, version: seat.version }, await membershipCardKey(scope))
  return {
    number: m.number,
    holder_name: publicName(seat.person),
    role: holder ? "holder" : "co_member",
    plan_name: m.plan.name,
    level: m.plan.level,
    valid_until: m.expires_at ? new Date(m.expires_at).toISOString() : null,
    starts_at: new Date(m.starts_at).toISOString(),
    status: m.status,
    code,
    qr_svg: await QRCode.toString(code, { type: "svg", margin: 1, errorCorrectionLevel: "M" }),
  }
}

/**
 * What the door sees: `valid`, `expired`, `cancelled`, `replaced` (a code this server signed for a
 * person who no longer holds it, or an earlier version of their card) or `invalid` (not signed by
 * this server, altered, or of a membership that no longer exists).
 */
export type CardCheck = MembershipVerifyResult

/** What the door sees when a card is scanned: the result, and the card's name only when it is current. */
export async function verifyMembershipCode(scope: MedusaContainer, code: string): Promise<MembershipVerifyResponse> {
  const read = readCardCode(code, await membershipCardKey(scope))
  const m = read ? await cardRow(scope, { number: read.number }) : null
  if (!read || !m) {
    return { result: "invalid", membership: null }
  }
  const share = read.kind === "card" && read.seat !== HOLDER_SEAT ? m.shares?.find((s) => s.id === read.seat) : null
  const current =
    read.kind === "card" &&
    (read.seat === HOLDER_SEAT ? read.version === m.card_version : !!share && read.version === share.card_version)
  const expired = m.status === "expired" || (!!m.expires_at && new Date(m.expires_at) <= new Date())
  const result: CardCheck =
    m.status === "cancelled" ? "cancelled" : !current ? "replaced" : expired ? "expired" : "valid"
  return {
    result,
    membership: {
      number: m.number,
      plan_name: m.plan.name,
      // Whose card it is, only while it is theirs: a replaced card names nobody.
      holder_name: current ? publicName(share ? share.customer : m.customer) : null,
      role: current ? (share ? "co_member" : "holder") : null,
      expires_at: m.expires_at ? new Date(m.expires_at).toISOString() : null,
      status: m.status,
    },
  }
}
