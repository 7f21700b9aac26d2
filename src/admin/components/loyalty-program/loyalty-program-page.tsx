import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import { useLoyaltyProgram } from "../../hooks/api/loyalty"
import { useTranslate } from "../../lib/i18n"
import { LoyaltySettingsDrawer } from "./loyalty-settings-drawer"
import { LoyaltySettingsSection } from "./loyalty-settings-section"
import { LoyaltyTotalsSection } from "./loyalty-totals-section"

const PageSkeleton = () => (
  <div className="flex flex-col gap-y-3" data-testid="crm-loyalty-page-loading">
    {[7, 6].map((rows, index) => (
      <Container key={index} className="divide-y p-0">
        <div className="px-6 py-4">
          <Skeleton className="h-7 w-48" />
        </div>
        {Array.from({ length: rows }).map((_, row) => (
          <div key={row} className="grid grid-cols-2 gap-4 px-6 py-4">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-4 w-40" />
          </div>
        ))}
      </Container>
    ))}
  </div>
)

/** Customers › Loyalty: the program's settings (with an edit drawer) and its totals. */
export const LoyaltyProgramPage = () => {
  const { t } = useTranslate()
  const [isEditing, setIsEditing] = useState(false)
  const { program, totals, isPending, isError, error } = useLoyaltyProgram()

  const renderContent = () => {
    if (isPending) {
      return <PageSkeleton />
    }

    if (isError || !program || !totals) {
      return (
        <Container
          className="flex flex-col items-center gap-y-3 px-6 py-10 text-center"
          data-testid="crm-loyalty-page-error"
        >
          <Heading level="h2">{t("loyaltyPage.loadErrorTitle")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("loyaltyPage.loadError", { message: error?.message ?? "" })}
          </Text>
        </Container>
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
