import { Plus, Trash } from "@medusajs/icons"
import {
  Badge,
  Button,
  Heading,
  IconButton,
  Table,
  Text,
  Tooltip,
  usePrompt,
} from "@medusajs/ui"
import { useState } from "react"
import { useRemoveAlternateEmail } from "../../hooks/api/identity"
import { formatDateTime, formatRelative } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { CustomerAlternateEmail } from "../../lib/types"
import { EmptyState } from "../common/load-states"
import { AddEmailDrawer } from "./add-email-drawer"

type AlternateEmailsSectionProps = {
  customerId: string
  emails: CustomerAlternateEmail[]
}

/** The customer's other addresses (searched and matched like the primary one): add and remove. */
export const AlternateEmailsSection = ({
  customerId,
  emails,
}: AlternateEmailsSectionProps) => {
  const { t } = useTranslate()
  const [isAdding, setIsAdding] = useState(false)

  return (
    <div className="divide-y" data-testid="crm-identity-emails">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h3">{t("identity.emails.title")}</Heading>
          {!!emails.length && (
            <Badge size="2xsmall" data-testid="crm-identity-emails-count">
              {emails.length}
            </Badge>
          )}
        </div>
        <Button
          size="small"
          variant="secondary"
          onClick={() => setIsAdding(true)}
          data-testid="crm-identity-add-email"
        >
          <Plus />
          {t("identity.emails.add")}
        </Button>
      </div>
      {emails.length ? (
        <div className="overflow-x-auto">
          <Table data-testid="crm-identity-emails-table">
            <Table.Header className="border-t-0">
              <Table.Row>
                <Table.HeaderCell>
                  {t("identity.columns.email")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("identity.columns.added")}
                </Table.HeaderCell>
                <Table.HeaderCell className="w-px" />
              </Table.Row>
            </Table.Header>
            <Table.Body className="border-b-0">
              {emails.map((email) => (
                <EmailRow
                  key={email.id}
                  customerId={customerId}
                  email={email}
                />
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : (
        <EmptyState
          title={t("identity.emails.emptyTitle")}
          description={t("identity.emails.emptyDescription")}
          data-testid="crm-identity-emails-empty"
        />
      )}
      <AddEmailDrawer
        customerId={customerId}
        currentEmails={emails.map(({ email }) => email.toLowerCase())}
        open={isAdding}
        onOpenChange={setIsAdding}
      />
    </div>
  )
}

type EmailRowProps = {
  customerId: string
  email: CustomerAlternateEmail
}

const EmailRow = ({ customerId, email }: EmailRowProps) => {
  const { t, locale } = useTranslate()
  const prompt = usePrompt()
  const { mutateAsync, isPending } = useRemoveAlternateEmail(customerId)

  const handleRemove = async () => {
    const confirmed = await prompt({
      title: t("identity.emails.removeTitle"),
      description: t("identity.emails.removeDescription", {
        email: email.email,
      }),
      confirmText: t("identity.emails.remove"),
      cancelText: t("identity.emails.cancel"),
    })
    if (!confirmed) {
      return
    }
    await mutateWithToast(mutateAsync, email.id, {
      success: () => t("identity.emails.removed", { email: email.email }),
    })
  }

  return (
    <Table.Row
      className="last-of-type:border-b-0"
      data-testid="crm-identity-email"
      data-email={email.email}
      data-source={email.source}
    >
      <Table.Cell className="max-w-[320px]">
        <span className="text-ui-fg-base block truncate">{email.email}</span>
      </Table.Cell>
      <Table.Cell>
        <div className="flex flex-col py-2">
          <Tooltip content={formatDateTime(email.created_at, locale)}>
            <span className="text-ui-fg-subtle w-fit">
              <time dateTime={email.created_at}>
                {formatRelative(email.created_at, locale)}
              </time>
            </span>
          </Tooltip>
          <Text
            size="xsmall"
            className="text-ui-fg-muted"
            data-testid="crm-identity-email-source"
          >
            {t(`identity.emails.sources.${email.source}`)}
          </Text>
        </div>
      </Table.Cell>
      <Table.Cell>
        <Tooltip content={t("identity.emails.remove")}>
          <IconButton
            size="small"
            variant="transparent"
            aria-label={t("identity.emails.removeLabel", {
              email: email.email,
            })}
            disabled={isPending}
            onClick={handleRemove}
            data-testid="crm-identity-email-remove"
          >
            <Trash />
          </IconButton>
        </Tooltip>
      </Table.Cell>
    </Table.Row>
  )
}
