import type { Membership } from "../../lib/types"
import { CancelMembershipDrawer } from "./cancel-membership-drawer"
import { EditExpirationDrawer } from "./edit-expiration-drawer"
import type { MembershipAction } from "./format"
import { GiftMembershipDrawer } from "./gift-membership-drawer"
import { MembershipCardModal } from "./membership-card"
import { MembershipHistoryDrawer } from "./membership-history-drawer"
import { ShareMembershipDrawer } from "./share-membership-drawer"

export type MembershipDialogProps = {
  customerId: string
  membership: Membership
  open: boolean
  onOpenChange: (open: boolean) => void
}

type MembershipDialogsProps = {
  customerId: string
  membership: Membership
  /** The one open, or null. */
  action: Exclude<MembershipAction, "renew"> | null
  onClose: () => void
}

const DIALOGS = {
  expiration: EditExpirationDrawer,
  cancel: CancelMembershipDrawer,
  gift: GiftMembershipDrawer,
  share: ShareMembershipDrawer,
  card: MembershipCardModal,
  history: MembershipHistoryDrawer,
} as const

/** The drawers (and the card) a membership row's actions open; at most one is open. */
export const MembershipDialogs = ({
  customerId,
  membership,
  action,
  onClose,
}: MembershipDialogsProps) => {
  const handleOpenChange = (open: boolean) => {
    if (!open) {
      // Radix can leave the body locked when a menu opened the dialog (as the dashboard notes).
      document.body.style.pointerEvents = "auto"
      onClose()
    }
  }

  return (
    <>
      {(Object.keys(DIALOGS) as (keyof typeof DIALOGS)[]).map((key) => {
        const Dialog = DIALOGS[key]
        return (
          <Dialog
            key={key}
            customerId={customerId}
            membership={membership}
            open={action === key}
            onOpenChange={handleOpenChange}
          />
        )
      })}
    </>
  )
}
