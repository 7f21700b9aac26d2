import { Button, clx, FocusModal, Heading, Skeleton, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useMembershipCard } from "../../hooks/api/memberships"
import { formatDate } from "../../lib/format"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import type { MembershipCard } from "../../lib/types"
import { SectionError } from "../common/load-states"
import { planAccent } from "./format"
import type { MembershipDialogProps } from "./membership-dialogs"

// Printing shows the card alone, at the size of a bank card (85.6 × 54 mm); its text is sized in
// container units, so it scales with the card.
const PRINT_STYLES = `
@media print {
  @page { margin: 10mm; }
  body * { visibility: hidden; }
  .crm-membership-card, .crm-membership-card * { visibility: visible; }
  .crm-membership-card {
    position: absolute;
    left: 0;
    top: 0;
    width: 85.6mm !important;
    box-shadow: none !important;
    -webkit-print-color-adjust: exact;
    print-color-adjust: exact;
  }
}
`

const ACCENT_CLASSES = {
  blue: {
    band: "bg-ui-tag-blue-bg",
    line: "bg-ui-tag-blue-icon",
    text: "text-ui-tag-blue-text",
  },
  green: {
    band: "bg-ui-tag-green-bg",
    line: "bg-ui-tag-green-icon",
    text: "text-ui-tag-green-text",
  },
  purple: {
    band: "bg-ui-tag-purple-bg",
    line: "bg-ui-tag-purple-icon",
    text: "text-ui-tag-purple-text",
  },
  orange: {
    band: "bg-ui-tag-orange-bg",
    line: "bg-ui-tag-orange-icon",
    text: "text-ui-tag-orange-text",
  },
} as const

/** "View card": the membership's card as the member would carry it, ready to print. */
export const MembershipCardModal = ({
  customerId,
  membership,
  open,
  onOpenChange,
}: MembershipDialogProps) => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const { card, isPending, isError, error } = useMembershipCard(
    customerId,
    membership.id,
    { enabled: open }
  )

  const renderCard = () => {
    if (isPending) {
      return (
        <Skeleton className="aspect-[85.6/54] w-[420px] max-w-full rounded-2xl" />
      )
    }
    if (isError || !card) {
      return (
        <SectionError data-testid="crm-membership-card-error">
          {t("memberships.card.loadError", { message: errorText(error) })}
        </SectionError>
      )
    }
    return <MembershipCardFace card={card} />
  }

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content data-testid="crm-membership-card">
        <FocusModal.Header>
          <Button
            size="small"
            variant="secondary"
            disabled={!card}
            onClick={() => window.print()}
            data-testid="crm-membership-card-print"
          >
            {t("memberships.card.print")}
          </Button>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center gap-y-8 overflow-y-auto px-6 py-16">
          <div className="flex flex-col items-center gap-y-1 text-center">
            <FocusModal.Title asChild>
              <Heading>{t("memberships.card.title")}</Heading>
            </FocusModal.Title>
            <FocusModal.Description asChild>
              <Text size="small" className="text-ui-fg-subtle">
                {t("memberships.card.description")}
              </Text>
            </FocusModal.Description>
          </div>
          {renderCard()}
        </FocusModal.Body>
        <style>{PRINT_STYLES}</style>
      </FocusModal.Content>
    </FocusModal>
  )
}

type MembershipCardFaceProps = {
  card: MembershipCard
}

/** The card itself: plan and level on a band in the plan's colour, holder, number, validity, QR. */
export const MembershipCardFace = ({ card }: MembershipCardFaceProps) => {
  const { t, locale } = useTranslate()
  const accent = ACCENT_CLASSES[planAccent(card.level)]
  const isActive = card.status === "active"

  return (
    <div
      className={clx(
        "crm-membership-card bg-ui-bg-base shadow-elevation-card-rest flex aspect-[85.6/54] w-[420px] max-w-full flex-col overflow-hidden rounded-2xl border [container-type:inline-size]",
        { grayscale: !isActive }
      )}
      data-testid="crm-membership-card-face"
      data-status={card.status}
    >
      <div className={clx("flex flex-col px-[6cqw] pb-[3cqw] pt-[5cqw]", accent.band)}>
        <div className="flex items-center justify-between gap-x-[3cqw]">
          <span
            className={clx(
              "text-[length:3cqw] font-medium uppercase tracking-[0.18em]",
              accent.text
            )}
          >
            {t("memberships.card.membership")}
          </span>
          <span
            className={clx(
              "bg-ui-bg-base rounded-full px-[2.5cqw] py-[0.6cqw] text-[length:2.8cqw] font-medium",
              isActive ? accent.text : "text-ui-fg-subtle"
            )}
            data-testid="crm-membership-card-status"
          >
            {t(`memberships.status.${card.status}`)}
          </span>
        </div>
        <span
          className="text-ui-fg-base mt-[1.5cqw] truncate text-[length:6.4cqw] font-semibold leading-tight"
          data-testid="crm-membership-card-plan"
        >
          {card.plan_name}
        </span>
        <span className="text-ui-fg-subtle text-[length:3.4cqw]">
          {t("memberships.card.level", { level: card.level })}
        </span>
      </div>
      <div className={clx("h-[1.2cqw]", accent.line)} />
      <div className="flex flex-1 items-end justify-between gap-x-[4cqw] px-[6cqw] pb-[5cqw] pt-[3cqw]">
        <div className="flex min-w-0 flex-col gap-y-[2.2cqw]">
          <CardField label={t("memberships.card.holder")}>
            <span
              className="text-ui-fg-base block truncate text-[length:4.6cqw] font-medium"
              data-testid="crm-membership-card-holder"
            >
              {card.holder_name}
            </span>
          </CardField>
          <div className="flex gap-x-[5cqw]">
            <CardField label={t("memberships.card.number")}>
              <span
                className="text-ui-fg-base font-mono text-[length:3.8cqw] tracking-wide"
                data-testid="crm-membership-card-number"
              >
                {card.number}
              </span>
            </CardField>
            <CardField label={t("memberships.card.validUntil")}>
              <span
                className="text-ui-fg-base text-[length:3.8cqw]"
                data-testid="crm-membership-card-valid-until"
              >
                {card.valid_until
                  ? formatDate(card.valid_until, locale)
                  : t("memberships.lifetime")}
              </span>
            </CardField>
          </div>
        </div>
        <div
          className="size-[24cqw] shrink-0 rounded-[1.5cqw] p-[1.2cqw] shadow-[0_0_0_1px_rgba(0,0,0,0.08)] [&_svg]:block [&_svg]:size-full"
          // The QR code stays dark on white, whatever the admin's theme, so it always scans.
          style={{ background: "#fff" }}
          role="img"
          aria-label={t("memberships.card.qr", { code: card.code })}
          data-testid="crm-membership-card-qr"
          // The SVG is made by our own server, from the card's code.
          dangerouslySetInnerHTML={{ __html: card.qr_svg }}
        />
      </div>
    </div>
  )
}

type CardFieldProps = {
  label: string
  children: ReactNode
}

const CardField = ({ label, children }: CardFieldProps) => (
  <div className="flex min-w-0 flex-col">
    <span className="text-ui-fg-muted text-[length:2.6cqw] uppercase tracking-[0.12em]">
      {label}
    </span>
    {children}
  </div>
)
