import { PencilSquare, Trash } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  Heading,
  Input,
  Table,
  Text,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import {
  useMembershipPlans,
  useMembershipVariants,
} from "../../hooks/api/memberships"
import { useDebounced } from "../../hooks/use-debounced"
import { formatNumber } from "../../lib/format"
import { useTranslate } from "../../lib/i18n"
import type { MembershipPlanWithCounts } from "../../lib/types"
import { ActionMenu } from "../common/action-menu"
import { EmptyState, SectionError, Skeletons } from "../common/load-states"
import { durationText, planAccent } from "../customer-memberships/format"
import { MembershipPlanFormDrawer } from "./membership-plan-form-drawer"
import { useDeleteMembershipPlanWithPrompt } from "./use-delete-membership-plan"
import { type VariantOption, variantLabel } from "./variant-picker"

/** How many plans one page shows. */
const PLANS_PAGE_SIZE = 20

const SEARCH_DEBOUNCE_MS = 300

type FormState = { open: boolean; plan: MembershipPlanWithCounts | null }

/** The membership plans: a searchable, paged table with create, edit and delete. */
export const MembershipPlansTable = () => {
  const { t } = useTranslate()
  const [search, setSearch] = useState("")
  const q = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS)
  const [page, setPage] = useState({ q, offset: 0 })
  // A new search starts at its first page.
  const offset = page.q === q ? page.offset : 0
  const [formState, setFormState] = useState<FormState>({
    open: false,
    plan: null,
  })

  const { plans, count, isPending, isError, error } = useMembershipPlans({
    ...(q ? { q } : {}),
    limit: PLANS_PAGE_SIZE,
    offset,
  })
  const variantNames = useVariantNames(plans)

  const total = count ?? 0
  const pageIndex = Math.floor(offset / PLANS_PAGE_SIZE)
  const pageCount = Math.max(1, Math.ceil(total / PLANS_PAGE_SIZE))

  const renderBody = () => {
    if (isPending) {
      return (
        <div className="flex flex-col gap-y-3 px-6 py-4">
          <Skeletons count={4} className="h-6 w-full" />
        </div>
      )
    }
    if (isError) {
      return (
        <SectionError data-testid="crm-membership-plans-error">
          {t("membershipsPage.loadError", { message: error?.message ?? "" })}
        </SectionError>
      )
    }
    if (!plans?.length) {
      return q ? (
        <EmptyState
          title={t("membershipsPage.filtered.heading")}
          description={t("membershipsPage.filtered.description")}
          className="py-10"
          data-testid="crm-membership-plans-empty"
        />
      ) : (
        <EmptyState
          title={t("membershipsPage.empty.heading")}
          description={t("membershipsPage.empty.description")}
          className="py-10"
          data-testid="crm-membership-plans-empty"
        />
      )
    }
    return (
      <>
        <div className="overflow-x-auto">
          <Table data-testid="crm-membership-plans-table">
            <PlansHeader />
            <Table.Body>
              {plans.map((plan) => (
                <PlanRow
                  key={plan.id}
                  plan={plan}
                  variantName={
                    plan.variant_id ? variantNames.get(plan.variant_id) : null
                  }
                  onEdit={() => setFormState({ open: true, plan })}
                />
              ))}
            </Table.Body>
          </Table>
        </div>
        <Table.Pagination
          count={total}
          pageSize={PLANS_PAGE_SIZE}
          pageIndex={pageIndex}
          pageCount={pageCount}
          canPreviousPage={pageIndex > 0}
          canNextPage={pageIndex < pageCount - 1}
          previousPage={() =>
            setPage({ q, offset: Math.max(0, offset - PLANS_PAGE_SIZE) })
          }
          nextPage={() => setPage({ q, offset: offset + PLANS_PAGE_SIZE })}
          translations={{
            of: t("membershipsPage.pagination.of"),
            results: t("membershipsPage.pagination.results"),
            pages: t("membershipsPage.pagination.pages"),
            prev: t("membershipsPage.pagination.prev"),
            next: t("membershipsPage.pagination.next"),
          }}
        />
      </>
    )
  }

  return (
    <Container className="divide-y p-0" data-testid="crm-membership-plans">
      <div className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
        <div>
          <Heading>{t("membershipsPage.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("membershipsPage.subtitle")}
          </Text>
        </div>
        <div className="flex w-full items-center gap-x-2 md:w-auto">
          <Input
            type="search"
            size="small"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t("membershipsPage.search")}
            aria-label={t("membershipsPage.search")}
            className="w-full md:w-[200px]"
            data-testid="crm-membership-plans-search"
          />
          <Button
            size="small"
            variant="secondary"
            onClick={() => setFormState({ open: true, plan: null })}
            data-testid="crm-membership-plan-create"
          >
            {t("membershipsPage.actions.create")}
          </Button>
        </div>
      </div>
      <div>{renderBody()}</div>
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

const PlansHeader = () => {
  const { t } = useTranslate()

  return (
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>{t("membershipsPage.fields.name")}</Table.HeaderCell>
        <Table.HeaderCell>{t("membershipsPage.fields.level")}</Table.HeaderCell>
        <Table.HeaderCell>
          {t("membershipsPage.fields.duration")}
        </Table.HeaderCell>
        <Table.HeaderCell>
          {t("membershipsPage.fields.benefitGroup")}
        </Table.HeaderCell>
        <Table.HeaderCell>{t("membershipsPage.fields.variant")}</Table.HeaderCell>
        <Table.HeaderCell className="text-right">
          {t("membershipsPage.fields.maxShares")}
        </Table.HeaderCell>
        <Table.HeaderCell className="text-right">
          {t("membershipsPage.fields.activeCount")}
        </Table.HeaderCell>
        <Table.HeaderCell className="text-right">
          {t("membershipsPage.fields.memberCount")}
        </Table.HeaderCell>
        <Table.HeaderCell className="w-px" />
      </Table.Row>
    </Table.Header>
  )
}

type PlanRowProps = {
  plan: MembershipPlanWithCounts
  /** The variant's name once loaded; null when the plan has none. */
  variantName: string | null | undefined
  onEdit: () => void
}

const linkClassName =
  "text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"

const PlanRow = ({ plan, variantName, onEdit }: PlanRowProps) => {
  const { t, locale } = useTranslate()
  const { confirmAndDelete, isPending } = useDeleteMembershipPlanWithPrompt()

  return (
    <Table.Row data-testid="crm-membership-plan-row" data-plan-id={plan.id}>
      <Table.Cell className="max-w-[260px]">
        <div className="flex min-w-0 flex-col py-2">
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
      </Table.Cell>
      <Table.Cell>
        <Badge size="2xsmall" color={planAccent(plan.level)}>
          {plan.level}
        </Badge>
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">
        {durationText(plan, t)}
      </Table.Cell>
      <Table.Cell>
        {plan.customer_group ? (
          <Link
            to={`/customer-groups/${plan.customer_group.id}`}
            className={linkClassName}
            data-testid="crm-membership-plan-group"
          >
            {plan.customer_group.name}
          </Link>
        ) : (
          <span className="text-ui-fg-muted">-</span>
        )}
      </Table.Cell>
      <Table.Cell className="max-w-[220px]">
        {plan.variant_id ? (
          <span
            className="text-ui-fg-subtle block truncate"
            title={variantName ?? plan.variant_id}
            data-testid="crm-membership-plan-variant"
          >
            {variantName ?? plan.variant_id}
          </span>
        ) : (
          <span className="text-ui-fg-muted">-</span>
        )}
      </Table.Cell>
      <Table.Cell className="text-right">
        {formatNumber(plan.max_shares, locale)}
      </Table.Cell>
      <Table.Cell
        className="text-right"
        data-testid="crm-membership-plan-active-count"
      >
        {formatNumber(plan.active_count, locale)}
      </Table.Cell>
      <Table.Cell
        className="text-right"
        data-testid="crm-membership-plan-member-count"
      >
        {formatNumber(plan.member_count, locale)}
      </Table.Cell>
      <Table.Cell>
        <ActionMenu
          label={t("membershipsPage.actions.menu", { name: plan.name })}
          disabled={isPending}
          data-testid="crm-membership-plan-actions"
          groups={[
            [
              {
                icon: <PencilSquare />,
                label: t("membershipsPage.actions.edit"),
                onClick: onEdit,
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
      </Table.Cell>
    </Table.Row>
  )
}
