import {
  DatePicker,
  InlineTip,
  Input,
  Label,
  Switch,
  Text,
  Textarea,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Controller, useForm, type UseFormReturn } from "react-hook-form"
import {
  type OfferPromotion,
  useCreateCampaign,
  useUpdateCampaign,
} from "../../hooks/api/campaigns"
import { useConsentPurposes } from "../../hooks/api/consents"
import { useFormSave } from "../../hooks/use-form-save"
import { useTranslate } from "../../lib/i18n"
import {
  CAMPAIGN_BODY_FORMATS,
  CAMPAIGN_KINDS,
  type CampaignKind,
  type CustomerCampaign,
} from "../../lib/types"
import { ChoiceSelect } from "../common/choice-select"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"
import { AudienceFields } from "./audience-fields"
import {
  BODY_MAX,
  type CampaignFormValues,
  hasStarted,
  SHORT_DESCRIPTION_MAX,
  TITLE_MAX,
  toCreatePayload,
  toFormValues,
  toUpdatePayload,
} from "./campaign-form"
import { ImageField } from "./image-field"
import { PromotionField } from "./promotion-field"

/** The consent select's value for "every recipient" (a select item cannot have an empty value). */
const EVERY_RECIPIENT = "__every_recipient__"

type CampaignFormDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The campaign to edit; without it the drawer creates one. */
  campaign?: CustomerCampaign | null
  onCreated?: (campaign: CustomerCampaign) => void
}

/** The drawer to create a campaign, or edit one (everything before its start, its end after). */
export const CampaignFormDrawer = ({
  open,
  onOpenChange,
  campaign,
  onCreated,
}: CampaignFormDrawerProps) => {
  const { t } = useTranslate()

  const handleOpenChange = (next: boolean) => {
    if (!next) {
      // Radix can leave the body locked when a menu opened this drawer (as the dashboard notes).
      document.body.style.pointerEvents = "auto"
    }
    onOpenChange(next)
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={handleOpenChange}
      title={campaign ? t("messagesPage.form.editTitle") : t("messagesPage.form.createTitle")}
      description={t("messagesPage.form.description")}
      hideDescription
      data-testid="campaign-form-drawer"
    >
      {open && (
        <CampaignForm
          key={campaign?.id ?? "new"}
          campaign={campaign ?? null}
          onDone={() => handleOpenChange(false)}
          onCreated={onCreated}
        />
      )}
    </FormDrawer>
  )
}

type CampaignFormProps = {
  campaign: CustomerCampaign | null
  onDone: () => void
  onCreated?: (campaign: CustomerCampaign) => void
}

const CampaignForm = ({ campaign, onDone, onCreated }: CampaignFormProps) => {
  const { t } = useTranslate()
  const form = useForm<CampaignFormValues>({ defaultValues: toFormValues(campaign) })
  const { errors } = form.formState
  const { mutateAsync: create, isPending: isCreating } = useCreateCampaign()
  const { mutateAsync: update, isPending: isUpdating } = useUpdateCampaign()
  const createSave = useFormSave(create)
  const updateSave = useFormSave(update)
  const serverError = campaign ? updateSave.serverError : createSave.serverError
  const started = !!campaign && hasStarted(campaign)
  const kind = form.watch("kind")

  const handleSubmit = form.handleSubmit(async (values) => {
    if (campaign) {
      await updateSave.save(
        { id: campaign.id, changes: toUpdatePayload(values, campaign) },
        {
          success: ({ campaign: saved }) =>
            t("messagesPage.toasts.updated", { title: saved.title }),
          onSuccess: onDone,
        }
      )
    } else {
      await createSave.save(toCreatePayload(values), {
        success: ({ campaign: saved }) =>
          t("messagesPage.toasts.created", { title: saved.title }),
        onSuccess: ({ campaign: saved }) => {
          onDone()
          onCreated?.(saved)
        },
      })
    }
  })

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      submitOnModEnter
      serverError={serverError}
      cancelLabel={t("messagesPage.actions.cancel")}
      submitLabel={campaign ? t("messagesPage.actions.save") : t("messagesPage.actions.create")}
      isPending={isCreating || isUpdating}
      testIdPrefix="campaign-form"
      submitTestId="campaign-save"
    >
      {started && (
        <InlineTip label={t("messagesPage.form.startedLabel")} data-testid="campaign-form-started">
          {t("messagesPage.form.startedHint")}
        </InlineTip>
      )}
      <FormField id="campaign-form-kind" label={t("messagesPage.fields.kind")} hint={t(`messagesPage.kindHints.${kind}`)}>
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) =>
            campaign ? (
              <Input id="campaign-form-kind" value={t(`messagesPage.kinds.${field.value}`)} disabled readOnly data-testid="campaign-form-kind" />
            ) : (
              <ChoiceSelect<CampaignKind>
                id="campaign-form-kind"
                value={field.value}
                onValueChange={field.onChange}
                triggerRef={field.ref}
                choices={CAMPAIGN_KINDS.map((value) => ({
                  value,
                  label: t(`messagesPage.kinds.${value}`),
                }))}
                data-testid="campaign-form-kind"
              />
            )
          }
        />
      </FormField>
      <FormField
        id="campaign-form-title"
        label={t("messagesPage.fields.title")}
        error={errors.title?.message}
        data-testid="campaign-form-title-field"
      >
        <Input
          id="campaign-form-title"
          maxLength={TITLE_MAX}
          autoFocus={!started}
          disabled={started}
          placeholder={t("messagesPage.form.titlePlaceholder")}
          aria-invalid={!!errors.title || undefined}
          data-testid="campaign-form-title"
          {...form.register("title", {
            validate: (value) => !!value.trim() || t("messagesPage.form.titleRequired"),
          })}
        />
      </FormField>
      <FormField
        id="campaign-form-short-description"
        label={t("messagesPage.fields.shortDescription")}
        hint={t("messagesPage.form.shortDescriptionHint")}
        error={errors.short_description?.message}
        data-testid="campaign-form-short-description-field"
      >
        <Textarea
          id="campaign-form-short-description"
          rows={2}
          maxLength={SHORT_DESCRIPTION_MAX}
          disabled={started}
          aria-invalid={!!errors.short_description || undefined}
          data-testid="campaign-form-short-description"
          {...form.register("short_description", {
            validate: (value) =>
              !!value.trim() || t("messagesPage.form.shortDescriptionRequired"),
          })}
        />
      </FormField>
      <BodyFields form={form} disabled={started} />
      <Controller
        control={form.control}
        name="image_url"
        render={({ field }) => (
          <ImageField value={field.value} onChange={field.onChange} disabled={started} />
        )}
      />
      <ScheduleFields form={form} started={started} />
      <AudienceFields form={form} disabled={started} />
      {kind !== "message" && (
        <OfferFields form={form} campaign={campaign} disabled={started} />
      )}
      <EmailFields form={form} disabled={started} />
    </DrawerForm>
  )
}

type FieldsProps = { form: UseFormReturn<CampaignFormValues>; disabled?: boolean }

const BodyFields = ({ form, disabled }: FieldsProps) => {
  const { t } = useTranslate()
  return (
    <div className="flex flex-col gap-y-2">
      <FormField
        id="campaign-form-body"
        label={t("messagesPage.fields.body")}
        optional
        hint={t(`messagesPage.form.bodyHints.${form.watch("body_format")}`)}
      >
        <Textarea
          id="campaign-form-body"
          rows={6}
          maxLength={BODY_MAX}
          disabled={disabled}
          data-testid="campaign-form-body"
          {...form.register("body")}
        />
      </FormField>
      <FormField id="campaign-form-body-format" label={t("messagesPage.fields.bodyFormat")}>
        <Controller
          control={form.control}
          name="body_format"
          render={({ field }) =>
            disabled ? (
              <Input id="campaign-form-body-format" value={t(`messagesPage.bodyFormats.${field.value}`)} disabled readOnly />
            ) : (
              <ChoiceSelect
                id="campaign-form-body-format"
                value={field.value}
                onValueChange={field.onChange}
                triggerRef={field.ref}
                choices={CAMPAIGN_BODY_FORMATS.map((value) => ({
                  value,
                  label: t(`messagesPage.bodyFormats.${value}`),
                }))}
                data-testid="campaign-form-body-format"
              />
            )
          }
        />
      </FormField>
    </div>
  )
}

/** Start (empty: now) and end (empty: open-ended) of the distribution. After the start only the end. */
const ScheduleFields = ({ form, started }: { form: UseFormReturn<CampaignFormValues>; started: boolean }) => {
  const { t } = useTranslate()
  const { errors } = form.formState
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2" data-testid="campaign-form-schedule">
      <FormField
        id="campaign-form-starts-at"
        label={t("messagesPage.fields.startsAt")}
        hint={started ? undefined : t("messagesPage.form.startsAtHint")}
        data-testid="campaign-form-starts-at-field"
      >
        <Controller
          control={form.control}
          name="starts_at"
          render={({ field }) => (
            <div data-testid="campaign-form-starts-at">
              <DatePicker
                id="campaign-form-starts-at"
                aria-label={t("messagesPage.fields.startsAt")}
                granularity="minute"
                shouldCloseOnSelect={false}
                value={field.value}
                onChange={field.onChange}
                isDisabled={started}
              />
            </div>
          )}
        />
      </FormField>
      <FormField
        id="campaign-form-ends-at"
        label={t("messagesPage.fields.endsAt")}
        hint={t("messagesPage.form.endsAtHint")}
        error={errors.ends_at?.message}
        data-testid="campaign-form-ends-at-field"
      >
        <Controller
          control={form.control}
          name="ends_at"
          rules={{
            validate: (value) => {
              if (!value) {
                return true
              }
              const start = form.getValues("starts_at") ?? new Date()
              if (value.getTime() <= start.getTime()) {
                return t("messagesPage.form.endsBeforeStart")
              }
              return value.getTime() > Date.now() || t("messagesPage.form.endsInPast")
            },
          }}
          render={({ field }) => (
            <div data-testid="campaign-form-ends-at">
              <DatePicker
                id="campaign-form-ends-at"
                aria-label={t("messagesPage.fields.endsAt")}
                granularity="minute"
                shouldCloseOnSelect={false}
                value={field.value}
                onChange={field.onChange}
              />
            </div>
          )}
        />
      </FormField>
    </div>
  )
}

const positiveWhole = (value: string) => /^\d+$/.test(value.trim()) && Number(value) >= 1

/** Offers: the promotion and whether each recipient gets their own code; loyalty offers: the price in points. */
const OfferFields = ({
  form,
  campaign,
  disabled,
}: FieldsProps & { campaign: CustomerCampaign | null }) => {
  const { t } = useTranslate()
  const { errors } = form.formState
  const kind = form.watch("kind")
  const [promotion, setPromotion] = useState<OfferPromotion | null>(
    campaign?.promotion
      ? {
          id: campaign.promotion.id,
          code: campaign.promotion.code,
          status: campaign.promotion.status,
        }
      : null
  )

  return (
    <div className="flex flex-col gap-y-4" data-testid="campaign-form-offer">
      <FormField
        id="campaign-form-promotion"
        label={t("messagesPage.fields.promotion")}
        hint={t(`messagesPage.form.promotionHints.${kind === "loyalty_offer" ? "loyalty_offer" : "offer"}`)}
        error={errors.promotion_id?.message}
        data-testid="campaign-form-promotion-field"
      >
        <Controller
          control={form.control}
          name="promotion_id"
          rules={{
            validate: (value) =>
              form.getValues("kind") === "message" ||
              !!value ||
              t("messagesPage.form.promotionRequired"),
          }}
          render={({ field }) => (
            <PromotionField
              id="campaign-form-promotion"
              value={field.value ? promotion ?? { id: field.value, code: field.value, status: null } : null}
              onChange={(next) => {
                setPromotion(next)
                field.onChange(next?.id ?? "")
              }}
              disabled={disabled}
            />
          )}
        />
      </FormField>
      {kind === "offer" && (
        <Controller
          control={form.control}
          name="personal"
          render={({ field }) => (
            <SwitchRow
              id="campaign-form-personal"
              checked={field.value}
              onChange={field.onChange}
              disabled={disabled}
              label={t("messagesPage.fields.personal")}
              hint={t("messagesPage.form.personalHint")}
            />
          )}
        />
      )}
      {kind === "loyalty_offer" && (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <FormField
            id="campaign-form-points-cost"
            label={t("messagesPage.fields.pointsCost")}
            error={errors.points_cost?.message}
            data-testid="campaign-form-points-cost-field"
          >
            <Input
              id="campaign-form-points-cost"
              type="number"
              min={1}
              step={1}
              disabled={disabled}
              aria-invalid={!!errors.points_cost || undefined}
              data-testid="campaign-form-points-cost"
              {...form.register("points_cost", {
                validate: (value) =>
                  form.getValues("kind") !== "loyalty_offer" ||
                  positiveWhole(value) ||
                  t("messagesPage.form.pointsCostInvalid"),
              })}
            />
          </FormField>
          <FormField
            id="campaign-form-reward-valid-days"
            label={t("messagesPage.fields.rewardValidDays")}
            optional
            hint={t("messagesPage.form.rewardValidDaysHint")}
            error={errors.reward_valid_days?.message}
            data-testid="campaign-form-reward-valid-days-field"
          >
            <Input
              id="campaign-form-reward-valid-days"
              type="number"
              min={1}
              step={1}
              disabled={disabled}
              aria-invalid={!!errors.reward_valid_days || undefined}
              data-testid="campaign-form-reward-valid-days"
              {...form.register("reward_valid_days", {
                validate: (value) =>
                  !value.trim() ||
                  positiveWhole(value) ||
                  t("messagesPage.form.rewardValidDaysInvalid"),
              })}
            />
          </FormField>
        </div>
      )}
    </div>
  )
}

/** Also e-mail each recipient, optionally only those granting a consent purpose. */
const EmailFields = ({ form, disabled }: FieldsProps) => {
  const { t, locale } = useTranslate()
  const sendEmail = form.watch("send_email")
  const { purposes, isPending } = useConsentPurposes({ enabled: sendEmail })
  const current = form.getValues("email_consent")

  const choices = useMemo(() => {
    const rows = (purposes ?? [])
      .filter((purpose) => !purpose.archived_at || purpose.handle === current)
      .map((purpose) => ({ value: purpose.handle, label: purpose.name }))
    if (current && !rows.some((row) => row.value === current)) {
      rows.push({ value: current, label: current })
    }
    return [{ value: EVERY_RECIPIENT, label: t("messagesPage.form.consentNone") }, ...rows]
    // `t` changes identity on every render but only meaning with the locale.
  }, [purposes, current, locale])

  return (
    <div className="flex flex-col gap-y-4" data-testid="campaign-form-email">
      <Controller
        control={form.control}
        name="send_email"
        render={({ field }) => (
          <SwitchRow
            id="campaign-form-send-email"
            checked={field.value}
            onChange={field.onChange}
            disabled={disabled}
            label={t("messagesPage.fields.sendEmail")}
            hint={t("messagesPage.form.sendEmailHint")}
          />
        )}
      />
      {sendEmail && (
        <FormField
          id="campaign-form-email-consent"
          label={t("messagesPage.fields.emailConsent")}
          hint={t("messagesPage.form.consentHint")}
        >
          <Controller
            control={form.control}
            name="email_consent"
            render={({ field }) =>
              disabled ? (
                <Input
                  id="campaign-form-email-consent"
                  value={choices.find((choice) => choice.value === (field.value || EVERY_RECIPIENT))?.label ?? field.value}
                  disabled
                  readOnly
                />
              ) : (
                <ChoiceSelect
                  id="campaign-form-email-consent"
                  value={field.value || EVERY_RECIPIENT}
                  onValueChange={(next) => field.onChange(next === EVERY_RECIPIENT ? "" : next)}
                  triggerRef={field.ref}
                  placeholder={isPending ? t("messagesPage.form.consentLoading") : undefined}
                  choices={choices}
                  data-testid="campaign-form-email-consent"
                />
              )
            }
          />
        </FormField>
      )}
    </div>
  )
}

type SwitchRowProps = {
  id: string
  checked: boolean
  onChange: (checked: boolean) => void
  disabled?: boolean
  label: string
  hint: string
}

/** A switch with its label and a line explaining it; the switch's test id is its `id`. */
const SwitchRow = ({ id, checked, onChange, disabled, label, hint }: SwitchRowProps) => (
  <div className="flex items-start gap-x-3">
    <Switch id={id} checked={checked} onCheckedChange={onChange} disabled={disabled} data-testid={id} />
    <div className="flex flex-col">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      <Text size="small" className="text-ui-fg-subtle">
        {hint}
      </Text>
    </div>
  </div>
)
