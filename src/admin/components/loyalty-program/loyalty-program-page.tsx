import { useState } from "react"
import { useLoyaltyProgram } from "../../hooks/api/loyalty"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import { PageError, SectionsSkeleton } from "../common/load-states"
import { LoyaltySettingsDrawer } from "./loyalty-settings-drawer"
import { LoyaltySettingsSection } from "./loyalty-settings-section"
import { LoyaltyTotalsSection } from "./loyalty-totals-section"

/** Customers › Loyalty: the program's settings (with an edit drawer) and its totals. */
export const LoyaltyProgramPage = () => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const [isEditing, setIsEditing] = useState(false)
  const { program, totals, isPending, isError, error } = useLoyaltyProgram()

  const renderContent = () => {
    if (isPending) {
      return (
        <SectionsSkeleton
          rows={[7, 6]}
          data-testid="crm-loyalty-page-loading"
        />
      )
    }

    if (isError || !program || !totals) {
      return (
        <PageError
          title={t("loyaltyPage.loadErrorTitle")}
          description={t("loyaltyPage.loadError", {
            message: errorText(error),
          })}
          data-testid="crm-loyalty-page-error"
        />
      )
    }

    return (
      <>
        <LoyaltySettingsSection
          program={program}
          onEdit={() => setIsEditing(true)}
        />
        <LoyaltyTotalsSection totals={totals} />
        <LoyaltySettingsDrawer
          program={program}
          open={isEditing}
          onOpenChange={setIsEditing}
        />
      </>
    )
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="crm-loyalty-page">
      {renderContent()}
    </div>
  )
}
