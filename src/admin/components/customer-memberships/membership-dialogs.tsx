import type { ComponentType } from "react"
import { useTranslate } from "../../lib/i18n"
import type { Membership } from "../../lib/types"
import { FormDrawer } from "../common/drawer-form"
import { CancelMembershipForm } from "./cancel-membership-drawer"
import { EditExpirationForm } from "./edit-expiration-drawer"
import type { MembershipAction } from "./format"
import { GiftMembershipForm } from "./gift-membership-drawer"
import { MembershipCardModal } from "./membership-card"
import { MembershipHistoryDrawer } from "./membership-history-drawer"
import { ShareMembershipForm } from "./share-membership-drawer"

export type MembershipDialogProps = {
  customerId: string
  membership: Membership
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** What a membership action's form gets: `onDone` closes its drawer. */
export type MembershipFormProps = {
  customerId: string
  membership: Membership
  onDone: () => void
}

/**
 * The drawer of an action with a form, titled and described by `memberships.<action>.title` and
 * `.description`. The form is mounted only while the drawer is open, so it starts afresh each time.
 */
const actionDrawer = (
  action: "expiration" | "cancel" | "gift" | "share",
  Form: ComponentType<MembershipFormProps>,
  testId: string
) => {
  const MembershipActionDrawer = ({
    customerId,
    membership,
    open,
    onOpenChange,
  }: MembershipDialogProps) => {
    const { t } = useTranslate()

    return (
      <FormDrawer
        open={open}
        onOpenChange={onOpenChange}
        title={t(`memberships.${action}.title`)}
        description={t(`memberships.${action}.description`)}
        data-testid={testId}
      >
        {open && (
          <Form
            customerId={customerId}
            membership={membership}
            onDone={() => onOpenChange(false)}
          />
        )}
      </FormDrawer>
    )
  }
  return MembershipActionDrawer
}

type MembershipDialogsProps = {
  customerId: string
  membership: Membership
  /** The one open, or null. */
  action: Exclude<MembershipAction, "renew"> | null
  onClose: () => void
}

const DIALOGS = {
  expiration: actionDrawer(
    "expiration",
    EditExpirationForm,
    "crm-membership-expiration-drawer"
  ),
  cancel: actionDrawer(
    "cancel",
    CancelMembershipForm,
    "crm-membership-cancel-drawer"
  ),
  gift: actionDrawer("gift", GiftMembershipForm, "crm-membership-gift-drawer"),
  share: actionDrawer(
    "share",
    ShareMembershipForm,
    "crm-membership-share-drawer"
  ),
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
