import { CheckCircleSolid, EyeSlash, XCircleSolid } from "@medusajs/icons"
import { Alert, Badge, Button, Heading, Text } from "@medusajs/ui"
import { useAnonymizeCustomer } from "../../hooks/api/privacy"
import { useConfirmedMutation } from "../../hooks/use-confirmed-mutation"
import { formatDateTime, formatNumber } from "../../lib/format"
import { type TranslationKey, useTranslate } from "../../lib/i18n"
import type { CustomerPrivacy } from "../../lib/types"
import { holdLabel } from "./format"
import { PrivacyBlockers } from "./privacy-blockers"

/** What anonymizing erases, and what it keeps, as the tab lists them. */
const ERASED: TranslationKey[] = [
  "privacy.anonymize.erased.identity",
  "privacy.anonymize.erased.addresses",
  "privacy.anonymize.erased.crm",
  "privacy.anonymize.erased.orders",
  "privacy.anonymize.erased.login",
]
const KEPT: TranslationKey[] = [
  "privacy.anonymize.kept.orders",
  "privacy.anonymize.kept.metrics",
  "privacy.anonymize.kept.request",
]

type AnonymizeSectionProps = {
  privacy: CustomerPrivacy
}

/**
 * "Anonymize customer": what will happen (the person's records, what they hold, what is erased
 * and what is kept), what blocks it now, and the button, which asks to type the word first. Once
 * done, when it was.
 */
export const AnonymizeSection = ({ privacy }: AnonymizeSectionProps) => {
  const { t, locale } = useTranslate()

  return (
    <div className="divide-y" data-testid="crm-privacy-anonymize">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <Heading level="h3">{t("privacy.anonymize.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("privacy.anonymize.description")}
          </Text>
        </div>
        {!privacy.anonymized && (
          <AnonymizeButton
            customerId={privacy.customer_id}
            recordCount={privacy.records.customer_ids.length}
            disabled={!privacy.anonymize.allowed}
          />
        )}
      </div>
      {privacy.anonymized ? (
        <div className="px-6 py-4">
          <Alert
            variant="info"
            data-testid="crm-privacy-anonymized"
            data-anonymized-at={privacy.anonymized_at ?? ""}
          >
            <div className="flex flex-col gap-y-1">
              <Text size="small" leading="compact" weight="plus">
                {privacy.anonymized_at
                  ? t("privacy.anonymize.anonymizedOn", {
                      date: formatDateTime(privacy.anonymized_at, locale),
                    })
                  : t("privacy.anonymized")}
              </Text>
              <Text size="small" className="text-ui-fg-subtle">
                {t("privacy.anonymize.anonymizedHint")}
              </Text>
            </div>
          </Alert>
        </div>
      ) : (
        <>
          <WhatHappens privacy={privacy} />
          {privacy.anonymize.blockers.length > 0 && (
            <div className="px-6 py-4">
              <PrivacyBlockers
                title={t("privacy.anonymize.blockedTitle")}
                blockers={privacy.anonymize.blockers}
                data-testid="crm-privacy-anonymize-blockers"
              />
            </div>
          )}
        </>
      )}
    </div>
  )
}

/** The person's records and what they hold; what is erased and what is kept. */
const WhatHappens = ({ privacy }: AnonymizeSectionProps) => {
  const { t, has, locale } = useTranslate()
  const recordCount = privacy.records.customer_ids.length
  const holds = Object.entries(privacy.holds)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => ({
      name,
      label: holdLabel(name, { t, has, locale }),
      count,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, locale))

  return (
    <div className="flex flex-col gap-y-4 px-6 py-4">
      <div className="flex flex-col gap-y-2">
        <Text
          size="small"
          leading="compact"
          weight="plus"
          data-testid="crm-privacy-records"
          data-count={recordCount}
        >
          {recordCount === 1
            ? t("privacy.anonymize.recordsOne")
            : t("privacy.anonymize.recordsMany", {
                count: formatNumber(recordCount, locale),
              })}
        </Text>
        {holds.length > 0 ? (
          <div
            className="flex flex-wrap gap-1"
            data-testid="crm-privacy-holds"
          >
            {holds.map(({ name, label, count }) => (
              <Badge
                key={name}
                size="2xsmall"
                data-testid="crm-privacy-hold-count"
                data-name={name}
                data-count={count}
              >
                {label}: {formatNumber(count, locale)}
              </Badge>
            ))}
          </div>
        ) : (
          <Text size="small" className="text-ui-fg-muted">
            {t("privacy.anonymize.nothingHeld")}
          </Text>
        )}
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <EffectList
          title={t("privacy.anonymize.erasedTitle")}
          items={ERASED}
          icon={<XCircleSolid className="text-ui-fg-error shrink-0" />}
          data-testid="crm-privacy-erased"
        />
        <EffectList
          title={t("privacy.anonymize.keptTitle")}
          items={KEPT}
          icon={<CheckCircleSolid className="text-ui-fg-interactive shrink-0" />}
          data-testid="crm-privacy-kept"
        />
      </div>
    </div>
  )
}

type EffectListProps = {
  title: string
  items: TranslationKey[]
  icon: JSX.Element
  "data-testid": string
}

const EffectList = ({
  title,
  items,
  icon,
  "data-testid": testId,
}: EffectListProps) => {
  const { t } = useTranslate()

  return (
    <div className="flex flex-col gap-y-2" data-testid={testId}>
      <Text size="small" leading="compact" weight="plus">
        {title}
      </Text>
      <ul className="flex flex-col gap-y-1">
        {items.map((key) => (
          <li key={key} className="flex items-start gap-x-2">
            {icon}
            <Text size="small" className="text-ui-fg-subtle">
              {t(key)}
            </Text>
          </li>
        ))}
      </ul>
    </div>
  )
}

type AnonymizeButtonProps = {
  customerId: string
  recordCount: number
  disabled: boolean
}

/** The red button: the dashboard's prompt asks to type the word, then the person is anonymized. */
const AnonymizeButton = ({
  customerId,
  recordCount,
  disabled,
}: AnonymizeButtonProps) => {
  const { t, locale } = useTranslate()
  const { confirmAndRun, isPending } = useConfirmedMutation(
    useAnonymizeCustomer(customerId)
  )

  const handleClick = () =>
    confirmAndRun(
      { confirm: "anonymize" },
      {
        title: t("privacy.anonymize.confirmTitle"),
        description:
          recordCount === 1
            ? t("privacy.anonymize.confirmDescriptionOne")
            : t("privacy.anonymize.confirmDescriptionMany", {
                count: formatNumber(recordCount, locale),
              }),
        verificationText: t("privacy.anonymize.confirmWord"),
        verificationInstruction: t("privacy.confirmInstruction"),
        confirmText: t("privacy.anonymize.confirm"),
        cancelText: t("privacy.cancel"),
        success: () => t("privacy.anonymize.done"),
      }
    )

  return (
    <Button
      size="small"
      variant="danger"
      className="shrink-0"
      disabled={disabled}
      isLoading={isPending}
      onClick={handleClick}
      data-testid="crm-privacy-anonymize-button"
    >
      <EyeSlash />
      {t("privacy.anonymize.button")}
    </Button>
  )
}
