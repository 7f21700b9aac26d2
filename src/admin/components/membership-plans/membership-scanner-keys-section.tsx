import { XCircle } from "@medusajs/icons"
import {
  Button,
  Container,
  Copy,
  Drawer,
  Heading,
  Input,
  StatusBadge,
  Table,
  Text,
  usePrompt,
} from "@medusajs/ui"
import { useState } from "react"
import { useForm } from "react-hook-form"
import {
  useCreateScannerKey,
  useRevokeScannerKey,
  useScannerKeys,
} from "../../hooks/api/memberships"
import { formatDateTime } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { MembershipScannerKey } from "../../lib/types"
import { ActionMenu } from "../common/action-menu"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"
import { EmptyState, SectionError, Skeletons } from "../common/load-states"

/** How many keys one page shows. */
const KEYS_PAGE_SIZE = 20

/**
 * "Scanner keys": keys for door devices that may check cards and nothing else. A new key is shown
 * once, to copy; a key can be revoked after a confirmation.
 */
export const MembershipScannerKeysSection = () => {
  const { t } = useTranslate()
  const [offset, setOffset] = useState(0)
  const [creating, setCreating] = useState(false)
  const { scanner_keys, count, isPending, isError, error } = useScannerKeys({
    limit: KEYS_PAGE_SIZE,
    offset,
  })

  const total = count ?? 0
  const pageIndex = Math.floor(offset / KEYS_PAGE_SIZE)
  const pageCount = Math.max(1, Math.ceil(total / KEYS_PAGE_SIZE))

  const renderBody = () => {
    if (isPending) {
      return (
        <div className="flex flex-col gap-y-3 px-6 py-4">
          <Skeletons count={2} className="h-6 w-full" />
        </div>
      )
    }
    if (isError) {
      return (
        <SectionError data-testid="crm-scanner-keys-error">
          {t("scannerKeys.loadError", { message: error?.message ?? "" })}
        </SectionError>
      )
    }
    if (!scanner_keys?.length) {
      return (
        <EmptyState
          title={t("scannerKeys.emptyTitle")}
          description={t("scannerKeys.emptyDescription")}
          className="py-10"
          data-testid="crm-scanner-keys-empty"
        />
      )
    }
    return (
      <>
        <div className="overflow-x-auto">
          <Table data-testid="crm-scanner-keys-table">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>
                  {t("scannerKeys.columns.name")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("scannerKeys.columns.key")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("scannerKeys.columns.created")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("scannerKeys.columns.lastUsed")}
                </Table.HeaderCell>
                <Table.HeaderCell>
                  {t("scannerKeys.columns.status")}
                </Table.HeaderCell>
                <Table.HeaderCell className="w-px" />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {scanner_keys.map((key) => (
                <ScannerKeyRow key={key.id} scannerKey={key} />
              ))}
            </Table.Body>
          </Table>
        </div>
        {total > KEYS_PAGE_SIZE && (
          <Table.Pagination
            count={total}
            pageSize={KEYS_PAGE_SIZE}
            pageIndex={pageIndex}
            pageCount={pageCount}
            canPreviousPage={pageIndex > 0}
            canNextPage={pageIndex < pageCount - 1}
            previousPage={() => setOffset(Math.max(0, offset - KEYS_PAGE_SIZE))}
            nextPage={() => setOffset(offset + KEYS_PAGE_SIZE)}
            translations={{
              of: t("membershipsPage.pagination.of"),
              results: t("membershipsPage.pagination.results"),
              pages: t("membershipsPage.pagination.pages"),
              prev: t("membershipsPage.pagination.prev"),
              next: t("membershipsPage.pagination.next"),
            }}
          />
        )}
      </>
    )
  }

  return (
    <Container className="divide-y p-0" data-testid="crm-scanner-keys">
      <div className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
        <div>
          <Heading level="h2">{t("scannerKeys.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("scannerKeys.subtitle")}
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          onClick={() => setCreating(true)}
          data-testid="crm-scanner-key-create"
        >
          {t("scannerKeys.create")}
        </Button>
      </div>
      <div>{renderBody()}</div>
      <CreateScannerKeyDrawer open={creating} onOpenChange={setCreating} />
    </Container>
  )
}

const ScannerKeyRow = ({
  scannerKey,
}: {
  scannerKey: MembershipScannerKey
}) => {
  const { t, locale } = useTranslate()
  const prompt = usePrompt()
  const { mutateAsync, isPending } = useRevokeScannerKey()
  const revoked = !!scannerKey.revoked_at

  const confirmAndRevoke = async () => {
    const confirmed = await prompt({
      title: t("scannerKeys.revoke.title", { name: scannerKey.name }),
      description: t("scannerKeys.revoke.description", {
        name: scannerKey.name,
      }),
      confirmText: t("scannerKeys.actions.revoke"),
      cancelText: t("scannerKeys.actions.cancel"),
    })
    if (confirmed) {
      await mutateWithToast(mutateAsync, scannerKey.id, {
        success: () =>
          t("scannerKeys.toasts.revoked", { name: scannerKey.name }),
      })
    }
  }

  return (
    <Table.Row
      data-testid="crm-scanner-key-row"
      data-scanner-key-id={scannerKey.id}
      data-revoked={revoked}
    >
      <Table.Cell className="max-w-[240px]">
        <span
          className="text-ui-fg-base block truncate"
          data-testid="crm-scanner-key-name"
        >
          {scannerKey.name}
        </span>
      </Table.Cell>
      <Table.Cell>
        <span className="text-ui-fg-subtle font-mono">
          {scannerKey.redacted}
        </span>
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        {formatDateTime(scannerKey.created_at, locale)}
      </Table.Cell>
      <Table.Cell
        className="whitespace-nowrap"
        data-testid="crm-scanner-key-last-used"
      >
        {scannerKey.last_used_at ? (
          formatDateTime(scannerKey.last_used_at, locale)
        ) : (
          <span className="text-ui-fg-muted">{t("scannerKeys.neverUsed")}</span>
        )}
      </Table.Cell>
      <Table.Cell>
        <StatusBadge
          color={revoked ? "red" : "green"}
          data-testid="crm-scanner-key-status"
        >
          {revoked
            ? t("scannerKeys.status.revoked")
            : t("scannerKeys.status.active")}
        </StatusBadge>
      </Table.Cell>
      <Table.Cell>
        {!revoked && (
          <ActionMenu
            label={t("scannerKeys.actions.menu", { name: scannerKey.name })}
            disabled={isPending}
            data-testid="crm-scanner-key-actions"
            groups={[
              [
                {
                  icon: <XCircle />,
                  label: t("scannerKeys.actions.revoke"),
                  onClick: () => void confirmAndRevoke(),
                  "data-testid": "crm-scanner-key-revoke",
                },
              ],
            ]}
          />
        )}
      </Table.Cell>
    </Table.Row>
  )
}

type CreateScannerKeyDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Names a new key, then shows it once to copy. */
const CreateScannerKeyDrawer = ({
  open,
  onOpenChange,
}: CreateScannerKeyDrawerProps) => {
  const { t } = useTranslate()
  const [created, setCreated] = useState<string | null>(null)

  const handleOpenChange = (next: boolean) => {
    if (!next) {
      // The key is gone for good once the drawer closes.
      setCreated(null)
      document.body.style.pointerEvents = "auto"
    }
    onOpenChange(next)
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={handleOpenChange}
      title={
        created ? t("scannerKeys.created.title") : t("scannerKeys.form.title")
      }
      description={
        created
          ? t("scannerKeys.created.description")
          : t("scannerKeys.form.description")
      }
      data-testid="crm-scanner-key-drawer"
    >
      {open &&
        (created ? (
          <CreatedKey
            scannerKey={created}
            onDone={() => handleOpenChange(false)}
          />
        ) : (
          <CreateScannerKeyForm onCreated={setCreated} />
        ))}
    </FormDrawer>
  )
}

const CreateScannerKeyForm = ({
  onCreated,
}: {
  onCreated: (key: string) => void
}) => {
  const { t } = useTranslate()
  const [serverError, setServerError] = useState<string | null>(null)
  const form = useForm<{ name: string }>({ defaultValues: { name: "" } })
  const { mutateAsync, isPending } = useCreateScannerKey()
  const nameError = form.formState.errors.name?.message

  const onSubmit = form.handleSubmit(async ({ name }) => {
    setServerError(null)
    await mutateWithToast(
      mutateAsync,
      { name: name.trim() },
      {
        success: ({ scanner_key }) =>
          t("scannerKeys.toasts.created", { name: scanner_key.name }),
        onSuccess: ({ scanner_key }) => onCreated(scanner_key.key),
        onError: setServerError,
      }
    )
  })

  return (
    <DrawerForm
      onSubmit={onSubmit}
      serverError={serverError}
      serverErrorTestId="crm-scanner-key-form-error"
      cancelLabel={t("scannerKeys.form.cancel")}
      submitLabel={t("scannerKeys.form.submit")}
      isPending={isPending}
      cancelTestId="crm-scanner-key-form-cancel"
      submitTestId="crm-scanner-key-form-submit"
      data-testid="crm-scanner-key-form"
    >
      <FormField
        id="crm-scanner-key-name"
        label={t("scannerKeys.form.name")}
        error={nameError}
      >
        <Input
          id="crm-scanner-key-name"
          autoFocus
          maxLength={100}
          placeholder={t("scannerKeys.form.namePlaceholder")}
          aria-invalid={!!nameError}
          data-testid="crm-scanner-key-name-input"
          {...form.register("name", {
            validate: (value) =>
              !!value.trim() || t("scannerKeys.form.nameRequired"),
          })}
        />
      </FormField>
    </DrawerForm>
  )
}

const CreatedKey = ({
  scannerKey,
  onDone,
}: {
  scannerKey: string
  onDone: () => void
}) => {
  const { t } = useTranslate()

  return (
    <>
      <Drawer.Body className="flex flex-col gap-y-4">
        <div className="bg-ui-bg-subtle flex items-center gap-x-2 rounded-lg border px-3 py-2">
          <code
            className="text-ui-fg-base min-w-0 flex-1 break-all font-mono text-sm"
            data-testid="crm-scanner-key-value"
          >
            {scannerKey}
          </code>
          <Copy
            content={scannerKey}
            aria-label={t("scannerKeys.created.copy")}
            data-testid="crm-scanner-key-copy"
          />
        </div>
      </Drawer.Body>
      <Drawer.Footer>
        <Button
          size="small"
          variant="primary"
          onClick={onDone}
          data-testid="crm-scanner-key-done"
        >
          {t("scannerKeys.created.done")}
        </Button>
      </Drawer.Footer>
    </>
  )
}
