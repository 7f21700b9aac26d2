import { LockClosedSolid, LockOpenSolid, PencilSquare } from "@medusajs/icons"
import { Alert, Button, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useState } from "react"
import { useAdminUserLabel, useLiftLegalHold } from "../../hooks/api/privacy"
import { useConfirmedMutation } from "../../hooks/use-confirmed-mutation"
import { formatDateTime } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { PrivacyLegalHold } from "../../lib/types"
import { LegalHoldDrawer } from "./legal-hold-drawer"

type LegalHoldSectionProps = {
  customerId: string
  legalHold: PrivacyLegalHold | null
}

/**
 * Whether the customer is on legal hold: set one (with a reason), or see why, who set it and
 * when, change the reason or lift it.
 */
export const LegalHoldSection = ({
  customerId,
  legalHold,
}: LegalHoldSectionProps) => {
  const { t } = useTranslate()
  const [isEditing, setIsEditing] = useState(false)

  return (
    <div className="divide-y" data-testid="crm-privacy-hold">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h3">{t("privacy.legalHold.title")}</Heading>
          <StatusBadge
            color={legalHold ? "orange" : "grey"}
            data-testid="crm-privacy-hold-status"
            data-status={legalHold ? "on" : "off"}
          >
            {legalHold ? t("privacy.legalHold.on") : t("privacy.legalHold.off")}
          </StatusBadge>
        </div>
        {!legalHold && (
          <Button
            size="small"
            variant="secondary"
            onClick={() => setIsEditing(true)}
            data-testid="crm-privacy-hold-set"
          >
            <LockClosedSolid />
            {t("privacy.legalHold.set")}
          </Button>
        )}
      </div>
      <div className="px-6 py-4">
        {legalHold ? (
          <LegalHoldAlert
            customerId={customerId}
            legalHold={legalHold}
            onEdit={() => setIsEditing(true)}
          />
        ) : (
          <Text size="small" className="text-ui-fg-subtle">
            {t("privacy.legalHold.hint")}
          </Text>
        )}
      </div>
      <LegalHoldDrawer
        customerId={customerId}
        reason={legalHold?.reason}
        open={isEditing}
        onOpenChange={setIsEditing}
      />
    </div>
  )
}

type LegalHoldAlertProps = {
  customerId: string
  legalHold: PrivacyLegalHold
  onEdit: () => void
}

/** Why the customer is on hold, who set it and when, with Change reason and Lift hold. */
const LegalHoldAlert = ({
  customerId,
  legalHold,
  onEdit,
}: LegalHoldAlertProps) => {
  const { t, locale } = useTranslate()
  const setBy = useAdminUserLabel(legalHold.set_by)
  const { confirmAndRun, isPending } = useConfirmedMutation(
    useLiftLegalHold(customerId)
  )
  const date = formatDateTime(legalHold.created_at, locale)

  const handleLift = () =>
    confirmAndRun(undefined, {
      title: t("privacy.legalHold.liftTitle"),
      description: t("privacy.legalHold.liftDescription"),
      confirmText: t("privacy.legalHold.lift"),
      cancelText: t("privacy.cancel"),
      success: () => t("privacy.legalHold.lifted"),
    })

  return (
    <Alert variant="warning" data-testid="crm-privacy-hold-details">
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <Text
            size="small"
            leading="compact"
            weight="plus"
            className="whitespace-pre-wrap break-words"
            data-testid="crm-privacy-hold-reason-text"
          >
            {t("privacy.legalHold.reason", { reason: legalHold.reason })}
          </Text>
          <Text
            size="small"
            className="text-ui-fg-subtle"
            data-testid="crm-privacy-hold-set-by"
          >
            {setBy
              ? t("privacy.legalHold.setBy", { name: setBy, date })
              : t("privacy.legalHold.setOn", { date })}
          </Text>
          <Text size="small" className="text-ui-fg-muted">
            {t("privacy.legalHold.blocks")}
          </Text>
        </div>
        <div className="flex shrink-0 items-center gap-x-2">
          <Button
            size="small"
            variant="secondary"
            onClick={onEdit}
            data-testid="crm-privacy-hold-edit"
          >
            <PencilSquare />
            {t("privacy.legalHold.edit")}
          </Button>
          <Button
            size="small"
            variant="secondary"
            isLoading={isPending}
            onClick={handleLift}
            data-testid="crm-privacy-hold-lift"
          >
            <LockOpenSolid />
            {t("privacy.legalHold.lift")}
          </Button>
        </div>
      </div>
    </Alert>
  )
}
