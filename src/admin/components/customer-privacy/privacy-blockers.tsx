import { Alert, Text } from "@medusajs/ui"
import { useTranslate } from "../../lib/i18n"
import type { PrivacyBlocker } from "../../lib/types"
import { blockerText } from "./format"

type PrivacyBlockersProps = {
  title: string
  blockers: PrivacyBlocker[]
  "data-testid": string
}

/** Why an action cannot run now: each blocker in the admin's language. */
export const PrivacyBlockers = ({
  title,
  blockers,
  "data-testid": testId,
}: PrivacyBlockersProps) => {
  const { t, has, locale } = useTranslate()

  return (
    <Alert variant="warning" data-testid={testId}>
      <div className="flex flex-col gap-y-1">
        <Text size="small" leading="compact" weight="plus">
          {title}
        </Text>
        <ul className="flex list-disc flex-col gap-y-1 pl-4">
          {blockers.map((blocker) => (
            <li
              key={blocker.code}
              data-testid="crm-privacy-blocker"
              data-code={blocker.code}
            >
              <Text size="small" className="text-ui-fg-subtle">
                {blockerText(blocker, { t, has, locale })}
              </Text>
            </li>
          ))}
        </ul>
      </div>
    </Alert>
  )
}
