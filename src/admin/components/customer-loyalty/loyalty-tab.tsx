import { Adjustments } from "@medusajs/icons"
import { Alert, Button, Heading } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { useCustomerLoyalty } from "../../hooks/api/loyalty"
import { useTranslate } from "../../lib/i18n"
import { useErrorMessage } from "../../lib/errors"
import type { CustomerLoyalty } from "../../lib/types"
import { SectionError, Skeletons } from "../common/load-states"
import { AdjustPointsDrawer } from "./adjust-points-drawer"
import { LoyaltyEnrollmentButton } from "./loyalty-enrollment-button"
import { LoyaltyHistory } from "./loyalty-history"
import { LoyaltySummary } from "./loyalty-summary"

const LoyaltySkeleton = () => (
  <div
    className="flex flex-col gap-y-3 px-6 py-4"
    data-testid="crm-loyalty-loading"
  >
    <div className="grid grid-cols-3 gap-x-6">
      <Skeletons count={3} className="h-12 w-full" />
    </div>
    <Skeletons count={3} className="h-5 w-full" />
  </div>
)

type LoyaltyNoticeProps = {
  loyalty: CustomerLoyalty
}

/** Why the customer does not collect points: the program is off, or they are not enrolled. */
const LoyaltyNotice = ({ loyalty }: LoyaltyNoticeProps) => {
  const { t } = useTranslate()

  if (!loyalty.program_enabled) {
    return (
      <div className="px-6 py-4">
        <Alert variant="info" data-testid="crm-loyalty-disabled">
          <div>
            {t("loyalty.programDisabled")}{" "}
            <Link
              to="/crm-loyalty"
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
              data-testid="crm-loyalty-settings-link"
            >
              {t("loyalty.openSettings")}
            </Link>
          </div>
        </Alert>
      </div>
    )
  }

  if (!loyalty.enrolled) {
    return (
      <div className="px-6 py-4">
        <Alert variant="info" data-testid="crm-loyalty-not-enrolled">
          {t("loyalty.notEnrolledNotice")}
        </Alert>
      </div>
    )
  }

  return null
}

type LoyaltyTabProps = {
  customerId: string
}

/** The Loyalty tab: the customer's points, what they are worth, their history, and adjustments. */
export const LoyaltyTab = ({ customerId }: LoyaltyTabProps) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const [offset, setOffset] = useState(0)
  const [isAdjusting, setIsAdjusting] = useState(false)
  const { loyalty, entries, count, isPending, isFetching, isError, error } =
    useCustomerLoyalty(customerId, { offset })

  const renderBody = () => {
    if (isPending) {
      return <LoyaltySkeleton />
    }

    if (isError || !loyalty) {
      return (
        <SectionError data-testid="crm-loyalty-error">
          {t("loyalty.loadError", { message: errorText(error) })}
        </SectionError>
      )
    }

    return (
      <>
        <LoyaltyNotice loyalty={loyalty} />
        <LoyaltySummary loyalty={loyalty} />
        <LoyaltyHistory
          entries={entries ?? []}
          count={count ?? 0}
          isLoading={isFetching}
          offset={offset}
          onOffsetChange={setOffset}
        />
      </>
    )
  }

  return (
    <div className="divide-y" data-testid="crm-loyalty-tab">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Heading level="h3">{t("loyalty.title")}</Heading>
        {loyalty && (
          <div className="flex items-center gap-x-2">
            {loyalty.enrollment === "per_customer" && (
              <LoyaltyEnrollmentButton
                customerId={customerId}
                enrolled={loyalty.enrolled}
              />
            )}
            <Button
              size="small"
              variant="secondary"
              disabled={!loyalty.program_enabled || !loyalty.enrolled}
              onClick={() => setIsAdjusting(true)}
              data-testid="crm-loyalty-adjust"
            >
              <Adjustments />
              {t("loyalty.adjust")}
            </Button>
          </div>
        )}
      </div>
      {renderBody()}
      {loyalty && (
        <AdjustPointsDrawer
          customerId={customerId}
          available={loyalty.balance.available}
          open={isAdjusting}
          onOpenChange={setIsAdjusting}
          onAdjusted={() => setOffset(0)}
        />
      )}
    </div>
  )
}
