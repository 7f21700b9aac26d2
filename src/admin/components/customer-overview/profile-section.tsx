import { PencilSquare } from "@medusajs/icons"
import { Avatar, Badge, Button, Heading, Skeleton, Text } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import {
  useCrmCustomer,
  useCustomerProfile,
} from "../../hooks/api/customer-profile"
import {
  ageFromBirthDate,
  countryName,
  formatCalendarDate,
} from "../../lib/format"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import { SectionError, Skeletons } from "../common/load-states"
import { ProfileEditDrawer } from "./profile-edit-drawer"

type ProfileRowProps = {
  title: string
  children?: ReactNode
  "data-testid": string
}

/** One row of the profile, laid out like the dashboard's `SectionRow`; "-" when empty. */
const ProfileRow = ({
  title,
  children,
  "data-testid": testId,
}: ProfileRowProps) => (
  <div
    className="text-ui-fg-subtle grid w-full grid-cols-2 items-center gap-4 px-6 py-4"
    data-testid={testId}
  >
    <Text size="small" weight="plus" leading="compact">
      {title}
    </Text>
    <div
      className="txt-compact-small flex min-w-0 flex-wrap items-center gap-1"
      data-testid={`${testId}-value`}
    >
      {children ?? "-"}
    </div>
  </div>
)

/** "JD" from John Doe, else the e-mail's first letter. */
const initialsOf = (
  customer:
    | {
        first_name?: string | null
        last_name?: string | null
        email?: string | null
      }
    | undefined
) => {
  const fromName = [customer?.first_name, customer?.last_name]
    .map((part) => part?.trim().charAt(0) ?? "")
    .join("")
  return (fromName || customer?.email?.charAt(0) || "?").toUpperCase()
}

type ProfileSectionProps = {
  customerId: string
}

/** The CRM profile on the Overview tab: photo, personal details and stores, with an Edit drawer. */
export const ProfileSection = ({ customerId }: ProfileSectionProps) => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const [isEditing, setIsEditing] = useState(false)
  const { profile, isPending, isError, error } = useCustomerProfile(customerId)
  const { customer } = useCrmCustomer(customerId)

  const initials = initialsOf(customer)
  const name = [customer?.first_name, customer?.last_name]
    .filter(Boolean)
    .join(" ")

  const renderBody = () => {
    if (isPending) {
      return (
        <div
          className="flex flex-col gap-y-4 px-6 py-4"
          data-testid="crm-profile-loading"
        >
          <div className="flex items-center gap-x-4">
            <Skeleton className="size-12 rounded-full" />
            <Skeleton className="h-4 w-40" />
          </div>
          <Skeletons count={4} className="h-4 w-full" />
        </div>
      )
    }

    if (isError || !profile) {
      return (
        <SectionError data-testid="crm-profile-error">
          {t("profile.loadError", { message: errorText(error) })}
        </SectionError>
      )
    }

    const age = ageFromBirthDate(profile.birth_date)

    return (
      <div className="divide-y">
        <div className="flex items-center gap-x-4 px-6 py-4">
          <Avatar
            size="xlarge"
            variant="rounded"
            src={profile.photo_url ?? undefined}
            fallback={initials}
            data-testid="crm-profile-avatar"
          />
          <div className="flex min-w-0 flex-col">
            <Text
              size="small"
              leading="compact"
              weight="plus"
              className="truncate"
            >
              {name || customer?.email || "-"}
            </Text>
            {name && customer?.email && (
              <Text
                size="small"
                leading="compact"
                className="text-ui-fg-subtle truncate"
              >
                {customer.email}
              </Text>
            )}
          </div>
        </div>
        <ProfileRow
          title={t("profile.fields.birthDate")}
          data-testid="crm-profile-birth-date-row"
        >
          {profile.birth_date && (
            <>
              <span>{formatCalendarDate(profile.birth_date, locale)}</span>
              {age !== null && (
                <span className="text-ui-fg-muted">
                  ({t("profile.age", { age })})
                </span>
              )}
            </>
          )}
        </ProfileRow>
        <ProfileRow
          title={t("profile.fields.gender")}
          data-testid="crm-profile-gender-row"
        >
          {profile.gender && t(`profile.gender.${profile.gender}`)}
        </ProfileRow>
        <ProfileRow
          title={t("profile.fields.nationality")}
          data-testid="crm-profile-nationality-row"
        >
          {profile.nationality && (
            <>
              <span>{countryName(profile.nationality, locale)}</span>
              <span className="text-ui-fg-muted">({profile.nationality})</span>
            </>
          )}
        </ProfileRow>
        <ProfileRow
          title={t("profile.fields.anniversary")}
          data-testid="crm-profile-anniversary-row"
        >
          {profile.anniversary && (
            <>
              <span>{formatCalendarDate(profile.anniversary, locale)}</span>
              {profile.anniversary_source === "first_order" && (
                <Badge
                  size="2xsmall"
                  color="grey"
                  data-testid="crm-profile-anniversary-first-order"
                >
                  {t("profile.fromFirstOrder")}
                </Badge>
              )}
            </>
          )}
        </ProfileRow>
        <ProfileRow
          title={t("profile.fields.externalId")}
          data-testid="crm-profile-external-id-row"
        >
          {profile.external_id && (
            <span className="break-all">{profile.external_id}</span>
          )}
        </ProfileRow>
        <ProfileRow
          title={t("profile.fields.gateCode")}
          data-testid="crm-profile-gate-code-row"
        >
          {profile.gate_code && (
            <span className="break-all">{profile.gate_code}</span>
          )}
        </ProfileRow>
        <ProfileRow
          title={t("profile.fields.stores")}
          data-testid="crm-profile-stores-row"
        >
          {profile.stores.length > 0 &&
            profile.stores.map((store) => (
              <span
                key={store.sales_channel_id}
                className="flex items-center gap-x-1"
                data-testid="crm-profile-store-badge"
                data-sales-channel-id={store.sales_channel_id}
                data-source={store.source}
              >
                <Badge size="2xsmall" color="grey">
                  {store.name ?? store.sales_channel_id}
                </Badge>
                {store.source === "order" && (
                  <Text
                    as="span"
                    size="xsmall"
                    className="text-ui-fg-muted"
                    title={t("profile.fromOrdersHint")}
                  >
                    {t("profile.fromOrders")}
                  </Text>
                )}
              </span>
            ))}
        </ProfileRow>
      </div>
    )
  }

  return (
    <div className="divide-y" data-testid="crm-profile">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h3">{t("profile.title")}</Heading>
        <Button
          size="small"
          variant="secondary"
          disabled={!profile}
          onClick={() => setIsEditing(true)}
          data-testid="crm-profile-edit"
        >
          <PencilSquare />
          {t("profile.edit")}
        </Button>
      </div>
      {renderBody()}
      {profile && (
        <ProfileEditDrawer
          customerId={customerId}
          profile={profile}
          initials={initials}
          open={isEditing}
          onOpenChange={setIsEditing}
        />
      )}
    </div>
  )
}
