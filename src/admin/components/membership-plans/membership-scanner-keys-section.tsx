import { XCircle } from "@medusajs/icons"
import {
  Button,
  Container,
  Copy,
  Drawer,
  createDataTableColumnHelper,
  Input,
  StatusBadge,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useForm } from "react-hook-form"
import {
  useCreateScannerKey,
  useRevokeScannerKey,
  useScannerKeys,
} from "../../hooks/api/memberships"
import { formatDateTime } from "../../lib/format"
import { useConfirmedMutation } from "../../hooks/use-confirmed-mutation"
import { useFormSave } from "../../hooks/use-form-save"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import type { MembershipScannerKey } from "../../lib/types"
import { ActionMenu } from "../common/action-menu"
import { DrawerForm, FormDrawer } from "../common/drawer-form"
import { FormField } from "../common/form-field"
import { ListTable, useListPaging } from "../common/list-table"

/** How many keys one page shows. */
const KEYS_PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<MembershipScannerKey>()

/**
 * "Scanner keys": keys for door devices that may check cards and nothing else. A new key is shown
 * once, to copy; a key can be revoked after a confirmation.
 */
export const MembershipScannerKeysSection = () => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const paging = useListPaging(KEYS_PAGE_SIZE)
  const [creating, setCreating] = useState(false)
  const { scanner_keys, count, isPending, error } = useScannerKeys({
    limit: paging.limit,
    offset: paging.offset,
  })

  const columns = useMemo(
    () => [
      columnHelper.accessor("name", {
        header: t("scannerKeys.columns.name"),
        cell: ({ row }) => (
          <span
            className="text-ui-fg-base block max-w-[240px] truncate"
            data-testid="crm-scanner-key-name"
          >
            {row.original.name}
          </span>
        ),
      }),
      columnHelper.accessor("redacted", {
        header: t("scannerKeys.columns.key"),
        cell: ({ row }) => (
          <span className="text-ui-fg-subtle font-mono">
            {row.original.redacted}
          </span>
        ),
      }),
      columnHelper.accessor("created_at", {
        header: t("scannerKeys.columns.created"),
        cell: ({ row }) => (
          <span className="whitespace-nowrap">
            {formatDateTime(row.original.created_at, locale)}
          </span>
        ),
      }),
      columnHelper.accessor("last_used_at", {
        header: t("scannerKeys.columns.lastUsed"),
        cell: ({ row }) => (
          <span
            className="whitespace-nowrap"
            data-testid="crm-scanner-key-last-used"
          >
            {row.original.last_used_at ? (
              formatDateTime(row.original.last_used_at, locale)
            ) : (
              <span className="text-ui-fg-muted">
                {t("scannerKeys.neverUsed")}
              </span>
            )}
          </span>
        ),
      }),
      columnHelper.accessor("revoked_at", {
        header: t("scannerKeys.columns.status"),
        cell: ({ row }) => {
          const revoked = !!row.original.revoked_at
          return (
            <StatusBadge
              color={revoked ? "red" : "green"}
              data-testid="crm-scanner-key-status"
              data-scanner-key-id={row.original.id}
              data-revoked={revoked}
            >
              {revoked
                ? t("scannerKeys.status.revoked")
                : t("scannerKeys.status.active")}
            </StatusBadge>
          )
        },
      }),
      columnHelper.display({
        id: "actions",
        cell: ({ row }) =>
          row.original.revoked_at ? null : (
            <ScannerKeyActions scannerKey={row.original} />
          ),
      }),
    ],
    // `t` is new on every render; what it says changes only with the locale.
    [locale]
  )

  const instance = useDataTable({
    data: scanner_keys ?? [],
    columns,
    rowCount: count ?? 0,
    getRowId: (row) => row.id,
    isLoading: isPending,
    ...paging.table,
  })

  return (
    <Container className="overflow-hidden p-0">
      <ListTable
        instance={instance}
        title={t("scannerKeys.title")}
        subtitle={t("scannerKeys.subtitle")}
        headingLevel="h2"
        actions={
          <Button
            size="small"
            variant="secondary"
            onClick={() => setCreating(true)}
            data-testid="crm-scanner-key-create"
          >
            {t("scannerKeys.create")}
          </Button>
        }
        error={
          error
            ? t("scannerKeys.loadError", { message: errorText(error) })
            : null
        }
        emptyState={{
          empty: {
            heading: t("scannerKeys.emptyTitle"),
            description: t("scannerKeys.emptyDescription"),
          },
        }}
        paginationStrings="membershipsPage"
        hideSinglePage
        data-testid="crm-scanner-keys"
      />
      <CreateScannerKeyDrawer open={creating} onOpenChange={setCreating} />
    </Container>
  )
}

/** Revokes the key, after a confirmation. */
const ScannerKeyActions = ({
  scannerKey,
}: {
  scannerKey: MembershipScannerKey
}) => {
  const { t } = useTranslate()
  const { confirmAndRun, isPending } = useConfirmedMutation(
    useRevokeScannerKey()
  )

  const confirmAndRevoke = () =>
    confirmAndRun(scannerKey.id, {
      title: t("scannerKeys.revoke.title", { name: scannerKey.name }),
      description: t("scannerKeys.revoke.description", {
        name: scannerKey.name,
      }),
      confirmText: t("scannerKeys.actions.revoke"),
      cancelText: t("scannerKeys.actions.cancel"),
      success: () => t("scannerKeys.toasts.revoked", { name: scannerKey.name }),
    })

  return (
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
  const form = useForm<{ name: string }>({ defaultValues: { name: "" } })
  const { mutateAsync, isPending } = useCreateScannerKey()
  const { save, serverError } = useFormSave(mutateAsync)
  const nameError = form.formState.errors.name?.message

  const onSubmit = form.handleSubmit(async ({ name }) => {
    await save(
      { name: name.trim() },
      {
        success: ({ scanner_key }) =>
          t("scannerKeys.toasts.created", { name: scanner_key.name }),
        onSuccess: ({ scanner_key }) => onCreated(scanner_key.key),
      }
    )
  })

  return (
    <DrawerForm
      onSubmit={onSubmit}
      serverError={serverError}
      cancelLabel={t("scannerKeys.form.cancel")}
      submitLabel={t("scannerKeys.form.submit")}
      isPending={isPending}
      testIdPrefix="crm-scanner-key-form"
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
