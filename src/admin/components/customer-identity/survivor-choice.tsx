import { Badge, clx, Heading, RadioGroup, Text } from "@medusajs/ui"
import { useTranslate } from "../../lib/i18n"
import type { CustomerSummary } from "../../lib/types"
import { AccountGlobe } from "./customer-cells"
import { customerLabel } from "./merge-format"

type SurvivorChoiceProps = {
  /** The two records, in the order they are shown. */
  records: readonly [CustomerSummary, CustomerSummary]
  /** The id of the record kept. */
  value: string
  onChange: (customerId: string) => void
  disabled?: boolean
}

/** "Keep this record": the two records side by side, one of them picked as the one that stays. */
export const SurvivorChoice = ({
  records,
  value,
  onChange,
  disabled,
}: SurvivorChoiceProps) => {
  const { t } = useTranslate()

  return (
    <div className="flex flex-col gap-y-2" data-testid="crm-merge-survivor">
      <div className="flex flex-col">
        <Heading level="h3" id="crm-merge-survivor-label">
          {t("identity.merge.keep")}
        </Heading>
        <Text size="small" className="text-ui-fg-muted">
          {t("identity.merge.keepHint")}
        </Text>
      </div>
      <RadioGroup
        value={value}
        onValueChange={onChange}
        disabled={disabled}
        aria-labelledby="crm-merge-survivor-label"
        className="grid grid-cols-1 gap-3 md:grid-cols-2"
      >
        {records.map((customer) => (
          <RecordCard
            key={customer.id}
            customer={customer}
            checked={customer.id === value}
          />
        ))}
      </RadioGroup>
    </div>
  )
}

type RecordCardProps = {
  customer: CustomerSummary
  checked: boolean
}

/** One record as a card: a click anywhere on it picks it. */
const RecordCard = ({ customer, checked }: RecordCardProps) => {
  const { t } = useTranslate()
  const inputId = `crm-merge-survivor-${customer.id}`

  return (
    <label
      htmlFor={inputId}
      className={clx(
        "bg-ui-bg-base shadow-borders-base transition-fg flex cursor-pointer items-start gap-x-3 rounded-lg p-4",
        "hover:bg-ui-bg-base-hover",
        { "shadow-borders-interactive-with-shadow": checked }
      )}
      data-testid="crm-merge-record"
      data-customer-id={customer.id}
      data-survivor={checked}
    >
      <RadioGroup.Item
        id={inputId}
        value={customer.id}
        data-testid={inputId}
      />
      <div className="flex min-w-0 flex-1 flex-col gap-y-0.5">
        <div className="flex items-center justify-between gap-x-2">
          <div className="flex min-w-0 items-center gap-x-1.5">
            <Text
              size="small"
              leading="compact"
              weight="plus"
              className="truncate"
            >
              {customerLabel(customer)}
            </Text>
            {customer.has_account && <AccountGlobe />}
          </div>
          <Badge size="2xsmall" color={checked ? "green" : "grey"}>
            {checked
              ? t("identity.merge.stays")
              : t("identity.merge.mergedAway")}
          </Badge>
        </div>
        {/* The rest of the record is compared field by field in the preview below. */}
        <Text size="small" className="text-ui-fg-subtle truncate">
          {customer.email || "-"}
        </Text>
      </div>
    </label>
  )
}
