import {
  CheckCircleSolid,
  ExclamationCircleSolid,
  XCircleSolid,
} from "@medusajs/icons"
import { Button, clx, Container, Heading, Input, Text } from "@medusajs/ui"
import { type FormEvent, type ReactNode, useRef, useState } from "react"
import { useVerifyMembership } from "../../hooks/api/memberships"
import { formatDate } from "../../lib/format"
import { useErrorMessage } from "../../lib/errors"
import { useTranslate } from "../../lib/i18n"
import type {
  MembershipVerifyResponse,
  MembershipVerifyResult,
} from "../../lib/types"
import { SectionRow } from "../common/section-row"

const RESULT_STYLES: Record<
  MembershipVerifyResult,
  { icon: ReactNode; className: string }
> = {
  valid: {
    icon: <CheckCircleSolid />,
    className: "bg-ui-tag-green-bg text-ui-tag-green-text border-ui-tag-green-border",
  },
  expired: {
    icon: <ExclamationCircleSolid />,
    className:
      "bg-ui-tag-orange-bg text-ui-tag-orange-text border-ui-tag-orange-border",
  },
  cancelled: {
    icon: <XCircleSolid />,
    className: "bg-ui-tag-red-bg text-ui-tag-red-text border-ui-tag-red-border",
  },
  replaced: {
    icon: <ExclamationCircleSolid />,
    className:
      "bg-ui-tag-orange-bg text-ui-tag-orange-text border-ui-tag-orange-border",
  },
  invalid: {
    icon: <XCircleSolid />,
    className: "bg-ui-tag-red-bg text-ui-tag-red-text border-ui-tag-red-border",
  },
}

/** "Check a card": type or scan a card's code and see whether it lets the member in. */
export const MembershipVerifySection = () => {
  const { t } = useTranslate()
  const errorText = useErrorMessage()
  const inputRef = useRef<HTMLInputElement>(null)
  const [draft, setDraft] = useState("")
  const [code, setCode] = useState("")
  const { result, membership, isFetching, isError, error, refetch } =
    useVerifyMembership(code)

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    const next = draft.trim()
    if (!next) {
      return
    }
    if (next === code) {
      // The same card again: check it again (it may have changed since).
      void refetch()
    } else {
      setCode(next)
    }
    // Ready for the next scan: a scanner types the whole code again.
    inputRef.current?.select()
  }

  return (
    <Container className="divide-y p-0" data-testid="crm-membership-verify">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">{t("membershipsPage.verify.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("membershipsPage.verify.subtitle")}
        </Text>
      </div>
      <form
        onSubmit={handleSubmit}
        className="flex items-center gap-x-2 px-6 py-4"
        noValidate
      >
        <div className="w-full max-w-md">
          <Input
            ref={inputRef}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder={t("membershipsPage.verify.placeholder")}
            aria-label={t("membershipsPage.verify.placeholder")}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            data-testid="crm-membership-verify-input"
          />
        </div>
        <Button
          type="submit"
          size="small"
          variant="secondary"
          isLoading={isFetching}
          disabled={!draft.trim()}
          data-testid="crm-membership-verify-submit"
        >
          {t("membershipsPage.verify.submit")}
        </Button>
      </form>
      {isError && (
        <div className="px-6 py-4">
          <Text
            size="small"
            className="text-ui-fg-error"
            data-testid="crm-membership-verify-error"
          >
            {t("membershipsPage.verify.error", {
              message: errorText(error),
            })}
          </Text>
        </div>
      )}
      {result && !isError && (
        <VerifyResult result={result} membership={membership ?? null} />
      )}
    </Container>
  )
}

type VerifyResultProps = {
  result: MembershipVerifyResult
  membership: MembershipVerifyResponse["membership"]
}

const VerifyResult = ({ result, membership }: VerifyResultProps) => {
  const { t, locale } = useTranslate()
  const style = RESULT_STYLES[result]

  return (
    <div data-testid="crm-membership-verify-result" data-result={result}>
      <div className="px-6 py-4">
        <div
          className={clx(
            "flex items-start gap-x-3 rounded-lg border px-4 py-3",
            style.className
          )}
        >
          <span className="mt-0.5 shrink-0">{style.icon}</span>
          <div className="flex flex-col">
            <Text size="base" weight="plus" leading="compact">
              {t(`membershipsPage.verify.results.${result}`)}
            </Text>
            <Text size="small">
              {t(`membershipsPage.verify.hints.${result}`)}
            </Text>
          </div>
        </div>
      </div>
      {membership && (
        <>
          <SectionRow
            title={t("membershipsPage.verify.number")}
            value={<span className="font-mono">{membership.number}</span>}
            data-testid="crm-membership-verify-number"
          />
          {/* A replaced card names nobody: it is no longer its holder's. */}
          {membership.holder_name && (
            <SectionRow
              title={t("membershipsPage.verify.holder")}
              value={membership.holder_name}
              data-testid="crm-membership-verify-holder"
            />
          )}
          <SectionRow
            title={t("membershipsPage.verify.plan")}
            value={membership.plan_name}
            data-testid="crm-membership-verify-plan"
          />
          <SectionRow
            title={t("membershipsPage.verify.validUntil")}
            value={
              membership.expires_at
                ? formatDate(membership.expires_at, locale)
                : t("memberships.lifetime")
            }
            data-testid="crm-membership-verify-valid-until"
          />
          <SectionRow
            title={t("membershipsPage.verify.status")}
            value={t(`memberships.status.${membership.status}`)}
            data-testid="crm-membership-verify-status"
          />
        </>
      )}
    </div>
  )
}
