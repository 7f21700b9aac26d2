import { PencilSquare, Trash } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  createDataTableColumnHelper,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import {
  useMembershipPlans,
  useMembershipVariants,
} from "../../hooks/api/memberships"
import { useStableCallback } from "../../hooks/use-stable-callback"
import { formatNumber } from "../../lib/format"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import type { MembershipPlanWithCounts } from "../../lib/types"
import { ActionMenu } from "../common/action-menu"
import { ListTable, useListPaging } from "../common/list-table"
import { durationText, planAccent } from "../customer-memberships/format"
import { MembershipPlanFormDrawer } from "./membership-plan-form-drawer"
import { useDeleteMembershipPlanWithPrompt } from "./use-delete-membership-plan"
import { type VariantOption, variantLabel } from "./variant-picker"

/** How many plans one page shows. */
const PLANS_PAGE_SIZE = 20

type FormState = { open: boolean; plan: MembershipPlanWithCounts | null }

const columnHelper = createDataTableColumnHelper<MembershipPlanWithCounts>()

/** The membership plans: a searchable, paged table with create, edit and delete. */
export const MembershipPlansTable = () => {
  const { t, locale } = useTranslate()
  const errorText = useErrorMessage()
  const paging = useListPaging(PLANS_PAGE_SIZE)
  const [formState, setFormState] = useState<FormState>({
    open: false,
    plan: null,
  })

  const { plans, count, isPending, error } = useMembershipPlans({
    ...(paging.q ? { q: paging.q } : {}),
    limit: paging.limit,
    offset: paging.offset,
  })
  const variantNames = useVariantNames(plans)

  const onEdit = useStableCallback((plan: MembershipPlanWithCounts) =>
    setFormState({ open: true, plan })
  )
  // Cells render as components: the columns keep their identity while nothing they show changes.
  const columns = useMemo(
    () => [
      columnHelper.accessor("name", {
        header: t("membershipsPage.fields.name"),
        cell: ({ row }) => <PlanName plan={row.original} />,
      }),
      columnHelper.accessor("level", {
        header: t("membershipsPage.fields.level"),
        cell: ({ row }) => (
          <Badge size="2xsmall" color={planAccent(row.original.level)}>
            {row.original.level}
          </Badge>
        ),
      }),
      columnHelper.display({
        id: "duration",
        header: t("membershipsPage.fields.duration"),
        cell: ({ row }) => (
          <span className="whitespace-nowrap">
            {durationText(row.original, t)}
          </span>
        ),
      }),
      columnHelper.accessor("customer_group", {
        header: t("membershipsPage.fields.benefitGroup"),
        cell: ({ row }) => <PlanGroup plan={row.original} />,
      }),
      columnHelper.accessor("variant_id", {
        header: t("membershipsPage.fields.variant"),
        cell: ({ row }) => (
          <PlanVariant
            variantId={row.original.variant_id}
            name={
              row.original.variant_id
                ? variantNames.get(row.original.variant_id)
                : null
            }
          />
        ),
      }),
      columnHelper.accessor("max_shares", {
        header: t("membershipsPage.fields.maxShares"),
        headerAlign: "right",
        cell: ({ row }) => (
          <span className="block text-right">
            {formatNumber(row.original.max_shares, locale)}
          </span>
        ),
      }),
      columnHelper.accessor("active_count", {
        header: t("membershipsPage.fields.activeCount"),
        headerAlign: "right",
        cell: ({ row }) => (
          <span
            className="block text-right"
            data-testid="crm-membership-plan-active-count"
          >
            {formatNumber(row.original.active_count, locale)}
          </span>
        ),
      }),
      columnHelper.accessor("member_count", {
        header: t("membershipsPage.fields.memberCount"),
        headerAlign: "right",
        cell: ({ row }) => (
          <span
            className="block text-right"
            data-testid="crm-membership-plan-member-count"
          >
            {formatNumber(row.original.member_count, locale)}
          </span>
        ),
      }),
      columnHelper.display({
        id: "actions",
        cell: ({ row }) => <PlanActions plan={row.original} onEdit={onEdit} />,
      }),
    ],
    // `t` is new on every render; what it says changes only with the locale.
    [locale, variantNames, onEdit]
  )

  const instance = useDataTable({
    data: plans ?? [],
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
        title={t("membershipsPage.title")}
        subtitle={t("membershipsPage.subtitle")}
        searchPlaceholder={t("membershipsPage.search")}
        actions={
          <Button
            size="small"
            variant="secondary"
            onClick={() => setFormState({ open: true, plan: null })}
            data-testid="crm-membership-plan-create"
          >
            {t("membershipsPage.actions.create")}
          </Button>
        }
        error={
          error
            ? t("membershipsPage.loadError", { message: errorText(error) })
            : null
        }
        emptyState={{
          empty: {
            heading: t("membershipsPage.empty.heading"),
            description: t("membershipsPage.empty.description"),
          },
          filtered: {
            heading: t("membershipsPage.filtered.heading"),
            description: t("membershipsPage.filtered.description"),
          },
        }}
        paginationStrings="membershipsPage"
        data-testid="crm-membership-plans"
      />
      <MembershipPlanFormDrawer
        open={formState.open}
        plan={formState.plan}
        onOpenChange={(open) =>
          setFormState((current) => ({ ...current, open }))
        }
      />
    </Container>
  )
}

/** The names of the plans' variants (one request for the page), by variant id. */
const useVariantNames = (plans: MembershipPlanWithCounts[] | undefined) => {
  const ids = useMemo(
    () =>
      [
        ...new Set(
          (plans ?? []).flatMap((plan) => (plan.variant_id ? [plan.variant_id] : []))
        ),
      ].sort(),
    [plans]
  )
  const { variants } = useMembershipVariants(
    { id: ids },
    { enabled: ids.length > 0 }
  )

  return useMemo(
    () =>
      new Map(
        ((variants ?? []) as VariantOption[]).map((variant) => [
          variant.id,
          variantLabel(variant),
        ])
      ),
    [variants]
  )
}

const linkClassName =
  "text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"

type PlanCellProps = { plan: MembershipPlanWithCounts }

const PlanName = ({ plan }: PlanCellProps) => (
  <div
    className="flex min-w-0 max-w-[260px] flex-col py-2"
    data-testid="crm-membership-plan-row"
    data-plan-id={plan.id}
  >
    <span
      className="text-ui-fg-base truncate"
      data-testid="crm-membership-plan-name"
    >
      {plan.name}
    </span>
    {plan.description && (
      <span className="text-ui-fg-muted txt-compact-xsmall truncate">
        {plan.description}
      </span>
    )}
  </div>
)

const PlanGroup = ({ plan }: PlanCellProps) =>
  plan.customer_group ? (
    <Link
      to={`/customer-groups/${plan.customer_group.id}`}
      className={linkClassName}
      data-testid="crm-membership-plan-group"
    >
      {plan.customer_group.name}
    </Link>
  ) : (
    <span className="text-ui-fg-muted">-</span>
  )

type PlanVariantProps = {
  variantId: string | null
  /** The variant's name once loaded. */
  name: string | null | undefined
}

const PlanVariant = ({ variantId, name }: PlanVariantProps) =>
  variantId ? (
    <span
      className="text-ui-fg-subtle block max-w-[220px] truncate"
      title={name ?? variantId}
      data-testid="crm-membership-plan-variant"
    >
      {name ?? variantId}
    </span>
  ) : (
    <span className="text-ui-fg-muted">-</span>
  )

type PlanActionsProps = PlanCellProps & {
  onEdit: (plan: MembershipPlanWithCounts) => void
}

const PlanActions = ({ plan, onEdit }: PlanActionsProps) => {
  const { t } = useTranslate()
  const { confirmAndDelete, isPending } = useDeleteMembershipPlanWithPrompt()

  return (
    <ActionMenu
      label={t("membershipsPage.actions.menu", { name: plan.name })}
      disabled={isPending}
      data-testid="crm-membership-plan-actions"
      groups={[
        [
          {
            icon: <PencilSquare />,
            label: t("membershipsPage.actions.edit"),
            onClick: () => onEdit(plan),
            "data-testid": "crm-membership-plan-edit",
          },
        ],
        [
          {
            icon: <Trash />,
            label: t("membershipsPage.actions.delete"),
            onClick: () => void confirmAndDelete(plan),
            "data-testid": "crm-membership-plan-delete",
          },
        ],
      ]}
    />
  )
}
