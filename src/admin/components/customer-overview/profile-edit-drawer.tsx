import {
  Badge,
  Checkbox,
  Input,
  Label,
  Select,
  Skeleton,
  Text,
} from "@medusajs/ui"
import { useState } from "react"
import { Controller, useForm } from "react-hook-form"
import {
  useCrmSalesChannels,
  useUpdateCustomerProfile,
} from "../../hooks/api/customer-profile"
import { formatCalendarDate, parseIsoDate, toIsoDate } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type {
  CustomerGender,
  CustomerProfile,
  UpdateCustomerProfilePayload,
} from "../../lib/types"
import { DateField } from "../common/date-field"
import { DrawerForm, formDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"
import { CountrySelect } from "./country-select"
import { ProfilePhotoField } from "./profile-photo-field"

export const GENDERS: CustomerGender[] = [
  "female",
  "male",
  "non_binary",
  "unspecified",
]

/** Radix Select items cannot have "" as value: this one stands for "not set". */
const NO_GENDER = "__none__"

/** Mirror the API's limits (src/lib/profile.ts). */
const EXTERNAL_ID_MAX_LENGTH = 100
const GATE_CODE_MAX_LENGTH = 50

type ProfileFormValues = {
  birth_date: string
  gender: CustomerGender | ""
  nationality: string
  anniversary: string
  external_id: string
  gate_code: string
  sales_channel_ids: string[]
}

const toFormValues = (profile: CustomerProfile): ProfileFormValues => ({
  birth_date: profile.birth_date ?? "",
  gender: profile.gender ?? "",
  nationality: profile.nationality ?? "",
  // A date taken from the first order is not the merchant's: the field stays empty until one is set.
  anniversary:
    profile.anniversary_source === "first_order"
      ? ""
      : (profile.anniversary ?? ""),
  external_id: profile.external_id ?? "",
  gate_code: profile.gate_code ?? "",
  sales_channel_ids: profile.stores.map((store) => store.sales_channel_id),
})

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && a.every((value) => b.includes(value))

/** Only what changed is sent: "" becomes null (clears the field). */
const toPayload = (
  initial: ProfileFormValues,
  values: ProfileFormValues
): UpdateCustomerProfilePayload => {
  const payload: UpdateCustomerProfilePayload = {}
  const text = (value: string) => value.trim() || null

  if (values.birth_date !== initial.birth_date) {
    payload.birth_date = values.birth_date || null
  }
  if (values.gender !== initial.gender) {
    payload.gender = values.gender || null
  }
  if (values.nationality !== initial.nationality) {
    payload.nationality = values.nationality || null
  }
  if (values.anniversary !== initial.anniversary) {
    payload.anniversary = values.anniversary || null
  }
  if (values.external_id.trim() !== initial.external_id.trim()) {
    payload.external_id = text(values.external_id)
  }
  if (values.gate_code.trim() !== initial.gate_code.trim()) {
    payload.gate_code = text(values.gate_code)
  }
  if (!sameSet(values.sales_channel_ids, initial.sales_channel_ids)) {
    payload.sales_channel_ids = values.sales_channel_ids
  }
  return payload
}

type ProfileEditDrawerProps = {
  customerId: string
  profile: CustomerProfile
  initials: string
}

type ProfileFormProps = ProfileEditDrawerProps & {
  onDone: () => void
}

const ProfileForm = ({
  customerId,
  profile,
  initials,
  onDone,
}: ProfileFormProps) => {
  const { t, locale } = useTranslate()
  // What the form started from: the diff sent on Save is against this, not a later refetch.
  const [initial] = useState(() => toFormValues(profile))
  const form = useForm<ProfileFormValues>({ defaultValues: initial })
  const { errors } = form.formState
  const today = toIsoDate()

  const { mutateAsync, isPending } = useUpdateCustomerProfile(customerId)

  const handleSubmit = form.handleSubmit(async (values) => {
    const payload = toPayload(initial, values)
    if (!Object.keys(payload).length) {
      onDone()
      return
    }
    await mutateWithToast(mutateAsync, payload, {
      success: () => t("profile.form.saved"),
      onSuccess: onDone,
    })
  })

  const validDate = (value: string) =>
    !value || parseIsoDate(value) !== null || t("profile.form.invalidDate")

  return (
    <DrawerForm
      onSubmit={handleSubmit}
      cancelLabel={t("profile.form.cancel")}
      submitLabel={t("profile.form.save")}
      isPending={isPending}
      submitTestId="crm-profile-save"
      testIdPrefix="crm-profile"
    >
      <ProfilePhotoField
        customerId={customerId}
        profile={profile}
        initials={initials}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FormField
          label={t("profile.fields.birthDate")}
          id="crm-profile-birth-date"
          error={errors.birth_date?.message}
          data-testid="crm-profile-field-birth-date"
        >
          <Controller
            control={form.control}
            name="birth_date"
            rules={{
              validate: (value) => {
                const valid = validDate(value)
                if (valid !== true) {
                  return valid
                }
                return (
                  !value ||
                  value <= toIsoDate() ||
                  t("profile.form.birthDateInFuture")
                )
              },
            }}
            render={({ field }) => (
              <DateField
                id="crm-profile-birth-date"
                aria-label={t("profile.fields.birthDate")}
                value={field.value}
                onChange={field.onChange}
                max={today}
                data-testid="crm-profile-birth-date"
              />
            )}
          />
        </FormField>
        <FormField
          label={t("profile.fields.gender")}
          id="crm-profile-gender"
        >
          <Controller
            control={form.control}
            name="gender"
            render={({ field }) => (
              <Select
                value={field.value}
                onValueChange={(value) =>
                  field.onChange(
                    value === NO_GENDER ? "" : (value as CustomerGender)
                  )
                }
              >
                <Select.Trigger
                  id="crm-profile-gender"
                  ref={field.ref}
                  onBlur={field.onBlur}
                  data-testid="crm-profile-gender"
                >
                  <Select.Value
                    placeholder={t("profile.form.selectGender")}
                  />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value={NO_GENDER}>
                    {t("profile.notSet")}
                  </Select.Item>
                  {GENDERS.map((gender) => (
                    <Select.Item
                      key={gender}
                      value={gender}
                      data-testid={`crm-profile-gender-${gender}`}
                    >
                      {t(`profile.gender.${gender}`)}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            )}
          />
        </FormField>
        <FormField
          label={t("profile.fields.nationality")}
          id="crm-profile-nationality"
        >
          <Controller
            control={form.control}
            name="nationality"
            render={({ field }) => (
              <CountrySelect
                id="crm-profile-nationality"
                ref={field.ref}
                value={field.value}
                onChange={field.onChange}
              />
            )}
          />
        </FormField>
        <FormField
          label={t("profile.fields.anniversary")}
          id="crm-profile-anniversary"
          error={errors.anniversary?.message}
          hint={
            profile.anniversary_source === "first_order" &&
            profile.anniversary
              ? t("profile.form.anniversaryFromFirstOrder", {
                  date: formatCalendarDate(profile.anniversary, locale),
                })
              : undefined
          }
          data-testid="crm-profile-field-anniversary"
        >
          <Controller
            control={form.control}
            name="anniversary"
            rules={{ validate: validDate }}
            render={({ field }) => (
              <DateField
                id="crm-profile-anniversary"
                aria-label={t("profile.fields.anniversary")}
                value={field.value}
                onChange={field.onChange}
                data-testid="crm-profile-anniversary"
              />
            )}
          />
        </FormField>
        <FormField
          label={t("profile.fields.externalId")}
          id="crm-profile-external-id"
        >
          <Input
            id="crm-profile-external-id"
            maxLength={EXTERNAL_ID_MAX_LENGTH}
            autoComplete="off"
            {...form.register("external_id")}
            data-testid="crm-profile-external-id"
          />
        </FormField>
        <FormField
          label={t("profile.fields.gateCode")}
          id="crm-profile-gate-code"
        >
          <Input
            id="crm-profile-gate-code"
            maxLength={GATE_CODE_MAX_LENGTH}
            autoComplete="off"
            {...form.register("gate_code")}
            data-testid="crm-profile-gate-code"
          />
        </FormField>
      </div>
      <Controller
        control={form.control}
        name="sales_channel_ids"
        render={({ field }) => (
          <StoresField
            profile={profile}
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
    </DrawerForm>
  )
}

type StoresFieldProps = {
  profile: CustomerProfile
  value: string[]
  onChange: (value: string[]) => void
}

/** The customer's stores: one checkbox per sales channel. */
const StoresField = ({ profile, value, onChange }: StoresFieldProps) => {
  const { t } = useTranslate()
  const { sales_channels, isPending, isError } = useCrmSalesChannels()

  // Channels the customer already has stay listed even if the list does not return them.
  const known = new Set((sales_channels ?? []).map((channel) => channel.id))
  const options = [
    ...(sales_channels ?? []).map((channel) => ({
      id: channel.id,
      name: channel.name,
      disabled: channel.is_disabled,
    })),
    ...profile.stores
      .filter((store) => !known.has(store.sales_channel_id))
      .map((store) => ({
        id: store.sales_channel_id,
        name: store.name ?? store.sales_channel_id,
        disabled: false,
      })),
  ]
  const fromOrders = new Set(
    profile.stores
      .filter((store) => store.source === "order")
      .map((store) => store.sales_channel_id)
  )

  const toggle = (id: string, checked: boolean) =>
    onChange(
      checked ? [...value, id] : value.filter((current) => current !== id)
    )

  return (
    <div className="flex flex-col gap-y-2" data-testid="crm-profile-stores">
      <Label size="small" weight="plus">
        {t("profile.fields.stores")}
      </Label>
      <Text size="xsmall" className="text-ui-fg-muted">
        {t("profile.form.storesHint")}
      </Text>
      {isPending ? (
        <div className="flex flex-col gap-y-2">
          <Skeleton className="h-5 w-48" />
          <Skeleton className="h-5 w-40" />
        </div>
      ) : isError && !options.length ? (
        <Text size="small" className="text-ui-fg-error">
          {t("profile.form.storesLoadError")}
        </Text>
      ) : !options.length ? (
        <Text size="small" className="text-ui-fg-muted">
          {t("profile.form.noStores")}
        </Text>
      ) : (
        <div className="shadow-elevation-card-rest bg-ui-bg-component divide-y rounded-lg">
          {options.map((option) => {
            const id = `crm-profile-store-${option.id}`
            return (
              <div
                key={option.id}
                className="flex items-center gap-x-3 px-3 py-2"
                data-testid="crm-profile-store"
                data-sales-channel-id={option.id}
              >
                <Checkbox
                  id={id}
                  checked={value.includes(option.id)}
                  onCheckedChange={(checked) =>
                    toggle(option.id, checked === true)
                  }
                  data-testid="crm-profile-store-checkbox"
                />
                <Label htmlFor={id} size="small" className="flex-1 truncate">
                  {option.name}
                </Label>
                {fromOrders.has(option.id) && (
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {t("profile.fromOrders")}
                  </Text>
                )}
                {option.disabled && (
                  <Badge size="2xsmall" color="grey">
                    {t("profile.form.disabledStore")}
                  </Badge>
                )}
              </div>
            )
          })}
        </div>
      )}
    </div>
  )
}

/** The "Edit" drawer of the profile. Its content mounts on open, so it starts from the saved profile. */
export const ProfileEditDrawer = formDrawer(ProfileForm, {
  title: "profile.form.title",
  keepMounted: true,
  "data-testid": "crm-profile-drawer",
})
