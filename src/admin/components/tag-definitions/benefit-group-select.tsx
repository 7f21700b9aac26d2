import { Select } from "@medusajs/ui"
import { useMemo } from "react"
import { useBenefitCustomerGroups } from "../../hooks/api/tag-definitions"
import { useTranslate } from "../../lib/i18n"
import { NO_GROUP_VALUE } from "./constants"

type BenefitGroupSelectProps = {
  id: string
  /** A customer group id, or NO_GROUP_VALUE. */
  value: string
  onChange: (value: string) => void
  /** The group currently set, shown even when it is not among the first 100. */
  current?: { id: string; name: string } | null
  disabled?: boolean
  /** The trigger's; each option's is `<it>-option`. */
  "data-testid"?: string
}

/**
 * Picks the native customer group a tag (or a membership plan) puts its customers into, or none.
 */
export const BenefitGroupSelect = ({
  id,
  value,
  onChange,
  current,
  disabled,
  "data-testid": testId = "crm-tag-form-benefit-group",
}: BenefitGroupSelectProps) => {
  const { t } = useTranslate()
  const { customerGroups, isPending, isError } = useBenefitCustomerGroups()

  const options = useMemo(() => {
    const groups = (customerGroups ?? []).map((group) => ({
      id: group.id,
      name: group.name ?? group.id,
    }))
    if (current && !groups.some((group) => group.id === current.id)) {
      groups.unshift({ id: current.id, name: current.name })
    }
    return groups
  }, [customerGroups, current])

  return (
    <Select
      value={value}
      onValueChange={onChange}
      disabled={disabled || isPending}
    >
      <Select.Trigger
        id={id}
        data-testid={testId}
        aria-invalid={isError || undefined}
      >
        <Select.Value
          placeholder={
            isPending
              ? t("tagsPage.form.benefitGroupLoading")
              : t("tagsPage.form.noBenefitGroup")
          }
        />
      </Select.Trigger>
      <Select.Content>
        <Select.Item
          value={NO_GROUP_VALUE}
          data-testid={`${testId}-option`}
          data-value=""
        >
          {t("tagsPage.form.noBenefitGroup")}
        </Select.Item>
        {options.map((group) => (
          <Select.Item
            key={group.id}
            value={group.id}
            data-testid={`${testId}-option`}
            data-value={group.id}
          >
            {group.name}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
