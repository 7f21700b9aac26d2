import { PencilSquare } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  Heading,
  StatusBadge,
  Text,
} from "@medusajs/ui"
import { formatAmount, formatDateTime } from "../../lib/format"
import { type TranslateFn, useTranslate } from "../../lib/i18n"
import type { LoyaltyProgram, LoyaltyRate } from "../../lib/types"
import { SectionRow } from "../common/section-row"
import { pointsText } from "../customer-loyalty/format"

/** "Immediately" or "After 3 days": when earned points become available. */
const pendingText = (days: number, t: TranslateFn) => {
  if (days === 0) {
    return t("loyaltyPage.settings.immediately")
  }
  return days === 1
    ? t("loyaltyPage.settings.afterOneDay")
    : t("loyaltyPage.settings.afterDays", { count: days })
}

const expiryText = (months: number | null, t: TranslateFn) => {
  if (months === null) {
    return t("loyaltyPage.settings.never")
  }
  return months === 1
    ? t("loyaltyPage.settings.afterOneMonth")
    : t("loyaltyPage.settings.afterMonths", { count: months })
}

const reminderText = (program: LoyaltyProgram, t: TranslateFn) => {
  if (program.expiry_months === null || program.expiry_reminder_days === 0) {
    return t("loyaltyPage.settings.noReminder")
  }
  return program.expiry_reminder_days === 1
    ? t("loyaltyPage.settings.reminderOneDay")
    : t("loyaltyPage.settings.reminderDays", {
        count: program.expiry_reminder_days,
      })
}

const holdText = (hours: number, t: TranslateFn) =>
  hours === 1
    ? t("loyaltyPage.settings.oneHour")
    : t("loyaltyPage.settings.hours", { count: hours })

/** "1 point per €1.00 spent · 100 points = €1.00" */
const rateText = (rate: LoyaltyRate, t: TranslateFn, locale: string) =>
  t("loyaltyPage.settings.rate", {
    earn: pointsText(rate.earn_points_per_unit, t, locale),
    unit: formatAmount(1, rate.currency_code, locale),
    points: pointsText(rate.redeem_points, t, locale),
    value: formatAmount(rate.redeem_value, rate.currency_code, locale),
  })

type LoyaltySettingsSectionProps = {
  program: LoyaltyProgram
  onEdit: () => void
}

/** The program's settings, with the page's title and the Edit action. */
export const LoyaltySettingsSection = ({
  program,
  onEdit,
}: LoyaltySettingsSectionProps) => {
  const { t, locale } = useTranslate()

  return (
    <Container className="divide-y p-0" data-testid="crm-loyalty-settings">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <Heading>{t("loyaltyPage.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("loyaltyPage.subtitle")}
          </Text>
        </div>
        <div className="flex shrink-0 items-center gap-x-2">
          <StatusBadge
            color={program.enabled ? "green" : "grey"}
            data-testid="crm-loyalty-status"
            data-enabled={program.enabled ? "true" : "false"}
          >
            {program.enabled
              ? t("loyaltyPage.settings.enabled")
              : t("loyaltyPage.settings.disabled")}
          </StatusBadge>
          <Button
            size="small"
            variant="secondary"
            onClick={onEdit}
            data-testid="crm-loyalty-settings-edit"
          >
            <PencilSquare />
            {t("loyaltyPage.actions.edit")}
          </Button>
        </div>
      </div>
      <SectionRow
        title={t("loyaltyPage.fields.enrollment")}
        value={t(`loyaltyPage.enrollment.${program.enrollment}`)}
        data-testid="crm-loyalty-field-enrollment"
      />
      <SectionRow
        title={t("loyaltyPage.fields.earnOn")}
        value={t(`loyaltyPage.earnOn.${program.earn_on ?? "placed"}`)}
        data-testid="crm-loyalty-field-earn-on"
      />
      <SectionRow
        title={t("loyaltyPage.fields.pendingDays")}
        value={pendingText(program.pending_days, t)}
        data-testid="crm-loyalty-field-pending-days"
      />
      <SectionRow
        title={t("loyaltyPage.fields.expiryMonths")}
        value={expiryText(program.expiry_months, t)}
        data-testid="crm-loyalty-field-expiry-months"
      />
      <SectionRow
        title={t("loyaltyPage.fields.reminderDays")}
        value={reminderText(program, t)}
        data-testid="crm-loyalty-field-reminder-days"
      />
      <SectionRow
        title={t("loyaltyPage.fields.minRedeemPoints")}
        value={pointsText(program.min_redeem_points, t, locale)}
        data-testid="crm-loyalty-field-min-redeem"
      />
      <SectionRow
        title={t("loyaltyPage.fields.holdHours")}
        value={holdText(program.redemption_hold_hours, t)}
        data-testid="crm-loyalty-field-hold-hours"
      />
      <SectionRow
        title={t("loyaltyPage.fields.rates")}
        value={
          program.rates.length ? (
            <ul className="flex flex-col gap-y-1">
              {program.rates.map((rate) => (
                <li
                  key={rate.currency_code}
                  className="flex flex-wrap items-center gap-x-2"
                  data-testid="crm-loyalty-field-rate"
                  data-currency={rate.currency_code}
                >
                  <Badge size="2xsmall">
                    {rate.currency_code.toUpperCase()}
                  </Badge>
                  <span>{rateText(rate, t, locale)}</span>
                </li>
              ))}
            </ul>
          ) : (
            t("loyaltyPage.settings.noRates")
          )
        }
        data-testid="crm-loyalty-field-rates"
      />
      {program.updated_at && (
        <SectionRow
          title={t("loyaltyPage.fields.updatedAt")}
          value={formatDateTime(program.updated_at, locale)}
        />
      )}
    </Container>
  )
}
