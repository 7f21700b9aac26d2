import { clx, Input, RadioGroup, Text, Textarea } from "@medusajs/ui"
import { Controller, useForm } from "react-hook-form"
import { useAdjustLoyaltyPoints } from "../../hooks/api/loyalty"
import { formatPoints, formatSignedPoints } from "../../lib/format"
import { useFormSave } from "../../hooks/use-form-save"
import { useTranslate } from "../../lib/i18n"
import { LOYALTY_ADJUSTMENT_REASON_MAX_LENGTH } from "../../lib/types"
import { DrawerForm, formDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"
import { pointsText } from "./format"


const DIRECTIONS = ["add", "remove"] as const

type Direction = (typeof DIRECTIONS)[number]

/** The amount typed, when it is a whole number above 0; else null. */
const parseAmount = (value: string) => {
  const trimmed = value.trim()
  if (!/^\d+$/.test(trimmed)) {
    return null
  }
  const amount = Number(trimmed)
  return Number.isSafeInteger(amount) && amount > 0 ? amount : null
}

type AdjustPointsDrawerProps = {
  customerId: string
  /** The customer's available points now, for the preview. */
  available: number
  onAdjusted?: () => void
}

type AdjustPointsFormValues = {
  direction: Direction
  points: string
  reason: string
}

type AdjustPointsFormProps = AdjustPointsDrawerProps & {
  onDone: () => void
}

const AdjustPointsForm = ({
  customerId,
  available,
  onAdjusted,
  onDone,
}: AdjustPointsFormProps) => {
  const { t, locale } = useTranslate()
  const form = useForm<AdjustPointsFormValues>({
    defaultValues: { direction: "add", points: "", reason: "" },
  })
  const { errors } = form.formState
  const { mutateAsync, isPending } = useAdjustLoyaltyPoints(customerId)
  const { save, serverError } = useFormSave(mutateAsync)

  const direction = form.watch("direction")
  const amount = parseAmount(form.watch("points")) ?? 0
  const change = direction === "add" ? amount : -amount
  // The server's rule: removing points never takes the available balance below 0.
  const refused = change < 0 && available + change < 0

  const handleSubmit = form.handleSubmit(async (values) => {
    const points = parseAmount(values.points)
    if (points === null || refused) {
      return
    }
    await save(
      {
        points: values.direction === "add" ? points : -points,
        reason: values.reason.trim(),
      },
      {
        success: () => {
          const text = pointsText(points, t, locale)
          return values.direction === "add"
            ? t("loyalty.added", { points: text })
            : t("loyalty.removed", { points: text })
        },
        onSuccess: () => {
          onAdjusted?.()
          onDone()
        },
      }
    )
  })

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      serverError={serverError}
      cancelLabel={t("loyalty.cancel")}
      submitLabel={t("loyalty.adjustSubmit")}
      isPending={isPending}
      submitDisabled={refused}
      testIdPrefix="crm-loyalty-adjust"
    >
      <Controller
        control={form.control}
        name="direction"
        render={({ field }) => (
          <RadioGroup
            value={field.value}
            onValueChange={(next) => field.onChange(next as Direction)}
            aria-label={t("loyalty.adjustTitle")}
            className="grid-cols-1 sm:grid-cols-2"
            data-testid="crm-loyalty-adjust-direction"
            data-value={field.value}
          >
            {DIRECTIONS.map((value) => (
              <RadioGroup.ChoiceBox
                key={value}
                value={value}
                label={t(`loyalty.direction.${value}`)}
                description={t(`loyalty.direction.${value}Hint`)}
                data-testid={`crm-loyalty-adjust-direction-${value}`}
              />
            ))}
          </RadioGroup>
        )}
      />
      <FormField
        id="crm-loyalty-adjust-points"
        label={t("loyalty.amount")}
        error={errors.points?.message}
        data-testid="crm-loyalty-adjust-points-field"
      >
        <Input
          id="crm-loyalty-adjust-points"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          autoFocus
          autoComplete="off"
          aria-invalid={!!errors.points}
          {...form.register("points", {
            validate: (value) =>
              parseAmount(value) !== null || t("loyalty.amountInvalid"),
          })}
          data-testid="crm-loyalty-adjust-points"
        />
      </FormField>
      <FormField
        id="crm-loyalty-adjust-reason"
        label={t("loyalty.reason")}
        hint={t("loyalty.reasonHint")}
        error={errors.reason?.message}
        data-testid="crm-loyalty-adjust-reason-field"
      >
        <Textarea
          id="crm-loyalty-adjust-reason"
          rows={3}
          maxLength={LOYALTY_ADJUSTMENT_REASON_MAX_LENGTH}
          aria-invalid={!!errors.reason}
          {...form.register("reason", {
            validate: (value) =>
              !!value.trim() || t("loyalty.reasonRequired"),
          })}
          data-testid="crm-loyalty-adjust-reason"
        />
      </FormField>
      <BalancePreview available={available} change={change} refused={refused} />
    </DrawerForm>
  )
}

type BalancePreviewProps = {
  available: number
  change: number
  /** Removing this much is refused (the balance would go below 0). */
  refused: boolean
}

/**
 * The balance now, the change, and the balance it leaves; or, when the removal would take the
 * balance below 0 (which the server refuses), how many points can be removed.
 */
const BalancePreview = ({ available, change, refused }: BalancePreviewProps) => {
  const { t, locale } = useTranslate()
  const after = available + change

  const rows = [
    {
      label: t("loyalty.previewCurrent"),
      value: formatPoints(available, locale),
      className: clx({ "text-ui-fg-error": available < 0 }),
    },
    {
      label: t("loyalty.previewChange"),
      value: formatSignedPoints(change, locale),
      className: clx({
        "text-ui-tag-green-text": change > 0,
        "text-ui-fg-error": change < 0,
      }),
    },
  ]

  return (
    <div
      className="shadow-elevation-card-rest bg-ui-bg-component flex flex-col gap-y-2 rounded-lg px-4 py-3"
      data-testid="crm-loyalty-adjust-preview"
    >
      {rows.map((row) => (
        <div key={row.label} className="flex items-center justify-between">
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {row.label}
          </Text>
          <Text size="small" leading="compact" className={row.className}>
            {row.value}
          </Text>
        </div>
      ))}
      <div className="flex items-center justify-between border-t pt-2">
        <Text size="small" leading="compact" weight="plus">
          {t("loyalty.previewAfter")}
        </Text>
        <Text
          size="small"
          leading="compact"
          weight="plus"
          className={clx({ "text-ui-fg-error": after < 0 })}
          data-testid="crm-loyalty-adjust-preview-balance"
          data-points={after}
        >
          {after < 0 && !refused
            ? t("loyalty.previewOwes", {
                balance: formatPoints(after, locale),
                points: pointsText(-after, t, locale),
              })
            : formatPoints(after, locale)}
        </Text>
      </div>
      {refused && (
        <Text
          size="small"
          leading="compact"
          className="text-ui-fg-error"
          role="alert"
          data-testid="crm-loyalty-adjust-refused"
        >
          {t("loyalty.previewRefused", {
            points: pointsText(Math.max(0, available), t, locale),
          })}
        </Text>
      )}
    </div>
  )
}

/** "Adjust points": add or remove points by hand, with the reason why. */
export const AdjustPointsDrawer = formDrawer(AdjustPointsForm, {
  title: "loyalty.adjustTitle",
  description: "loyalty.adjustDescription",
  "data-testid": "crm-loyalty-adjust-drawer",
})
