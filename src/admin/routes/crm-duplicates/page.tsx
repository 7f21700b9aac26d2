import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import {
  MergeModal,
  type MergeTarget,
} from "../../components/customer-identity/merge-modal"
import { useModalFor } from "../../components/customer-identity/use-modal-for"
import { DuplicateGroupsPage } from "../../components/duplicate-groups/duplicate-groups-page"
import { TranslatedText } from "../../components/common/translated-text"
import { routeLabel } from "../../lib/i18n"
import type { DuplicateGroup } from "../../lib/types"

/** Customers › Duplicates: customers sharing an e-mail address or a phone number; merge a group's first two. */
const CrmDuplicatesPage = () => {
  const merge = useModalFor<MergeTarget>()

  const mergeGroup = ({ customers: [first, second] }: DuplicateGroup) =>
    merge.openFor({ customerId: first.id, otherId: second.id })

  return (
    <>
      <DuplicateGroupsPage onMergeGroup={mergeGroup} />
      <MergeModal
        target={merge.value}
        open={merge.open}
        onOpenChange={merge.onOpenChange}
      />
    </>
  )
}

// The dashboard translates the label itself (`translationNs`), so it follows a language switch.
export const config = defineRouteConfig({
  label: routeLabel("duplicatesPage.navLabel"),
  translationNs: "translation",
  icon: Users,
  nested: "/customers",
})

export const handle = {
  breadcrumb: () => <TranslatedText textKey="duplicatesPage.title" />,
}

export default CrmDuplicatesPage
