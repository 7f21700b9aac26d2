import { clx, StatusBadge, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { formatAmount, formatDate, formatPoints } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { CustomerLoyalty } from "../../lib/types"
import { SectionRow } from "../common/section-row"
import { currencyValuesText, pointsText } from "./format"

type BalanceProps = {
  label: string
  figure: ReactNode
  figureClassName?: string
  /** Under the figure. */
  children?: ReactNode
  "data-testid"?: string
}

/** One figure of the balance: its label above, the number below. */
const Balance = ({
  label,
  figure,
  figureClassName,
  children,
  "data-testid": testId,
}: BalanceProps) => (
  <div className="flex flex-col gap-y-1 px-6 py-4">
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text
      size="xlarge"
      leading="compact"
      weight="plus"
      className={figureClassName}
      data-testid={testId}
    >
      {figure}
    </Text>
    {children}
  </div>
)

type LoyaltySummaryProps = {
  loyalty: CustomerLoyalty
}

/** The customer's balances, what the available points are worth, the next expiry and enrollment. */
export const LoyaltySummary = ({ loyalty }: LoyaltySummaryProps) => {
  const { t, locale } = useTranslate()
  const { balance, next_expiry: nextExpiry } = loyalty
  const owes = balance.available < 0

  return (
    <>
      <div
        className="grid grid-cols-1 divide-y sm:grid-cols-3 sm:divide-x sm:divide-y-0"
        data-testid="crm-loyalty-balance"
      >
        <Balance
          label={t("loyalty.available")}
          figure={
            <span
              data-testid="crm-loyalty-available"
              data-points={balance.available}
            >
              {formatPoints(balance.available, locale)}
            </span>
          }
          figureClassName={clx({ "text-ui-fg-error": owes })}
        >
          {owes && (
            <Text
              size="small"
              leading="compact"
              className="text-ui-fg-error"
              data-testid="crm-loyalty-owes"
            >
              {t("loyalty.owes", {
                points: pointsText(-balance.available, t, locale),
              })}
            </Text>
          )}
        </Balance>
        <Balance
          label={t("loyalty.pending")}
          figure={formatPoints(balance.pending, locale)}
          data-testid="crm-loyalty-pending"
        />
        <Balance
          label={t("loyalty.lifetimeEarned")}
          figure={formatPoints(balance.lifetime_earned, locale)}
          data-testid="crm-loyalty-lifetime"
        />
      </div>
      <SectionRow
        title={t("loyalty.worth")}
        value={
          <span className={clx({ "text-ui-fg-error": owes })}>
            {/* One currency, the customer's (their orders'); all rates only when they have none. */}
            {loyalty.currency_code && loyalty.value !== null
              ? formatAmount(loyalty.value, loyalty.currency_code, locale)
              : currencyValuesText(loyalty.values, locale)}
          </span>
        }
        data-testid="crm-loyalty-worth"
      />
      {balance.held > 0 && (
        <SectionRow
          title={t("loyalty.held")}
          value={pointsText(balance.held, t, locale)}
          data-testid="crm-loyalty-held"
        />
      )}
      <SectionRow
        title={t("loyalty.nextExpiry")}
        value={
          nextExpiry
            ? t("loyalty.expiresOn", {
                points: pointsText(nextExpiry.points, t, locale),
                date: formatDate(nextExpiry.expires_at, locale),
              })
            : t("loyalty.noExpiry")
        }
        data-testid="crm-loyalty-next-expiry"
      />
      <SectionRow
        title={t("loyalty.enrollment")}
        value={<EnrollmentStatus loyalty={loyalty} />}
        data-testid="crm-loyalty-enrollment"
      />
    </>
  )
}

const EnrollmentStatus = ({ loyalty }: LoyaltySummaryProps) => {
  const { t, locale } = useTranslate()

  if (!loyalty.enrolled) {
    return (
      <StatusBadge color="grey" data-enrolled="false">
        {t("loyalty.notEnrolled")}
      </StatusBadge>
    )
  }

  return (
    <span className="flex flex-wrap items-center gap-x-2" data-enrolled="true">
      <StatusBadge color="green">{t("loyalty.enrolled")}</StatusBadge>
      <span className="text-ui-fg-muted">
        {loyalty.enrollment === "all"
          ? t("loyalty.enrolledAll")
          : loyalty.enrolled_at &&
            t("loyalty.enrolledSince", {
              date: formatDate(loyalty.enrolled_at, locale),
            })}
      </span>
    </span>
  )
}
