import { ArchiveBox, ArrowUturnLeft, PencilSquare } from "@medusajs/icons"
import {
  Container,
  createDataTableColumnHelper,
  StatusBadge,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import {
  useConsentPurposes,
  useUpdateConsentPurpose,
} from "../../hooks/api/consents"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import { mutateWithToast } from "../../lib/mutate-with-toast"
import type { ConsentPurpose } from "../../lib/types"
import { ActionMenu } from "../common/action-menu"
import { ListTable } from "../common/list-table"
import { ConsentPurposeDrawer } from "./consent-purpose-drawer"

const columnHelper = createDataTableColumnHelper<ConsentPurpose>()

/**
 * Customers › Privacy: the purposes customers can consent to, with the text they agree to and its
 * version. Create one, edit it (a changed text becomes a new version; earlier grants keep theirs),
 * archive it (no longer offered; its log stays) or bring it back.
 */
export const ConsentPurposesSection = () => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const { purposes, isPending, isError, error } = useConsentPurposes()
  const [editing, setEditing] = useState<ConsentPurpose | "new" | null>(null)

  const columns = useMemo(
    () => [
      columnHelper.accessor("name", {
        header: t("privacy.purposes.columns.name"),
        cell: ({ row }) => (
          <div
            className="flex flex-col"
            data-testid="crm-purpose-row"
            data-handle={row.original.handle}
          >
            <Text size="small" weight="plus">
              {row.original.name}
            </Text>
            <Text size="xsmall" className="text-ui-fg-muted">
              {row.original.handle}
            </Text>
          </div>
        ),
      }),
      columnHelper.accessor("text", {
        header: t("privacy.purposes.columns.text"),
        cell: ({ row }) => (
          <Text size="small" className="text-ui-fg-subtle line-clamp-2 max-w-md">
            {row.original.text}
          </Text>
        ),
      }),
      columnHelper.accessor("version", {
        header: t("privacy.purposes.columns.version"),
        cell: ({ row }) => (
          <span data-testid="crm-purpose-row-version">
            {t("privacy.consents.version", { version: row.original.version })}
          </span>
        ),
      }),
      columnHelper.accessor("archived_at", {
        header: t("privacy.purposes.columns.status"),
        cell: ({ row }) => (
          <StatusBadge
            color={row.original.archived_at ? "grey" : "green"}
            data-testid="crm-purpose-row-status"
          >
            {row.original.archived_at
              ? t("privacy.purposes.archived")
              : t("privacy.purposes.live")}
          </StatusBadge>
        ),
      }),
      columnHelper.display({
        id: "actions",
        cell: ({ row }) => (
          <PurposeActions
            purpose={row.original}
            onEdit={() => setEditing(row.original)}
          />
        ),
      }),
    ],
    // `t` is new on every render; what it says changes only with the locale.
    [locale]
  )

  const data = purposes ?? []
  const instance = useDataTable({
    data,
    columns,
    rowCount: data.length,
    getRowId: (row) => row.id,
    isLoading: isPending,
  })

  return (
    <Container className="p-0" data-testid="crm-purposes">
      <ListTable
        instance={instance}
        title={t("privacy.purposes.title")}
        subtitle={t("privacy.purposes.description")}
        headingLevel="h2"
        count={data.length}
        error={isError ? t("privacy.purposes.loadError", { message: errorText(error) }) : null}
        add={{
          label: t("privacy.purposes.add"),
          onClick: () => setEditing("new"),
          "data-testid": "crm-purposes-add",
        }}
        emptyState={{
          empty: {
            heading: t("privacy.purposes.emptyTitle"),
            description: t("privacy.purposes.emptyDescription"),
          },
        }}
        data-testid="crm-purposes-list"
      />
      {editing && (
        <ConsentPurposeDrawer
          purpose={editing === "new" ? undefined : editing}
          open={!!editing}
          onOpenChange={(open) => !open && setEditing(null)}
        />
      )}
    </Container>
  )
}

const PurposeActions = ({
  purpose,
  onEdit,
}: {
  purpose: ConsentPurpose
  onEdit: () => void
}) => {
  const { t } = useTranslate()
  const { mutateAsync, isPending } = useUpdateConsentPurpose(purpose.id)
  const archived = !!purpose.archived_at

  const toggleArchive = () =>
    mutateWithToast(
      mutateAsync,
      { archived: !archived },
      {
        success: () =>
          archived
            ? t("privacy.purposes.restored", { name: purpose.name })
            : t("privacy.purposes.archivedDone", { name: purpose.name }),
      }
    )

  return (
    <div className="flex justify-end">
      <ActionMenu
        label={t("privacy.purposes.actions")}
        disabled={isPending}
        data-testid="crm-purpose-actions"
        groups={[
          [
            {
              icon: <PencilSquare />,
              label: t("privacy.purposes.edit"),
              onClick: onEdit,
              "data-testid": "crm-purpose-edit",
            },
          ],
          [
            archived
              ? {
                  icon: <ArrowUturnLeft />,
                  label: t("privacy.purposes.restore"),
                  onClick: toggleArchive,
                  "data-testid": "crm-purpose-restore",
                }
              : {
                  icon: <ArchiveBox />,
                  label: t("privacy.purposes.archive"),
                  onClick: toggleArchive,
                  "data-testid": "crm-purpose-archive",
                },
          ],
        ]}
      />
    </div>
  )
}
